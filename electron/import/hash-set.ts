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

/**
 * Two unrelated 32-bit hashes in one pass (FNV-1a and a polynomial hash), each finished with a murmur
 * mix, of s[start, end): a range of a longer string hashes as that substring would, without building it.
 */
function hashFolded(s: string, start: number, end: number, seed: number): void {
  let a = 0x811c9dc5 ^ seed;
  let b = end - start;
  for (let i = start; i < end; i++) {
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

/** A 32-bit hash of a string, the same in every thread: names a DN's parent in the DN's hash. */
export function hash32(s: string): number {
  hashFolded(s, 0, s.length, 0);
  return hashHi;
}

/** The hashes a set holds or gained, as [high, low] pairs: what crosses between threads. */
export type HashPairs = Uint32Array;

export class FoldedStringSet {
  /** Slot i is [2i] = high and [2i+1] = low half: one cache line per probe, which is what a million inserts wait on. */
  private slots: Uint32Array;
  private mask: number;
  size = 0;
  /** The hashes added since `track()`, in order, when tracked. */
  private added: Uint32Array | null = null;
  private addedLength = 0;

  constructor(initialCapacity = 1024) {
    let capacity = 16;
    while (capacity < initialCapacity * 2) capacity *= 2;
    this.slots = new Uint32Array(capacity * 2);
    this.mask = capacity - 1;
  }

  /** A copy of the set, e.g. for a worker that reads the second half of a file. */
  snapshot(): { slots: Uint32Array; size: number } {
    return { slots: this.slots.slice(), size: this.size };
  }

  static from(snapshot: { slots: Uint32Array; size: number }): FoldedStringSet {
    const set = new FoldedStringSet(16);
    set.slots = snapshot.slots;
    set.mask = snapshot.slots.length / 2 - 1;
    set.size = snapshot.size;
    return set;
  }

  /** Makes room for `more` entries at once, instead of growing (and rehashing) several times on the way. */
  reserve(more: number): void {
    let capacity = this.mask + 1;
    while ((this.size + more) * 2 > capacity) capacity *= 2;
    if (capacity === this.mask + 1) return;
    const old = this.slots;
    const added = this.added;
    this.added = null;
    this.slots = new Uint32Array(capacity * 2);
    this.mask = capacity - 1;
    this.size = 0;
    for (let i = 0; i < old.length; i += 2) if (old[i + 1] !== 0) this.insert(old[i] as number, old[i + 1] as number);
    this.added = added;
  }

  /** From now on, remember what is added (`gained`). */
  track(): void {
    this.added = new Uint32Array(1 << 16);
    this.addedLength = 0;
  }

  gained(): HashPairs {
    return (this.added ?? new Uint32Array(0)).slice(0, this.addedLength);
  }

  /** Whether any of these hashes is in the set already. */
  holdsAny(pairs: HashPairs): boolean {
    for (let i = 0; i < pairs.length; i += 2) if (this.has(pairs[i] as number, pairs[i + 1] as number)) return true;
    return false;
  }

  addAll(pairs: HashPairs): void {
    for (let i = 0; i < pairs.length; i += 2) this.insert(pairs[i] as number, pairs[i + 1] as number);
  }

  private has(hi: number, lo: number): boolean {
    const slots = this.slots;
    for (let slot = hi & this.mask; ; slot = (slot + 1) & this.mask) {
      const l = slots[2 * slot + 1] as number;
      if (l === 0) return false;
      if (l === lo && slots[2 * slot] === hi) return true;
    }
  }

  /**
   * Adds `value` (case-insensitively); false when it was already in the set. `end` and `seed` add
   * only a prefix, told apart by a number standing for the rest (a DN's first RDN and its parent's id);
   * `start` adds a range of a longer string (one address of a joined list).
   */
  add(value: string, end = value.length, seed = 0, start = 0): boolean {
    hashFolded(value, start, end, seed);
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
    if (this.added) this.remember(hi, lo);
    if (this.size * 2 > this.mask) this.grow();
    return true;
  }

  private remember(hi: number, lo: number): void {
    let added = this.added as Uint32Array;
    if (this.addedLength + 2 > added.length) {
      const bigger = new Uint32Array(added.length * 2);
      bigger.set(added);
      this.added = added = bigger;
    }
    added[this.addedLength++] = hi;
    added[this.addedLength++] = lo;
  }

  private grow(): void {
    this.reserve(this.size);
  }
}
