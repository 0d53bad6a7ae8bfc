import type { Command } from '../command.js';
import { importCommand } from './import.js';
import { showCommand } from './show.js';
import { decideCommand } from './decide.js';
import { planCommand } from './plan.js';
import { exportCommand } from './export.js';
import { templatesCommand } from './templates.js';
import { recoverCommand } from './recover.js';

/** Every `syncplan` command, in the order `--help` lists them. */
export const commands: readonly Command[] = [importCommand, showCommand, decideCommand, planCommand, exportCommand, templatesCommand, recoverCommand];
