/**
 * PowerShell text built from inventory strings. Inventory values only ever appear inside single-quoted
 * strings (no variable expansion, no subexpressions); PowerShell also ends such a string at the
 * typographic single quotes U+2018..U+201B, so those are doubled like the ASCII one.
 */
const QUOTE = /['\u2018\u2019\u201A\u201B]/;
const QUOTES = new RegExp(QUOTE.source, 'g');

export function psString(value: string): string {
  return QUOTE.test(value) ? `'${value.replace(QUOTES, '$&$&')}'` : `'${value}'`;
}

/** For a comment line: no line breaks (they would end the comment), and no control characters. */
export function psComment(text: string): string {
  // eslint-disable-next-line no-control-regex
  return `# ${text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')}`;
}

export const REVIEW_HEADING = 'Review before running';
