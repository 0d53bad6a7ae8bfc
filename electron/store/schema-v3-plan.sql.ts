/**
 * The plan's inputs that the user sets in the workshop (issue 8): the planning settings (one JSON
 * document, so settings added later fall back to their defaults field by field), the duration set on a
 * single task, and the wave an OU was moved to. Edits name tasks and OUs by their stable keys and are
 * not tied to the inventory by foreign keys: a re-import must not silently drop the user's edits.
 */
export const schemaV3Plan = `
CREATE TABLE plan_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  settings TEXT NOT NULL CHECK (json_valid(settings))
);

CREATE TABLE plan_task_durations (
  task_id TEXT PRIMARY KEY,
  days INTEGER NOT NULL CHECK (days BETWEEN 0 AND 250)
) WITHOUT ROWID;

CREATE TABLE plan_wave_moves (
  ou_key TEXT PRIMARY KEY,
  wave INTEGER NOT NULL CHECK (wave >= 1)
) WITHOUT ROWID;
`;
