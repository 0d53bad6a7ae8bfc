import type { Command } from '../command.js';
import { showCommand } from './show.js';

/** Every `syncplan` command, in the order `--help` lists them. */
export const commands: readonly Command[] = [showCommand];
