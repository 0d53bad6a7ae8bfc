import { defaultPlanSettings, PlanEdits, PlanSettings } from '../../shared/plan/plan-schema.js';
import type { Db } from './workshop-db.js';

/** Stored settings that no longer parse (a file edited by hand) fall back to the defaults, never fail the plan. */
export function getPlanSettings(db: Db): PlanSettings {
  const row = db.prepare('SELECT settings FROM plan_settings WHERE id = 1').get() as { settings: string } | undefined;
  if (!row) return defaultPlanSettings();
  const parsed = PlanSettings.safeParse(JSON.parse(row.settings));
  return parsed.success ? parsed.data : defaultPlanSettings();
}

export function getPlanEdits(db: Db): PlanEdits {
  const durations = db.prepare('SELECT task_id, days FROM plan_task_durations ORDER BY task_id').all() as { task_id: string; days: number }[];
  const waves = db.prepare('SELECT ou_key, wave FROM plan_wave_moves ORDER BY ou_key').all() as { ou_key: string; wave: number }[];
  return {
    durations: Object.fromEntries(durations.map((r) => [r.task_id, r.days])),
    waves: Object.fromEntries(waves.map((r) => [r.ou_key, r.wave])),
  };
}

/** Settings and edits replaced together in one transaction: an undo restores exactly the state it names. */
export function savePlanInputs(db: Db, settings: PlanSettings, edits: PlanEdits): void {
  db.transaction(() => {
    db.prepare('INSERT INTO plan_settings (id, settings) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET settings = excluded.settings').run(JSON.stringify(settings));
    db.prepare('DELETE FROM plan_task_durations').run();
    db.prepare('DELETE FROM plan_wave_moves').run();
    const duration = db.prepare('INSERT INTO plan_task_durations (task_id, days) VALUES (?, ?)');
    for (const [id, days] of Object.entries(edits.durations)) duration.run(id, days);
    const move = db.prepare('INSERT INTO plan_wave_moves (ou_key, wave) VALUES (?, ?)');
    for (const [key, wave] of Object.entries(edits.waves)) move.run(key, wave);
  })();
}
