import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../import/test-support/workshop.js';
import { checkWritableTarget, writeFileAtomic } from './write-file-atomic.js';

describe('writing the PDF', () => {
  it('replaces an existing file whole and leaves no temporary file', () => {
    const dir = tempDir('syncplan-write-');
    const target = join(dir, 'report.pdf');
    writeFileSync(target, 'old');
    writeFileAtomic(target, new TextEncoder().encode('%PDF-new'));
    expect(readFileSync(target, 'utf8')).toBe('%PDF-new');
    expect(readdirSync(dir)).toEqual(['report.pdf']);
  });

  it('refuses a missing folder or a folder as target before any work, and writes nothing on failure', () => {
    const dir = tempDir('syncplan-write-');
    expect(() => checkWritableTarget(join(dir, 'missing', 'report.pdf'))).toThrow(/the folder does not exist/);
    mkdirSync(join(dir, 'taken.pdf'));
    expect(() => checkWritableTarget(join(dir, 'taken.pdf'))).toThrow(/it is a folder/);
    expect(() => writeFileAtomic(join(dir, 'taken.pdf'), new Uint8Array([1]))).toThrow(/Could not write/);
    expect(readdirSync(dir)).toEqual(['taken.pdf']);
  });
});
