import { z } from 'zod';
import { channel, none } from '../define.js';
import { DeleteEdit, Edit, EditImpact, HistoryState, OuFilter } from '../../edit/edit-schema.js';
import { Ou } from '../../model/inventory.js';

export const OU_SORT_COLUMNS = ['distinguishedName', 'domain', 'users', 'groups', 'contacts', 'computers', 'inConnectScope'] as const;

export const OuPageRequest = z
  .object({
    filter: OuFilter,
    sort: z.object({ column: z.enum(OU_SORT_COLUMNS), direction: z.enum(['asc', 'desc']) }).strict(),
    offset: z.number().int().nonnegative(),
    /** A window of the table, never the whole of a large one. */
    limit: z.number().int().min(1).max(1_000),
  })
  .strict();
export type OuPageRequest = z.infer<typeof OuPageRequest>;

export const OuPage = z.object({ total: z.number().int().nonnegative(), offset: z.number().int().nonnegative(), rows: z.array(Ou) });
export type OuPage = z.infer<typeof OuPage>;

/** What an edit, an undo or a redo did: its name, and what Undo and Redo would do next. */
export const EditOutcome = z.object({ label: z.string().nullable(), history: HistoryState });
export type EditOutcome = z.infer<typeof EditOutcome>;

export const modelContract = {
  /** Every change a person makes to the model: applied in one transaction and recorded for undo. */
  'edit.apply': channel(z.object({ edit: Edit }).strict(), EditOutcome),
  /** What a deletion would take with it, without changing anything. */
  'edit.impact': channel(z.object({ edit: DeleteEdit }).strict(), EditImpact),
  'edit.undo': channel(none, EditOutcome),
  'edit.redo': channel(none, EditOutcome),
  'edit.history': channel(none, HistoryState),
  /** A window of the OU table, filtered and sorted by the workshop. */
  'ous.page': channel(OuPageRequest, OuPage),
};
