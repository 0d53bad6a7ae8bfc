import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { decide } from '../engine/decide.js';
import { estate } from '../engine/test-support/estate-builder.js';
import { defaultAssumptions } from '../model/assumptions.js';
import { buildPlan } from './build-plan.js';
import { defaultPlanSettings, emptyPlanEdits } from './plan-schema.js';
import { csvCell, TASK_CSV_COLUMNS, tasksCsv } from './tasks-csv.js';

describe('tasksCsv', () => {
  it('writes one row per task that a CSV reader gets back intact, hostile OU names included', () => {
    const hostile = 'OU=<img src=x onerror=alert(1)>,DC=contoso,DC=com';
    const inventory = estate()
      // Large enough for the manual pilot (the guided tool takes at most 2,000 objects).
      .healthyForest('contoso.com', {}, { users: 9_000, groups: 10, contacts: 0 })
      .ou('contoso.com', hostile, { users: 20, groups: 1, contacts: 0 })
      .ou('contoso.com', 'OU=Staff,DC=contoso,DC=com', { users: 8_980, groups: 9, contacts: 0 })
      .build();
    const plan = buildPlan({ inventory, decisions: decide(inventory, defaultAssumptions()), settings: defaultPlanSettings(), edits: emptyPlanEdits(), today: '2027-01-04' });
    const text = tasksCsv(plan);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(text.slice(1), { columns: true }) as Record<string, string>[];
    const tasks = plan.phases.flatMap((p) => p.tasks);
    expect(Object.keys(rows[0] ?? {})).toEqual([...TASK_CSV_COLUMNS]);
    expect(rows.map((r) => r.id)).toEqual(tasks.map((t) => t.id));
    for (const [i, t] of tasks.entries()) {
      const row = rows[i] as Record<string, string>;
      expect(row).toMatchObject({ title: t.title, forest: 'contoso.com', owner: t.ownerRole, start: t.start, end: t.end, duration: String(t.duration), predecessors: t.dependsOn.join(';') });
    }
    expect(rows.filter((r) => r.title?.includes(hostile))).not.toHaveLength(0);
  });

  it('never lets a cell start a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('-1+1')).toBe("'-1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(3)).toBe('3');
  });
});
