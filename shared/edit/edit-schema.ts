import { z } from 'zod';
import {
  agentEntity,
  connectServerEntity,
  domainEntity,
  forestEntity,
  forestLinkEntity,
  ouEntity,
  tenantEntity,
  trustEntity,
} from '../model/entities.js';
import type { AnyEntity } from '../model/entity.js';

/**
 * Every change a person makes to the model is one of these edits, applied by main in one transaction
 * and recorded for undo (docs: README, "Undo"). The entity's value is validated by the schema derived
 * from its description, so a form shows each message next to its field.
 */
export const EDITABLE_ENTITIES = {
  tenant: tenantEntity,
  forest: forestEntity,
  domain: domainEntity,
  ou: ouEntity,
  trust: trustEntity,
  forestLink: forestLinkEntity,
  connectServer: connectServerEntity,
  agent: agentEntity,
} as const satisfies Record<string, AnyEntity>;

export type EditableEntity = keyof typeof EDITABLE_ENTITIES;
export const EDITABLE_NAMES = Object.keys(EDITABLE_ENTITIES) as [EditableEntity, ...EditableEntity[]];
export const EditableEntity = z.enum(EDITABLE_NAMES);

/** A row's key: its key fields' values in the order of the entity's `key`. */
export const RowKey = z.array(z.string().min(1)).min(1).max(3);
export type RowKey = z.infer<typeof RowKey>;

/** The key of a value of an entity, in the order of its description's `key`. */
export function keyOf<E extends EditableEntity>(entity: E, value: z.output<(typeof EDITABLE_ENTITIES)[E]['schema']>): RowKey {
  return EDITABLE_ENTITIES[entity].key.map((k) => String((value as Record<string, unknown>)[k]));
}

const saveEdit = <const E extends EditableEntity, S extends z.ZodType>(entity: E, value: S) =>
  z
    .object({
      op: z.literal('save'),
      entity: z.literal(entity),
      value,
      /** The row's key before this edit: absent for a new row; different from the value's key for a rename. */
      previous: RowKey.optional(),
    })
    .strict();

export const SaveEdit = z.discriminatedUnion('entity', [
  saveEdit('tenant', tenantEntity.schema),
  saveEdit('forest', forestEntity.schema),
  saveEdit('domain', domainEntity.schema),
  saveEdit('ou', ouEntity.schema),
  saveEdit('trust', trustEntity.schema),
  saveEdit('forestLink', forestLinkEntity.schema),
  saveEdit('connectServer', connectServerEntity.schema),
  saveEdit('agent', agentEntity.schema),
]);
export type SaveEdit = z.infer<typeof SaveEdit>;

export const DeleteEdit = z.object({ op: z.literal('delete'), entity: EditableEntity, key: RowKey }).strict();
export type DeleteEdit = z.infer<typeof DeleteEdit>;

/** Which OUs a bulk edit applies to: the ones picked, or every OU a filter of the OU table shows. */
export const OuFilter = z
  .object({
    domain: z.string().nullable().default(null),
    /** Matched anywhere in the distinguished name, case-insensitively. */
    text: z.string().max(500).default(''),
    inConnectScope: z.boolean().nullable().optional(),
  })
  .strict();
export type OuFilter = z.infer<typeof OuFilter>;

export const OuSelection = z.union([
  z.object({ keys: z.array(z.string().min(1)).min(1).max(200_000) }).strict(),
  z.object({ filter: OuFilter }).strict(),
]);
export type OuSelection = z.infer<typeof OuSelection>;

export const OuScopeEdit = z.object({ op: z.literal('ou-scope'), ous: OuSelection, inConnectScope: z.boolean().nullable() }).strict();
export type OuScopeEdit = z.infer<typeof OuScopeEdit>;

export const CountedEntity = z.enum(['domain', 'ou']);
export type CountedEntity = z.infer<typeof CountedEntity>;

/** Puts the imported value of typed counts back in use. */
export const UseImportedEdit = z
  .object({ op: z.literal('use-imported'), entity: CountedEntity, key: z.string().min(1), counts: z.array(z.string().min(1)).min(1) })
  .strict();
export type UseImportedEdit = z.infer<typeof UseImportedEdit>;

export const Edit = z.discriminatedUnion('op', [SaveEdit, DeleteEdit, OuScopeEdit, UseImportedEdit]);
export type Edit = z.infer<typeof Edit>;

/** What Undo and Redo would do next, as the Edit menu and the buttons name it; null when there is nothing. */
export const HistoryState = z.object({ undo: z.string().nullable(), redo: z.string().nullable() });
export type HistoryState = z.infer<typeof HistoryState>;

/** What an edit changed besides its own row, per table: what a deletion takes with it. */
export const EditImpact = z.array(z.object({ table: z.string(), op: z.enum(['insert', 'update', 'delete']), rows: z.number().int().nonnegative() }));
export type EditImpact = z.infer<typeof EditImpact>;

/** A row of an editable entity. */
export type EditableValue<E extends EditableEntity> = z.output<(typeof EDITABLE_ENTITIES)[E]['schema']>;
