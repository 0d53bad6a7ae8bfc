import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createDecoder } from './decode.js';
import { encodeAs, type ExportEncoding } from '../test-support/export-csv.js';

function decodeInChunks(bytes: Uint8Array, size: number) {
  const first = bytes.subarray(0, Math.max(size, 4));
  const { decoder, skip } = createDecoder(first);
  let text = '';
  let from = skip;
  // One reused buffer, as the file reader has: the decoder must copy what it keeps.
  const shared = Buffer.alloc(size);
  while (from < bytes.length) {
    const n = Math.min(size, bytes.length - from);
    shared.set(bytes.subarray(from, from + n));
    text += decoder.decode(shared.subarray(0, n));
    from += n;
  }
  return { text: text + decoder.end(), label: decoder.label(), replaced: decoder.replaced };
}

describe('createDecoder', () => {
  const sample = 'Name,Ville\r\nChloé,Zürich – “quoted”\r\n';
  const cases: [ExportEncoding, string][] = [
    ['utf8bom', 'UTF-8 (BOM)'],
    ['utf8', 'UTF-8'],
    ['utf16le', 'UTF-16 LE'],
    ['utf16be', 'UTF-16 BE'],
    ['ansi', 'Windows-1252 (ANSI)'],
  ];
  for (const [encoding, label] of cases) {
    it(`reads ${label}, whatever the chunk size`, () => {
      for (const size of [1, 2, 3, 5, 64]) {
        const result = decodeInChunks(encodeAs(sample, encoding), size);
        expect(result).toEqual({ text: sample, label, replaced: false });
      }
    });
  }

  it('calls a file ASCII while it is, and decides UTF-8 or ANSI at the first non-ASCII byte, however late', () => {
    const early = 'a,b\r\n'.repeat(5000);
    expect(decodeInChunks(encodeAs(`${early}é\r\n`, 'ansi'), 1024)).toEqual({ text: `${early}é\r\n`, label: 'Windows-1252 (ANSI)', replaced: false });
    expect(decodeInChunks(encodeAs(`${early}é\r\n`, 'utf8'), 1024)).toEqual({ text: `${early}é\r\n`, label: 'UTF-8', replaced: false });
    expect(decodeInChunks(encodeAs(early, 'utf8'), 1024).label).toBe('ASCII');
  });

  it('reads an ANSI byte cut off by the end of the file as ANSI', () => {
    expect(decodeInChunks(Buffer.from([0x61, 0x2c, 0xe9]), 2)).toMatchObject({ text: 'a,é', label: 'Windows-1252 (ANSI)' });
  });

  it('marks a UTF-8 file that turns invalid later as having replaced bytes', () => {
    const bytes = Buffer.concat([Buffer.from('é,a\n', 'utf8'), Buffer.from([0xe9, 0x0a])]);
    expect(decodeInChunks(bytes, 3)).toMatchObject({ label: 'UTF-8', replaced: true });
  });

  it('round-trips any text through UTF-8 and UTF-16 in any chunk size', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.constantFrom<ExportEncoding>('utf8bom', 'utf16le', 'utf16be'), fc.integer({ min: 1, max: 17 }), (text, encoding, size) => {
        expect(decodeInChunks(encodeAs(text, encoding), size).text).toBe(text);
      }),
    );
  });
});
