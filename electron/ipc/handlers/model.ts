import type { HandlerTable } from '../handler-types.js';
import type { modelContract } from '../../../shared/ipc/contracts/model.js';
import { ouPage } from '../../store/ou-query.js';

export const modelHandlers: HandlerTable<keyof typeof modelContract> = {
  'edit.apply': ({ edit }, { session }) => session.history().apply(edit),
  'edit.impact': ({ edit }, { session }) => session.history().impact(edit),
  'edit.undo': (_input, { session }) => session.history().undo(),
  'edit.redo': (_input, { session }) => session.history().redo(),
  'edit.history': (_input, { session }) => session.history().state(),
  'ous.page': (request, { session }) => ouPage(session.db(), request),
};
