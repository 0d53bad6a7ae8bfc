import type { AnyField } from '../../../../shared/model/entity';

/**
 * How an entity's field reads and writes in a form: text fields read a cell the way the templates do
 * (cells.ts), so "12,500" or "yes" mean in a form what they mean in a CSV; selects carry "" for unknown.
 */

/** The kinds a form shows as a text box; the others are selects or not edited in a form. */
const TEXT_KINDS = new Set(['text', 'name', 'notes', 'dns-name', 'distinguished-name', 'count', 'decimal', 'dns-names']);

export const isFormField = (field: AnyField) => TEXT_KINDS.has(field.kind) || field.kind === 'flag' || field.kind === 'choice';

/** The text a form shows for a value. */
export function fieldText(field: AnyField, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (field.kind === 'flag') return value ? 'yes' : 'no';
  if (field.kind === 'dns-names') return (value as string[]).join('; ');
  return field.format(value);
}

export type FieldRead = { ok: true; value: unknown } | { ok: false; problem: string };

/** The value a form's text stands for; an empty box is unknown (or, for a required field, missing). */
export function readFieldText(field: AnyField, text: string): FieldRead {
  const cell = text.trim();
  if (cell === '') {
    if (field.required) return { ok: false, problem: `${field.label} is required` };
    return { ok: true, value: field.blank ? field.blank() : null };
  }
  if (field.kind === 'flag') return { ok: true, value: cell === 'yes' };
  // Free text keeps its spaces; the rest is read like a template cell.
  if (field.kind === 'notes') return { ok: true, value: text };
  const parsed = field.parse(cell);
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, problem: parsed.problem };
}
