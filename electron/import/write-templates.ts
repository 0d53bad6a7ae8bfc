import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../shared/result.js';
import { TEMPLATE_COLUMNS, TEMPLATE_EXAMPLES, TEMPLATE_KINDS, type TemplateKind } from '../../shared/import/template-catalog.js';

/**
 * Writes the canonical templates (docs/templates.md), one example row each. UTF-8 with a BOM and CRLF,
 * so that Excel on Windows opens them with accents intact. Never overwrites: a folder that already
 * holds a template may hold a filled-in one.
 */
const quote = (cell: string) => (/[",;\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

export function templateFileName(kind: TemplateKind): string {
  return `${kind}.csv`;
}

export function writeTemplates(folder: string): string[] {
  const paths = TEMPLATE_KINDS.map((kind) => join(folder, templateFileName(kind)));
  const existing = paths.filter((p) => existsSync(p));
  if (existing.length) {
    throw new UserError('exists', `${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}; nothing was written. Choose an empty folder.`, {
      file: existing[0] as string,
    });
  }
  try {
    mkdirSync(folder, { recursive: true });
    TEMPLATE_KINDS.forEach((kind, i) => {
      const lines = [TEMPLATE_COLUMNS[kind], TEMPLATE_EXAMPLES[kind]].map((row) => row.map(quote).join(','));
      writeFileSync(paths[i] as string, `\uFEFF${lines.join('\r\n')}\r\n`, { flag: 'wx' });
    });
  } catch (error) {
    throw new UserError('write-failed', `the templates could not be written: ${(error as Error).message}`, { file: folder });
  }
  return paths;
}
