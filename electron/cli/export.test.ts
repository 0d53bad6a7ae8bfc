import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from './main.js';
import { launchChromiumPrinter } from '../report/chromium-printer.js';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const syncplan = (args: string[], env: NodeJS.ProcessEnv = process.env) =>
  spawnSync(process.execPath, [join(repoRoot, 'bin/syncplan.cjs'), ...args], { encoding: 'utf8', cwd: repoRoot, env });

function sampleWorkshop(): { dir: string; workshop: string } {
  const dir = mkdtempSync(join(tmpdir(), 'syncplan-export-'));
  const workshop = join(dir, 'sample.syncplan');
  expect(syncplan(['import', workshop, 'resources/sample-workshop']).status).toBe(0);
  return { dir, workshop };
}

describe('syncplan export', () => {
  it('writes the report as PDF on Letter paper and says where and how long', () => {
    const { dir, workshop } = sampleWorkshop();
    const out = join(dir, 'plan.pdf');
    const run = syncplan(['export', workshop, '--pdf', out, '--paper', 'letter', '--customer', 'Fabrikam Group', '--date', '2026-11-30', '--start', '2027-03-01']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`${out.replace(/[.]/g, '\\.')}: \\d+ pages, \\d+ KB`));
    const text = spawnSync('pdftotext', [out, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('Fabrikam Group');
    expect(text).toContain('30 November 2026');
    expect(text).toContain('2027-03-01');
    expect(spawnSync('pdfinfo', [out], { encoding: 'utf8' }).stdout).toMatch(/612 x 792 pts/);
  }, 60_000);

  it('writes the topology diagram as SVG, without a browser, naming every forest of the workshop', () => {
    const { dir, workshop } = sampleWorkshop();
    const out = join(dir, 'topology.svg');
    const run = syncplan(['export', workshop, '--svg', out], { ...process.env, SYNCPLAN_CHROMIUM: join(dir, 'no-such-chrome') });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/topology\.svg: topology diagram, \d+ KB/);
    const svg = readFileSync(out, 'utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const forests = JSON.parse(syncplan(['show', workshop, '--json']).stdout).forests.map((f: { forest: string }) => f.forest) as string[];
    expect(forests.length).toBeGreaterThan(1);
    for (const forest of forests) expect(svg).toContain(`data-forest="${forest}"`);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('is wrong usage without --pdf, with an unknown paper or a bad date', () => {
    const { workshop } = sampleWorkshop();
    expect(syncplan(['export', workshop]).status).toBe(2);
    expect(syncplan(['export', workshop, '--pdf', 'x.pdf', '--paper', 'a3']).stderr).toContain('use a4 or letter');
    expect(syncplan(['export', workshop, '--pdf', 'x.pdf', '--date', '2026-02-30']).status).toBe(2);
    expect(syncplan(['export', workshop, '--pdf', 'x.pdf', '--customer', ' ']).status).toBe(2);
  });

  it('fails with a clear message and writes nothing without a browser or a folder to write to', () => {
    const { dir, workshop } = sampleWorkshop();
    const out = join(dir, 'plan.pdf');
    const noBrowser = syncplan(['export', workshop, '--pdf', out], { ...process.env, SYNCPLAN_CHROMIUM: join(dir, 'no-such-chrome') });
    expect(noBrowser.status).toBe(1);
    expect(noBrowser.stderr).toContain('SYNCPLAN_CHROMIUM is set to');
    const noFolder = syncplan(['export', workshop, '--pdf', join(dir, 'missing', 'plan.pdf')]);
    expect(noFolder.status).toBe(1);
    expect(noFolder.stderr).toContain('the folder does not exist');
    expect(syncplan(['export', join(dir, 'absent.syncplan'), '--pdf', out]).status).toBe(1);
    const svg = join(dir, 'topology.svg');
    expect(syncplan(['export', workshop, '--pdf', out, '--svg', svg], { ...process.env, SYNCPLAN_CHROMIUM: join(dir, 'no-such-chrome') }).status).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(svg)).toBe(false);
    expect(readdirSync(dir).filter((f) => !f.startsWith('sample.syncplan'))).toEqual([]);
  });

  it('prints with the printer the app gives it (SyncPlan --cli), not a browser found on the machine', async () => {
    const { dir, workshop } = sampleWorkshop();
    const out = join(dir, 'plan.pdf');
    let asked = 0;
    const stderr: string[] = [];
    const code = await runCli(['export', workshop, '--pdf', out, '--date', '2026-11-30'], {
      stdout: { write: () => true },
      stderr: { write: (text: string) => stderr.push(text) },
      cwd: repoRoot,
      printer: async () => {
        asked++;
        // The app's printer is Electron's; the harness's Chromium stands in for it here.
        return launchChromiumPrinter();
      },
    });
    expect(stderr.join('')).toBe('');
    expect(code).toBe(0);
    expect(asked).toBe(1);
    expect(spawnSync('pdfinfo', [out], { encoding: 'utf8' }).stdout).toMatch(/Pages:\s+\d+/);
  }, 60_000);
});
