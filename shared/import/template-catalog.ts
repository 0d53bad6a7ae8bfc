import { exampleRow, templateColumns, templateRequires, type AnyEntity, type TemplateColumn } from '../model/entity.js';
import { TEMPLATE_ENTITIES } from '../model/entities.js';

/**
 * The canonical inventory templates (docs/templates.md): file kinds, their columns in order, the columns
 * a file cannot do without, and the example row. All derived from the entity descriptions.
 */
export type TemplateKind = keyof typeof TEMPLATE_ENTITIES;
export const TEMPLATE_KINDS = Object.keys(TEMPLATE_ENTITIES) as TemplateKind[];

type Entities = typeof TEMPLATE_ENTITIES;
/** Column names as types, for code that names a specific column (the engine's "collect"). */
export type TemplateColumnOf<T extends TemplateKind> = TemplateColumn<Entities[T]['fields']>;

export const templateEntity = (kind: TemplateKind): AnyEntity => TEMPLATE_ENTITIES[kind];

const mapKinds = <V>(derive: (entity: AnyEntity) => V) =>
  Object.fromEntries(TEMPLATE_KINDS.map((kind) => [kind, derive(templateEntity(kind))])) as Record<TemplateKind, V>;

export const TEMPLATE_COLUMNS: Record<TemplateKind, readonly string[]> = mapKinds(templateColumns);
/** The columns that identify a row: a file is recognised as the template only when it has them all. */
export const TEMPLATE_KEYS: Record<TemplateKind, readonly string[]> = mapKinds((entity) => entity.key.map((key: string) => entity.fields[key]?.column as string));
export const TEMPLATE_REQUIRED: Record<TemplateKind, readonly string[]> = mapKinds(templateRequires);
/** The one example row each written template carries, in column order. */
export const TEMPLATE_EXAMPLES: Record<TemplateKind, readonly string[]> = mapKinds(exampleRow);
