import { isAscii, isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';

/**
 * Bytes to text for the encodings Export-Csv writes: UTF-8 with or without BOM (PowerShell 7, and 5.1
 * with -Encoding UTF8), UTF-16 LE/BE with BOM (-Encoding Unicode / BigEndianUnicode) and ANSI
 * (-Encoding Default, Windows-1252 on Western systems).
 *
 * Without a BOM, UTF-8 and ANSI look alike until the first non-ASCII byte, which may come hundreds of
 * megabytes in (an "é" in the last user of a sorted export). Until then both readings give the same
 * text, so the decision is taken at that byte, never by sniffing the start of the file.
 */
export interface StreamDecoder {
  decode(bytes: Uint8Array): string;
  end(): string;
  /** For the summary: "UTF-8 (BOM)", "UTF-16 LE", "Windows-1252", "ASCII", ... */
  label(): string;
  /** Set when bytes that were not valid in the file's encoding were replaced by U+FFFD. */
  readonly replaced: boolean;
  /**
   * So far only ASCII or valid UTF-8, in whole characters: the text is what any UTF-8 reading of these
   * bytes gives, wherever it starts on a line. Two threads may then read a file's halves apart.
   */
  clean(): boolean;
}

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * A UTF-16 file with an odd number of bytes was cut short (a copy interrupted, a download truncated):
 * its last character is incomplete. Said as such, rather than as the odd row the stray byte makes.
 */
export class TruncatedTextError extends Error {
  constructor(
    readonly encoding: string,
    readonly bytes: number,
  ) {
    super(`the file is ${encoding} text but ends in the middle of a character (it has an odd number of bytes, ${bytes})`);
    this.name = 'TruncatedTextError';
  }
}

class WhatwgDecoder implements StreamDecoder {
  private readonly decoder: TextDecoder;
  private bytes = 0;
  replaced = false;
  constructor(
    encoding: string,
    private readonly name: string,
  ) {
    this.decoder = new TextDecoder(encoding);
  }
  decode(bytes: Uint8Array): string {
    this.bytes += bytes.length;
    return this.track(this.decoder.decode(bytes, { stream: true }));
  }
  end(): string {
    if (this.bytes % 2 === 1) throw new TruncatedTextError(this.name, this.bytes);
    return this.track(this.decoder.decode());
  }
  private track(text: string): string {
    if (!this.replaced && text.includes('\uFFFD')) this.replaced = true;
    return text;
  }
  label(): string {
    return this.name;
  }
  clean(): boolean {
    return false;
  }
}

/** Length of an incomplete UTF-8 sequence at the end of `bytes` (0 to 3), to carry into the next chunk. */
function incompleteTail(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let k = n - 1; k >= Math.max(0, n - 3); k--) {
    const b = bytes[k] as number;
    if ((b & 0xc0) === 0x80) continue;
    if (b < 0xc0) return 0;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return n - k < need ? n - k : 0;
  }
  return 0;
}

class Utf8OrAnsiDecoder implements StreamDecoder {
  private mode: 'ascii' | 'utf-8' | 'windows-1252' = 'ascii';
  private carry: Uint8Array = new Uint8Array(0);
  private ansi: TextDecoder | null = null;
  /** Twice as fast as Buffer#toString('utf8') on Node 20; fed only whole sequences, so never in stream mode. */
  private readonly utf8 = new TextDecoder('utf-8');
  replaced = false;

  constructor(private readonly bom: boolean) {
    if (bom) this.mode = 'utf-8';
  }

  decode(chunk: Uint8Array): string {
    if (this.mode === 'windows-1252') return this.decodeAnsi(chunk);
    let bytes = chunk;
    if (this.carry.length) {
      bytes = new Uint8Array(this.carry.length + chunk.length);
      bytes.set(this.carry);
      bytes.set(chunk, this.carry.length);
    }
    const tail = incompleteTail(bytes);
    // A copy: `chunk` may be a Buffer over the reader's reused read buffer, and Buffer#slice does not copy.
    this.carry = tail ? Uint8Array.from(bytes.subarray(bytes.length - tail)) : new Uint8Array(0);
    const whole = tail ? bytes.subarray(0, bytes.length - tail) : bytes;
    const buffer = asBuffer(whole);
    if (this.mode === 'ascii') {
      if (isAscii(buffer)) return buffer.toString('latin1');
      if (!isUtf8(buffer)) {
        this.mode = 'windows-1252';
        const carried = this.carry;
        this.carry = new Uint8Array(0);
        return this.decodeAnsi(whole) + this.decodeAnsi(carried);
      }
      this.mode = 'utf-8';
    } else if (isAscii(buffer)) {
      // UTF-8 files are mostly ASCII: such a chunk needs no decoder at all.
      return buffer.toString('latin1');
    } else if (!this.replaced && !isUtf8(buffer)) {
      this.replaced = true;
    }
    return this.utf8.decode(whole);
  }

  private decodeAnsi(bytes: Uint8Array): string {
    this.ansi ??= new TextDecoder('windows-1252');
    return this.ansi.decode(bytes, { stream: true });
  }

  end(): string {
    const carried = this.carry;
    this.carry = new Uint8Array(0);
    if (carried.length === 0) return this.ansi ? this.ansi.decode() : '';
    // A multi-byte start cut off by the end of the file: never valid UTF-8.
    if (this.mode === 'ascii') {
      this.mode = 'windows-1252';
      return this.decodeAnsi(carried) + (this.ansi as TextDecoder).decode();
    }
    this.replaced = true;
    return asBuffer(carried).toString('utf8');
  }

  clean(): boolean {
    return this.mode !== 'windows-1252' && !this.replaced && this.carry.length === 0;
  }

  label(): string {
    if (this.mode === 'windows-1252') return 'Windows-1252 (ANSI)';
    if (this.bom) return 'UTF-8 (BOM)';
    return this.mode === 'utf-8' ? 'UTF-8' : 'ASCII';
  }
}

/** For text that starts at a line inside a file whose start was read as clean UTF-8 (StreamDecoder.clean). */
export function utf8Decoder(): StreamDecoder {
  return new Utf8OrAnsiDecoder(false);
}

/** Chooses the decoder from the first bytes of the file: a BOM, or the zero bytes of BOM-less UTF-16. */
export function createDecoder(first: Uint8Array): { decoder: StreamDecoder; skip: number } {
  const [a, b, c, d] = [first[0], first[1], first[2], first[3]];
  if (a === 0xef && b === 0xbb && c === 0xbf) return { decoder: new Utf8OrAnsiDecoder(true), skip: 3 };
  // TextDecoder drops the UTF-16 BOM itself.
  if (a === 0xff && b === 0xfe) return { decoder: new WhatwgDecoder('utf-16le', 'UTF-16 LE'), skip: 0 };
  if (a === 0xfe && b === 0xff) return { decoder: new WhatwgDecoder('utf-16be', 'UTF-16 BE'), skip: 0 };
  if (first.length >= 4 && a !== 0 && b === 0 && c !== 0 && d === 0) {
    return { decoder: new WhatwgDecoder('utf-16le', 'UTF-16 LE (no BOM)'), skip: 0 };
  }
  if (first.length >= 4 && a === 0 && b !== 0 && c === 0 && d !== 0) {
    return { decoder: new WhatwgDecoder('utf-16be', 'UTF-16 BE (no BOM)'), skip: 0 };
  }
  return { decoder: new Utf8OrAnsiDecoder(false), skip: 0 };
}
