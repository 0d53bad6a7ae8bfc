/**
 * A set of case-folded strings kept as 64-bit hashes in a typed array: about 16 bytes an entry instead
 * of a JavaScript string per entry, so duplicate UPNs and proxy addresses of a million users fit in a few
 * tens of megabytes. A false "duplicate" needs two different addresses to share 64 bits of hash: with
 * ten million entries that is about three chances in a million per import.
 */
let hashHi = 0;
let hashLo = 0;

function foldNonAscii(c: number): number {
  return String.fromCharCode(c).toLowerCase().charCodeAt(0);
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Two unrelated 32-bit hashes in one pass (FNV-1a and a polynomial hash), each finished with a murmur mix. */
function hashFolded(s: string, end: number, seed: number): void {
  let a = 0x811c9dc5 ^ seed;
  let b = end;
  for (let i = 0; i < end; i++) {
    let c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    else if (c >= 128) c = foldNonAscii(c);
    a = Math.imul(a ^ c, 0x01000193);
    b = (Math.imul(b, 31) + c) | 0;
  }
  hashHi = fmix(a ^ Math.imul(b, 0x27d4eb2d));
  // Never 0: an all-zero slot marks "empty".
  hashLo = (fmix(b + 0x165667b1 + Math.imul(seed, 0x9e3779b1)) | 1) >>> 0;
}

export class FoldedStringSet {
  /** Slot i is [2i] = high and [2i+1] = low half: one cache line per probe, which is what a million inserts wait on. */
  private slots: Uint32Array;
  private mask: number;
  size = 0;

  constructor(initialCapacity = 1024) {
    let capacity = 16;
    while (capacity < initialCapacity * 2) capacity *= 2;
    this.slots = new Uint32Array(capacity * 2);
    this.mask = capacity - 1;
  }

  /**
   * Adds `value` (case-insensitively); false when it was already in the set. `end` and `seed` add
   * only a prefix, told apart by a number standing for the rest (a DN's first RDN and its parent's id).
   */
  add(value: string, end = value.length, seed = 0): boolean {
    hashFolded(value, end, seed);
    return this.insert(hashHi, hashLo);
  }

  private insert(hi: number, lo: number): boolean {
    const slots = this.slots;
    let slot = hi & this.mask;
    for (;;) {
      const l = slots[2 * slot + 1] as number;
      if (l === 0) break;
      if (l === lo && slots[2 * slot] === hi) return false;
      slot = (slot + 1) & this.mask;
    }
    slots[2 * slot] = hi;
    slots[2 * slot + 1] = lo;
    this.size++;
    if (this.size * 2 > this.mask) this.grow();
    return true;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    this.mask = old.length - 1;
    this.size = 0;
    for (let i = 0; i < old.length; i += 2) if (old[i + 1] !== 0) this.insert(old[i] as number, old[i + 1] as number);
  }
}
