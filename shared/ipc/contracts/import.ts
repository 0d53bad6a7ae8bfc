import { z } from 'zod';
import { channel, none } from '../define.js';
import { ImportPreview, ImportSummary } from '../../import/summary.js';

const Paths = z.object({ paths: z.array(z.string().min(1)).min(1, 'name at least one file or folder') }).strict();

/**
 * Importing inventory files. `import.run` reports progress as `importProgress` events
 * (done/total in bytes) and can be stopped with `import.cancel`; a cancelled or failed import writes
 * nothing.
 */
export const importContract = {
  /** What importing these paths would do, without writing anything. */
  'import.preview': channel(Paths, ImportPreview),
  'import.run': channel(Paths, ImportSummary),
  /** True when an import was running and has been told to stop. */
  'import.cancel': channel(none, z.boolean()),
  /** The native file picker for inventory files; null when the user cancels. */
  'import.choosePaths': channel(none, z.array(z.string()).nullable()),
  /** Writes the CSV templates into a folder the user picks; their paths, or null when the user cancels. */
  'templates.write': channel(none, z.array(z.string()).nullable()),
};
