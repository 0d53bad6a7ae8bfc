import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { UserError } from '../../../shared/result.js';
import { inputFileError, readRegularFile } from '../../files/regular-file.js';

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

/**
 * Get-ADSyncServerConfiguration never writes a document type declaration. One that is there can only
 * declare entities (external files, parameter entities, entities that expand a billion-fold), which a
 * configuration export has no use for: such a file is refused before the parser sees it.
 */
function refuseDoctype(path: string, text: string): void {
  const at = text.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ' ')).search(/<!DOCTYPE/i);
  if (at < 0) return;
  throw new UserError(
    'bad-connect-export',
    'declares a document type (<!DOCTYPE …>, with entity declarations), which Entra Connect configuration exports never have; ' +
      'nothing was imported. Export the configuration again with Get-ADSyncServerConfiguration',
    { file: path, line: text.slice(0, at).split('\n').length },
  );
}

/** Validates and parses text already read from `path`; throws a UserError pointing at the damage. */
export function parseXmlText(path: string, text: string): XmlFile {
  refuseDoctype(path, text);
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
  let doc: unknown;
  try {
    doc = parser.parse(text);
  } catch (error) {
    throw new UserError('bad-connect-export', `could not be read as XML: ${(error as Error).message}`, { file: path });
  }
  return { path, text, doc };
}

async function readBytes(path: string): Promise<Buffer> {
  try {
    return await readRegularFile(path);
  } catch (error) {
    throw inputFileError(error, { file: path });
  }
}

export async function readXmlFile(path: string): Promise<XmlFile> {
  return parseXmlText(path, decode(await readBytes(path)));
}

/** Reads all at once but parses in order, so that the first damaged file is the one reported. */
export async function readXmlFiles(paths: readonly string[]): Promise<XmlFile[]> {
  const files = await Promise.all(paths.map(async (path) => ({ path, bytes: await readBytes(path) })));
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
