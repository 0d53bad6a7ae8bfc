import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const syncplan = (...args: string[]) =>
  spawnSync(process.execPath, [join(repoRoot, 'bin/syncplan.cjs'), ...args], { encoding: 'utf8', cwd: repoRoot });

/** interfaces §5, exactly as written there. */
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Section5 = z.object({
  start: date,
  end: date,
  phases: z.array(
    z.object({
      id: z.string(),
      forest: z.string().nullable(),
      kind: z.enum(['readiness', 'pilot', 'wave', 'cutover', 'validation', 'decommission', 'coexistence']),
      name: z.string(),
      start: date,
      end: date,
      tasks: z.array(z.object({ id: z.string(), title: z.string(), start: date, end: date, dependsOn: z.array(z.string()) })),
    }),
  ),
});

describe('syncplan plan', () => {
  const workshop = join(mkdtempSync(join(tmpdir(), 'syncplan-plan-')), 'sample.syncplan');

  it('prints the sample estate\'s plan in the §5 shape, starting on --start', () => {
    expect(syncplan('import', workshop, 'resources/sample-workshop').status).toBe(0);
    const run = syncplan('plan', workshop, '--json', '--start', '2027-01-04');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const plan = Section5.parse(JSON.parse(run.stdout));
    expect(plan.start).toBe('2027-01-04');
    const tasks = new Map(plan.phases.flatMap((p) => p.tasks).map((t) => [t.id, t]));
    for (const t of tasks.values()) for (const dep of t.dependsOn) expect(t.start >= (tasks.get(dep)?.end ?? '')).toBe(true);
    const kinds = (forest: string) => [...new Set(plan.phases.filter((p) => p.forest === forest).map((p) => p.kind))];
    expect(kinds('contoso.com')).toEqual(['readiness', 'pilot', 'wave', 'cutover', 'validation', 'decommission']);
    expect(kinds('woodgrovebank.com')).toEqual(['coexistence']);
    expect(kinds('northwindtraders.com')).toEqual([]);

    const later = Section5.parse(JSON.parse(syncplan('plan', workshop, '--json', '--start', '2027-03-01').stdout));
    expect(later.start).toBe('2027-03-01');
    expect(later.end > plan.end).toBe(true);
  });

  it('refuses a bad date or a missing --json as wrong usage', () => {
    expect(syncplan('plan', workshop, '--json', '--start', '2027-02-30').status).toBe(2);
    expect(syncplan('plan', workshop, '--json', '--start', 'tomorrow').stderr).toContain('YYYY-MM-DD');
    expect(syncplan('plan', workshop).status).toBe(2);
    expect(syncplan('plan', join(tmpdir(), 'absent.syncplan'), '--json').status).toBe(1);
  });
});
