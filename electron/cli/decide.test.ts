import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DecisionResult } from '../../shared/engine/decision-schema.js';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const syncplan = (...args: string[]) =>
  spawnSync(process.execPath, [join(repoRoot, 'bin/syncplan.cjs'), ...args], { encoding: 'utf8', cwd: repoRoot });

describe('syncplan decide', () => {
  it('prints the decision of every forest of the sample estate in the §4 shape', () => {
    const workshop = join(mkdtempSync(join(tmpdir(), 'syncplan-decide-')), 'sample.syncplan');
    expect(syncplan('import', workshop, 'resources/sample-workshop').status).toBe(0);

    const run = syncplan('decide', workshop, '--json');
    expect(run.status).toBe(0);
    const result = DecisionResult.parse(JSON.parse(run.stdout));
    expect(result.assumptions).toMatchObject({ allowPreviewFeatures: false, movePtaOrFederationToPhs: false, replaceDeviceWritebackWithCloudKerberos: false });
    const verdicts = Object.fromEntries(result.forests.map((f) => [f.forest, f.verdict]));
    expect(verdicts).toEqual({
      'adatum.com': 'coexist',
      'contoso.com': 'migrate-now',
      'fabrikam.com': 'migrate-after-remediation',
      'litware.net': 'migrate-now',
      'northwindtraders.com': 'insufficient-data',
      'tailspintoys.com': 'coexist',
      'woodgrovebank.com': 'stay-on-connect',
    });
    const adatum = result.forests.find((f) => f.forest === 'adatum.com');
    expect(adatum?.domains).toEqual([
      expect.objectContaining({ domain: 'apac.adatum.com', engine: 'cloud-sync' }),
      expect.objectContaining({ domain: 'emea.adatum.com', engine: 'connect-sync' }),
    ]);
    for (const finding of [...result.forests.flatMap((f) => f.findings), ...result.estate.findings]) {
      expect(finding.source).not.toBe('');
      expect(['blocker', 'remediation', 'warning', 'info']).toContain(finding.severity);
      expect(finding.sources.length).toBeGreaterThan(0);
      for (const s of finding.sources) expect(s.url).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    }
    // The estate section: Connect stays on the sample's pair for what cannot move, stated once.
    expect(result.estate.connect.stays).toBe(true);
    expect(result.estate.connect.servers.map((s) => s.server)).toEqual(['FG-SYNC01', 'FG-SYNC02']);
    expect(result.estate.findings.filter((f) => f.rule === 'sync-interval')).toHaveLength(1);
    expect(result.estate.sourcesChecked).toBe('2026-11-30');
  });

  it('needs --json and a workshop', () => {
    expect(syncplan('decide').status).toBe(2);
    expect(syncplan('decide', 'x.syncplan').status).toBe(2);
    expect(syncplan('decide', join(tmpdir(), 'absent.syncplan'), '--json').status).toBe(1);
  });
});
