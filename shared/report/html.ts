/**
 * HTML (and SVG) built from templates whose interpolations are escaped unless they are already
 * SafeHtml: an inventory string can only ever reach the report as text.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Interpolation = string | number | SafeHtml | null | undefined | false | readonly Interpolation[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values, in HTML and SVG alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}

/** Markup the report itself produced (never inventory text), e.g. a finished SVG drawing. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

export interface Column {
  label: string;
  /** Percent of the table's width. Cells wrap anywhere, so widths decide the layout, not the longest word. */
  width?: number;
  numeric?: boolean;
}

export function thead(columns: readonly Column[]): SafeHtml {
  return html`<thead><tr>${columns.map(
    (c) => html`<th scope="col"${c.numeric ? html` class="num"` : ''}${c.width ? html` style="width:${c.width}%"` : ''}>${c.label}</th>`,
  )}</tr></thead>`;
}
