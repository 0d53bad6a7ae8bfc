import { z } from 'zod';
import { DnsName } from './dns-name.js';
import {
  formatCell,
  parseBool,
  parseChoice,
  parseCount,
  parseDecimal,
  parseDnsList,
  parseDnsName,
  parseText,
  type CellParse,
} from './cells.js';

/**
 * One description per entity: its fields, each with its type, template column, SQL column, label and
 * example, and the entity's key. The zod schema, the row mapping of the workshop file, the template
 * reader and writer, the blank row and the form labels are all derived from it (see entities.ts), so
 * that a new field is one line here plus a migration.
 */

/** What SQLite stores and returns for one column. */
export type SqlValue = string | number | null;

/** What a field holds, so that editors pick its input without knowing the entity. */
export type FieldKind =
  | 'text'
  | 'name'
  | 'notes'
  | 'dns-name'
  | 'distinguished-name'
  | 'count'
  | 'decimal'
  | 'flag'
  | 'choice'
  | 'dns-names'
  | 'json'
  | 'embedded'
  | 'typed-counts';

export interface Field<S extends z.ZodType = z.ZodType, Required extends boolean = boolean, Column extends string | null = string | null> {
  schema: S;
  kind: FieldKind;
  /** For form fields and messages. */
  label: string;
  /** Its column in the entity's template (docs/templates.md); null when the template has none. */
  column: Column;
  /** Its column in the entity's table; null when the value is stored elsewhere. */
  sql: string | null;
  /** The cell of the example row `syncplan templates` writes. */
  example: string;
  /** For a choice: each allowed value with its label for forms, in order. */
  choices?: readonly { value: string; label: string }[];
  /** Whether a row cannot exist without it (then it has no blank value). */
  required: Required;
  /** The value when nothing is known; undefined for a required field. */
  blank: Required extends true ? undefined : () => z.output<S>;
  /** Reads a trimmed, non-empty template cell. */
  parse(cell: string): CellParse<z.output<S>>;
  format(value: z.output<S>): string;
  toSql(value: z.output<S>): SqlValue;
  fromSql(raw: unknown): z.output<S>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a field of any schema, in a record of fields
export type AnyField = Field<any, boolean, string | null>;
export type Fields = Record<string, AnyField>;

interface FieldOptions {
  label: string;
  example?: string;
  /** false: the template has no column for it. */
  template?: boolean;
  /** Its SQL column when not named like the template column; false when stored elsewhere. */
  sql?: string | false;
}

type Codec<S extends z.ZodType> = Pick<Field<S>, 'kind' | 'parse' | 'format' | 'toSql' | 'fromSql'>;
/** The template column's name as a type, so that code naming a column (the engine's "collect") is checked. */
type ColumnName<C extends string, O extends FieldOptions> = O extends { template: false } ? null : C;

function optional<S extends z.ZodType, const C extends string, const O extends FieldOptions>(
  column: C,
  options: O,
  schema: S,
  blank: () => z.output<S>,
  codec: Codec<S>,
): Field<S, false, ColumnName<C, O>> {
  return {
    schema,
    label: options.label,
    column: (options.template === false ? null : column) as ColumnName<C, O>,
    sql: options.sql === false ? null : (options.sql ?? column),
    example: options.example ?? '',
    required: false,
    blank,
    ...codec,
  };
}

function required<S extends z.ZodType, const C extends string, const O extends FieldOptions>(
  column: C,
  options: O,
  schema: S,
  codec: Codec<S>,
): Field<S, true, ColumnName<C, O>> {
  return { ...optional(column, options, schema, () => undefined as z.output<S>, codec), required: true, blank: undefined };
}

const str = (raw: unknown): string | null => (raw === null || raw === undefined ? null : String(raw));
const num = (raw: unknown): number | null => (raw === null || raw === undefined ? null : Number(raw));
/** SQLite keeps booleans as 0/1; null stays "unknown". */
const toBit = (value: boolean | null): number | null => (value === null ? null : value ? 1 : 0);
const fromBit = (raw: unknown): boolean | null => (raw === null || raw === undefined ? null : raw === 1);
const identity = <T extends SqlValue>(value: T): T => value;
const noTemplate = (): CellParse<never> => ({ ok: false, problem: 'has no template column' });

const textCodec = { kind: 'text' as FieldKind, parse: parseText, format: formatCell, toSql: identity, fromSql: str };

/** Free text; empty is unknown. */
export const text = <const C extends string, const O extends FieldOptions>(column: C, options: O) => optional(column, options, z.string().nullable(), () => null, textCodec);

/** A name that identifies a row (a server, a host). */
export const name = <const C extends string, const O extends FieldOptions>(column: C, options: O) =>
  required(column, options, z.string().trim().min(1), { ...textCodec, kind: 'name', fromSql: (raw) => String(raw) });

/** Free text that is never unknown, only empty: notes. */
export const notes = <const C extends string, const O extends FieldOptions>(column: C, options: O) =>
  optional(column, options, z.string().max(10_000).default(''), () => '', { ...textCodec, kind: 'notes', fromSql: (raw) => String(raw ?? '') });

export const dnsName = <const C extends string, const O extends FieldOptions>(column: C, options: O) =>
  required(column, options, DnsName, { kind: 'dns-name', parse: parseDnsName, format: formatCell, toSql: identity, fromSql: (raw) => String(raw) });

export const optionalDnsName = <const C extends string, const O extends FieldOptions>(column: C, options: O) =>
  optional(column, options, DnsName.nullable(), () => null, { kind: 'dns-name', parse: parseDnsName, format: formatCell, toSql: identity, fromSql: str });

/** A distinguished name as written in the source; its parts are checked where it is read. */
export const distinguishedName = <const C extends string, const O extends FieldOptions>(column: C, options: O) =>
  required(column, options, z.string().min(1), { ...textCodec, kind: 'distinguished-name', fromSql: (raw) => String(raw) });

/** null means "not known from the inventory", never 0. */
export const count = <const C extends string, const O extends FieldOptions>(column: C, options: O) =>
  optional(column, options, z.number().int().nonnegative().nullable(), () => null, {
    kind: 'count',
    parse: parseCount,
    format: formatCell,
    toSql: identity,
    fromSql: num,
  });

export const decimal = <const C extends string, const O extends FieldOptions>(column: C, options: O) =>
  optional(column, options, z.number().nonnegative().nullable(), () => null, { kind: 'decimal', parse: parseDecimal, format: formatCell, toSql: identity, fromSql: num });

/** null means "not known", never "no". */
export const flag = <const C extends string, const O extends FieldOptions>(column: C, options: O) =>
  optional(column, options, z.boolean().nullable(), () => null, { kind: 'flag', parse: parseBool, format: formatCell, toSql: toBit, fromSql: fromBit });

/** A choice's labels for forms; a value without one is shown as written. */
type ValueLabels<T extends readonly string[]> = { valueLabels?: Partial<Record<T[number], string>> };
const choicesOf = <T extends readonly string[]>(values: T, labels: ValueLabels<T>['valueLabels']) =>
  values.map((value: T[number]) => ({ value, label: labels?.[value] ?? value }));

export const choice = <const T extends readonly [string, ...string[]], const C extends string, const O extends FieldOptions & ValueLabels<T>>(
  column: C,
  values: T,
  options: O,
) => ({
  ...optional(column, options, z.enum(values).nullable(), () => null, {
    kind: 'choice',
    parse: (cell) => parseChoice(cell, values),
    format: formatCell,
    toSql: identity,
    fromSql: (raw) => str(raw) as T[number] | null,
  }),
  choices: choicesOf(values, options.valueLabels),
});

export const requiredChoice = <const T extends readonly [string, ...string[]], const C extends string, const O extends FieldOptions & ValueLabels<T>>(
  column: C,
  values: T,
  options: O,
) => ({
  ...required(column, options, z.enum(values), {
    kind: 'choice',
    parse: (cell) => parseChoice(cell, values),
    format: formatCell,
    toSql: identity,
    fromSql: (raw) => String(raw) as T[number],
  }),
  choices: choicesOf(values, options.valueLabels),
});

const jsonCodec = <T>(fallback: string) => ({
  toSql: (value: T) => (value === null ? null : JSON.stringify(value)),
  fromSql: (raw: unknown) => JSON.parse(raw === null || raw === undefined ? fallback : String(raw)) as T,
});

/** A ";"-separated list of DNS names in the template, JSON in the workshop file; never unknown, only empty. */
export const dnsNames = <S extends z.ZodType<string[]>, const C extends string, const O extends FieldOptions>(column: C, options: O, schema: S) =>
  optional(column, options, schema, () => [] as z.output<S>, {
    kind: 'dns-names',
    parse: (cell) => parseDnsList(cell) as CellParse<z.output<S>>,
    format: formatCell,
    ...jsonCodec<z.output<S>>('[]'),
  });

/** Structured data only other files feed (a Connect export's OU filters): JSON in the workshop file. */
export const json = <S extends z.ZodType, const C extends string>(column: C, options: FieldOptions, schema: S, blank: () => z.output<S>) =>
  optional(column, { ...options, template: false as const }, schema, blank, { kind: 'json', parse: noTemplate, format: formatCell, ...jsonCodec<z.output<S>>(JSON.stringify(blank())) });

/** Part of the value stored by the entity's repository elsewhere (a forest's features): neither a column nor a cell. */
export const embedded = <S extends z.ZodType>(options: FieldOptions, schema: S, blank: () => z.output<S>) =>
  optional('', { ...options, template: false as const, sql: false as const }, schema, blank, { kind: 'embedded', parse: noTemplate, format: formatCell, toSql: () => null, fromSql: blank });

/**
 * The counts of a row that a person typed over, each with the value an import computed for it (null:
 * no import did). The row's own count fields hold what the model uses; a count not listed here comes
 * from the import (or is unknown). JSON in the workshop file, NULL when nothing was typed.
 */
export const typedCounts = <const K extends readonly [string, ...string[]]>(column: string, options: FieldOptions, counts: K) => {
  const schema = z.partialRecord(z.enum(counts), z.number().int().nonnegative().nullable());
  type Value = z.output<typeof schema>;
  return optional(column, { ...options, template: false as const }, schema, (): Value => ({}), {
    kind: 'typed-counts',
    parse: noTemplate,
    format: formatCell,
    toSql: (value: Value) => (Object.keys(value).length === 0 ? null : JSON.stringify(value)),
    fromSql: (raw: unknown): Value => (raw === null || raw === undefined ? {} : (JSON.parse(String(raw)) as Value)),
  });
};

type Shape<F extends Fields> = { [K in keyof F]: F[K]['schema'] };
type RequiredKey<F extends Fields> = { [K in keyof F]: F[K]['required'] extends true ? K : never }[keyof F];

export interface EntitySpec<F extends Fields> {
  /** One row, for messages and summaries: "forest", "agent host". */
  noun: string;
  fields: F;
  /** The fields that identify a row: re-importing a row with the same key updates it. */
  key: readonly (keyof F & string)[];
  /** Its table in the workshop file; null when another entity's repository stores it. */
  table: string | null;
  /** ORDER BY of reads, so that lists and JSON outputs are stable. */
  orderBy?: string;
  /** Columns computed from the value (the folded key of a distinguished name). */
  computed?: Record<string, (value: ValueOf<F>) => SqlValue>;
  /** The table's key columns when they are not the key fields' own. */
  sqlKey?: readonly string[];
  /** Its canonical template (docs/templates.md); null when only other tools' files feed it. */
  template: string | null;
  /** Template columns a file of this kind cannot do without (the key's by default). */
  templateRequires?: readonly string[];
}

export interface Entity<F extends Fields> extends EntitySpec<F> {
  schema: z.ZodObject<Shape<F>>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- for code that treats every entity alike
export type AnyEntity = Entity<any>;

export type ValueOf<F extends Fields> = z.output<z.ZodObject<Shape<F>>>;
/** What a row cannot be made without: its key and any other required field. */
export type RequiredOf<F extends Fields> = Pick<ValueOf<F>, RequiredKey<F> & keyof ValueOf<F>>;

export function defineEntity<F extends Fields>(spec: EntitySpec<F>): Entity<F> {
  const shape = Object.fromEntries(Object.entries(spec.fields).map(([k, f]) => [k, f.schema])) as Shape<F>;
  return { ...spec, schema: z.object(shape) };
}

type Value = Record<string, unknown>;
/** The fields in order, computed once per entity: row mapping runs for every row of large workshops. */
const fieldLists = new WeakMap<object, [string, AnyField][]>();
function entries<F extends Fields>(entity: Entity<F>): [string, AnyField][] {
  let list = fieldLists.get(entity);
  if (!list) fieldLists.set(entity, (list = Object.entries(entity.fields) as [string, AnyField][]));
  return list;
}

/** A row that knows nothing but what it cannot exist without. */
export function blankRow<F extends Fields>(entity: Entity<F>, given: RequiredOf<F>): ValueOf<F> {
  const row: Value = {};
  for (const [key, field] of entries(entity)) row[key] = field.required ? (given as Value)[key] : field.blank?.();
  return row as ValueOf<F>;
}

/** Whether a row says nothing beyond its required fields. */
export function isBlank<F extends Fields>(entity: Entity<F>, value: ValueOf<F>): boolean {
  const blank = blankRow(entity, value as RequiredOf<F>);
  return JSON.stringify(blank) === JSON.stringify(value);
}

// ---- the workshop file's row mapping ----

export function sqlColumns<F extends Fields>(entity: Entity<F>): string[] {
  const own = entries(entity).flatMap(([, f]) => (f.sql === null ? [] : [f.sql]));
  return [...Object.keys(entity.computed ?? {}), ...own];
}

export function sqlKey<F extends Fields>(entity: Entity<F>): readonly string[] {
  return entity.sqlKey ?? entity.key.map((k) => entity.fields[k]?.sql as string);
}

export function toSqlRow<F extends Fields>(entity: Entity<F>, value: ValueOf<F>): Record<string, SqlValue> {
  const row: Record<string, SqlValue> = {};
  for (const [column, compute] of Object.entries(entity.computed ?? {})) row[column] = compute(value);
  for (const [key, field] of entries(entity)) if (field.sql !== null) row[field.sql] = field.toSql((value as Value)[key]);
  return row;
}

/** Fields stored elsewhere (sql null) come back blank for their repository to fill in. */
export function fromSqlRow<F extends Fields>(entity: Entity<F>, row: Record<string, unknown>): ValueOf<F> {
  const value: Value = {};
  const list = entries(entity);
  for (let i = 0; i < list.length; i++) {
    const [key, field] = list[i] as [string, AnyField];
    value[key] = field.sql === null ? field.blank?.() : field.fromSql(row[field.sql]);
  }
  return value as ValueOf<F>;
}

// ---- the template ----

export interface TemplateField {
  key: string;
  column: string;
  field: AnyField;
}

export function templateFields<F extends Fields>(entity: Entity<F>): TemplateField[] {
  return entries(entity).flatMap(([key, field]) => (field.column === null ? [] : [{ key, column: field.column, field }]));
}

export const templateColumns = <F extends Fields>(entity: Entity<F>): string[] => templateFields(entity).map((f) => f.column);
export const exampleRow = <F extends Fields>(entity: Entity<F>): string[] => templateFields(entity).map((f) => f.field.example);

export function templateRequires<F extends Fields>(entity: Entity<F>): readonly string[] {
  return entity.templateRequires ?? entity.key.map((k) => entity.fields[k]?.column as string);
}

/** The template row of a value, in column order. */
export function formatRow<F extends Fields>(entity: Entity<F>, value: ValueOf<F>): string[] {
  return templateFields(entity).map(({ key, field }) => field.format((value as Value)[key]));
}

/** The names of an entity's template columns, as a type. */
export type TemplateColumn<F extends Fields> = Extract<{ [K in keyof F]: F[K]['column'] }[keyof F], string>;

export function fieldLabels<F extends Fields>(entity: Entity<F>): Record<keyof F, string> {
  return Object.fromEntries(entries(entity).map(([key, field]) => [key, field.label])) as Record<keyof F, string>;
}
