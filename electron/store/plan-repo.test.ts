import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { closeWorkshop, openWorkshop } from './workshop-db.js';
import { migrations } from './migrations.js';
import { getPlanEdits, getPlanSettings, savePlanInputs } from './plan-repo.js';
import { defaultPlanSettings } from '../../shared/plan/plan-schema.js';
import { tempDir } from '../import/test-support/workshop.js';

describe('plan settings and edits in the workshop', () => {
  it('upgrades a version 2 workshop: default settings and no edits until the user sets them', async () => {
    const path = join(tempDir(), 'v2.syncplan');
    closeWorkshop((await openWorkshop(path, { mode: 'create', migrations: migrations.slice(0, 2) })).db);
    const { db, backupPath } = await openWorkshop(path, { mode: 'open' });
    expect(backupPath).not.toBeNull();
    expect(getPlanSettings(db)).toEqual(defaultPlanSettings());
    expect(getPlanEdits(db)).toEqual({ durations: {}, waves: {} });
    closeWorkshop(db);
  });

  it('replaces settings and edits together, so an undo brings back exactly the earlier state', async () => {
    const { db } = await openWorkshop(join(tempDir(), 'w.syncplan'), { mode: 'create' });
    const settings = { ...defaultPlanSettings(), start: '2027-01-04', holidays: ['2027-01-06'], teamCapacity: 3 };
    savePlanInputs(db, settings, { durations: { 'contoso.com/pilot/verify': 5 }, waves: { 'ou=staff,dc=contoso,dc=com': 2 } });
    savePlanInputs(db, settings, { durations: { 'contoso.com/wave-1/move': 0 }, waves: {} });
    expect(getPlanSettings(db)).toEqual(settings);
    expect(getPlanEdits(db)).toEqual({ durations: { 'contoso.com/wave-1/move': 0 }, waves: {} });
    closeWorkshop(db);
  });

  it('falls back to the defaults, field by field, for settings an older or edited file holds', async () => {
    const { db } = await openWorkshop(join(tempDir(), 'w.syncplan'), { mode: 'create' });
    db.prepare('INSERT INTO plan_settings (id, settings) VALUES (1, ?)').run(JSON.stringify({ teamCapacity: 4 }));
    expect(getPlanSettings(db)).toEqual({ ...defaultPlanSettings(), teamCapacity: 4 });
    db.prepare('UPDATE plan_settings SET settings = ? WHERE id = 1').run(JSON.stringify({ teamCapacity: 'many' }));
    expect(getPlanSettings(db)).toEqual(defaultPlanSettings());
    closeWorkshop(db);
  });
});
