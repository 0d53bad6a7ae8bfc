import { readFile } from 'node:fs/promises';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { UserError } from '../../../shared/result.js';

/** One parsed export file, its decoded text kept for locating things by line. */
export interface XmlFile {
  path: string;
  text: string;
  doc: unknown;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Values such as "0001" or "1.1.130.0" must stay text.
  parseTagValue: false,
  parseAttributeValue: false,
  // Connector and metaverse schemas are most of an export's bytes and nothing here reads them.
  stopNodes: ['*.schema'],
});

/**
 * Exports come as UTF-8 (plain ASCII in the sample); one re-saved by a Windows editor may have become
 * UTF-16, which only its byte-order mark tells apart. TextDecoder drops the mark itself.
 */
function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** Validates and parses text already read from `path`; throws a UserError pointing at the damage. */
export function parseXmlText(path: string, text: string): XmlFile {
  // The parser is lenient about broken markup; the validator is what reports where a file is damaged.
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) {
    const { msg, line, col } = verdict.err;
    throw new UserError('bad-connect-export', `not well-formed XML: ${msg}`, {
      file: path,
      ...(line >= 1 ? { line } : {}),
      ...(col >= 1 ? { column: col } : {}),
    });
  }
  return { path, text, doc: parser.parse(text) };
}

export async function readXmlFile(path: string): Promise<XmlFile> {
  return parseXmlText(path, decode(await readFile(path)));
}

/** Reads all at once but parses in order, so that the first damaged file is the one reported. */
export async function readXmlFiles(paths: readonly string[]): Promise<XmlFile[]> {
  const files = await Promise.all(paths.map(async (path) => ({ path, bytes: await readFile(path) })));
  return files.map(({ path, bytes }) => parseXmlText(path, decode(bytes)));
}

/** 1-based line of the first occurrence of `needle`, for pointing a warning at its source. */
export function lineOf(text: string, needle: string): number | undefined {
  const at = text.indexOf(needle);
  if (at < 0) return undefined;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
