import type { HandlerTable } from '../handler-types.js';
import { workshopHandlers } from './workshop.js';
import { forestsHandlers } from './forests.js';
import { importHandlers } from './import.js';
import { decisionsHandlers } from './decisions.js';
import { planHandlers } from './plan.js';
import { reportHandlers } from './report.js';
import { modelHandlers } from './model.js';
import { topologyHandlers } from './topology.js';

/** The one handler table: ipcMain and the browser harness both serve exactly this. */
export const handlers: HandlerTable = {
  ...workshopHandlers,
  ...forestsHandlers,
  ...importHandlers,
  ...decisionsHandlers,
  ...planHandlers,
  ...reportHandlers,
  ...modelHandlers,
  ...topologyHandlers,
};
