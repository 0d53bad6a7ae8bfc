import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/result.js';
import { lineOf, parseXmlText, readXmlFile } from './xml-file.js';
import { textAt } from './xml-tree.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'syncplan-xml-file-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readXmlFile', () => {
  const xml = '<a><b>0001</b><c>Zürich</c></a>';

  it.each([
    ['UTF-8', Buffer.from(xml, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml, 'utf8')])],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')])],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(xml, 'utf16le').swap16()])],
  ])('reads %s, keeping values as text', async (name, bytes) => {
    const path = join(dir, `${name}.xml`);
    await writeFile(path, bytes);
    const file = await readXmlFile(path);
    expect(textAt(file.doc, 'a', 'b')).toBe('0001');
    expect(textAt(file.doc, 'a', 'c')).toBe('Zürich');
  });
});

describe('parseXmlText', () => {
  it('reports where a file is damaged', () => {
    let error: unknown;
    try {
      parseXmlText('x.xml', '<a>\n  <b>text</c>\n</a>');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).location).toEqual({ file: 'x.xml', line: 2, column: 10 });
  });

  it('gives no column when the validator has none', () => {
    expect(() => parseXmlText('empty.xml', '')).toThrow(UserError);
    try {
      parseXmlText('empty.xml', '');
    } catch (e) {
      expect((e as UserError).location).toEqual({ file: 'empty.xml', line: 1 });
    }
  });
});

describe('lineOf', () => {
  it('finds the 1-based line of the first occurrence', () => {
    expect(lineOf('a\nb\nc b', 'b')).toBe(2);
    expect(lineOf('a', 'a')).toBe(1);
    expect(lineOf('a', 'z')).toBeUndefined();
  });
});
