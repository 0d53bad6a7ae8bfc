import { describe, expect, it } from 'vitest';
import { Assumptions } from '../model/assumptions.js';
import { unknownFeatures, type Inventory } from '../model/inventory.js';
import { decide } from './decide.js';
import type { ForestDecision, Severity } from './decision-schema.js';
import { diffDecisions } from './diff.js';
import { estate } from './test-support/estate-builder.js';

/** Whole estates, one per verdict, as a consultant would meet them in a workshop. */

const decideWith = (inventory: Inventory, assumptions: Partial<Assumptions> = {}) => decide(inventory, Assumptions.parse(assumptions));

function forest(inventory: Inventory, name: string, assumptions: Partial<Assumptions> = {}): ForestDecision {
  const found = decideWith(inventory, assumptions).forests.find((f) => f.forest === name);
  if (!found) throw new Error(`no decision for ${name}`);
  return found;
}

const rules = (d: ForestDecision, severity?: Severity) =>
  [...new Set(d.findings.filter((f) => severity === undefined || f.severity === severity).map((f) => f.rule))].sort();

describe('scenarios', () => {
  it('a small single forest on password hash sync migrates now', () => {
    const d = forest(estate().healthyForest('contoso.com').hygiene('contoso.com', 'duplicate-upn', 0).build(), 'contoso.com');
    expect(d.verdict).toBe('migrate-now');
    expect(d.decidedBy).toEqual([]);
    expect(d.domains).toEqual([{ domain: 'contoso.com', engine: 'cloud-sync', because: [], partsOnConnect: [] }]);
    expect(rules(d, 'blocker')).toEqual([]);
    expect(rules(d, 'remediation')).toEqual([]);
    expect(rules(d, 'warning')).toEqual([]);
    expect(rules(d)).toEqual(['covered-features', 'guided-migration-tool', 'source-anchor']);
  });

  it('custom sync rules and cross-forest references keep a forest on Connect', () => {
    const inventory = estate()
      .forest('contoso.com', { features: { custom_sync_rules: true, cross_forest_references: true } })
      .domain('contoso.com')
      .agents(3)
      .connect('sync.contoso.com', { customRules: 4, joinRules: 1 })
      .healthyForest('fabrikam.com', { tenant: 'fabrikam.onmicrosoft.com' })
      .build();
    const d = forest(inventory, 'contoso.com');
    expect(d.verdict).toBe('stay-on-connect');
    expect(d.findings.find((f) => f.rule === 'custom-sync-rules')?.message).toContain('1 of them changes how objects join');
    expect(d.decidedBy).toEqual(['cross-forest-references', 'custom-sync-rules']);
    expect(rules(d, 'blocker')).toEqual(['cross-forest-references', 'custom-sync-rules']);
    expect(d.domains.map((x) => x.engine)).toEqual(['connect-sync']);
    expect(d.reason).toContain('advanced / custom sync rules');
  });

  it('an acquired, disconnected forest that nothing syncs goes straight to Cloud Sync', () => {
    const inventory = estate()
      .healthyForest('contoso.com')
      .forest('fabrikam.com', { currentEngine: 'none', network: 'disconnected', sourceAnchor: null, features: unknownFeatures() })
      .domain('fabrikam.com', { users: 3_000 })
      .agents(3)
      .build();
    const d = forest(inventory, 'fabrikam.com');
    expect(d.verdict).toBe('migrate-now');
    expect(d.domains.map((x) => x.engine)).toEqual(['cloud-sync']);
    expect(rules(d)).toContain('disconnected-forest');
    expect(rules(d, 'blocker')).toEqual([]);
    expect(rules(d, 'warning')).toEqual([]);
  });

  it('an acquired, disconnected forest with a domain over the limit must shrink its scope: Connect cannot reach it', () => {
    const inventory = estate()
      .forest('fabrikam.com', { currentEngine: 'none', network: 'disconnected' })
      .domain('fabrikam.com', { users: 400_000 })
      .agents(3)
      .build();
    const d = forest(inventory, 'fabrikam.com');
    expect(d.verdict).toBe('migrate-after-remediation');
    const limit = d.findings.find((f) => f.rule === 'domain-object-limit');
    expect(limit?.effect).toBe('needs-remediation');
    expect(limit?.message).toContain('Cloud Sync is the only engine');
    expect(d.domains.map((x) => x.engine)).toEqual(['cloud-sync']);
  });

  describe('device writeback and hybrid join', () => {
    const inventory = estate().healthyForest('contoso.com', { features: { device_sync: true, device_writeback: true } }).build();

    it('coexist under the defaults: devices and device writeback stay on Connect', () => {
      const d = forest(inventory, 'contoso.com');
      expect(d.verdict).toBe('coexist');
      expect(d.decidedBy).toEqual(['device-sync', 'device-writeback']);
      expect(d.domains[0]?.partsOnConnect).toEqual(['device writeback', 'devices (hybrid join)']);
      expect(d.domains[0]?.engine).toBe('cloud-sync');
    });

    it('still coexist when only device writeback is replaced: hybrid join needs the preview', () => {
      expect(forest(inventory, 'contoso.com', { replaceDeviceWritebackWithCloudKerberos: true }).verdict).toBe('coexist');
    });

    it('move after remediation once Cloud Kerberos trust replaces writeback and previews are allowed', () => {
      const whatIf = { replaceDeviceWritebackWithCloudKerberos: true, allowPreviewFeatures: true };
      const d = forest(inventory, 'contoso.com', whatIf);
      expect(d.verdict).toBe('migrate-after-remediation');
      expect(d.decidedBy).toEqual(['device-writeback']);
      const diff = diffDecisions(decideWith(inventory), decideWith(inventory, whatIf));
      expect(diff.assumptions.map((a) => a.name)).toEqual(['allowPreviewFeatures', 'replaceDeviceWritebackWithCloudKerberos']);
      expect(diff.forests[0]).toMatchObject({ forest: 'contoso.com', verdictChanged: true, verdictBefore: 'coexist', verdictAfter: 'migrate-after-remediation' });
    });
  });

  it('agents on Server Core with 2 GB of RAM: migrate after remediation', () => {
    const inventory = estate()
      .forest('contoso.com')
      .domain('contoso.com')
      .connect('sync.contoso.com')
      .agents(3, { serverCore: true, ramGb: 2 })
      .build();
    const d = forest(inventory, 'contoso.com');
    expect(d.verdict).toBe('migrate-after-remediation');
    expect(d.decidedBy).toEqual(['agent-ram', 'agent-server-core']);
    expect(d.domains.map((x) => x.engine)).toEqual(['cloud-sync']);
  });

  it('one domain over the object limit and one under: coexist, split by domain', () => {
    const inventory = estate()
      .forest('contoso.com')
      .domain('emea.contoso.com', { users: 380_000, groups: 15_000, contacts: 5_000 })
      .domain('apac.contoso.com', { users: 18_000, groups: 1_500, contacts: 500 })
      .agents(3)
      .connect('sync.contoso.com')
      .build();
    const d = forest(inventory, 'contoso.com');
    expect(d.verdict).toBe('coexist');
    expect(d.decidedBy).toEqual(['domain-object-limit']);
    expect(d.domains.map((x) => [x.domain, x.engine])).toEqual([
      ['apac.contoso.com', 'cloud-sync'],
      ['emea.contoso.com', 'connect-sync'],
    ]);
    const limit = d.findings.find((f) => f.rule === 'domain-object-limit');
    expect(limit?.message).toMatch(/^Domain emea\.contoso\.com holds 400,000 objects .*Cloud Sync serves at most 150,000 per domain \(DG 2025-02-17\)/);
  });

  it('a forest whose only domain is over the object limit stays on Connect', () => {
    const inventory = estate().healthyForest('contoso.com', {}, { users: 400_000 }).build();
    const d = forest(inventory, 'contoso.com');
    expect(d.verdict).toBe('stay-on-connect');
    expect(d.reason).toContain('Every domain must stay on Connect Sync');
    expect(d.domains.map((x) => x.engine)).toEqual(['connect-sync']);
  });

  it('a forest with no counts waits for data and says what to collect', () => {
    const inventory = estate()
      .healthyForest('contoso.com', {}, { users: null, groups: null, contacts: null, computers: null, largestGroupMembers: null })
      .build();
    const d = forest(inventory, 'contoso.com');
    expect(d.verdict).toBe('insufficient-data');
    expect(d.decidedBy).toEqual(['domain-object-limit', 'group-membership-limit']);
    expect(d.domains.map((x) => x.engine)).toEqual(['unknown']);
    const fields = d.findings.flatMap((f) => f.collect.map((c) => c.field));
    expect(fields).toEqual(expect.arrayContaining(['domains.users', 'domains.groups', 'domains.contacts', 'domains.largest_group_members']));
    const limit = d.findings.find((f) => f.rule === 'domain-object-limit');
    expect(limit?.message).toContain('Fill in users, groups, contacts in the domains template for contoso.com.');
  });

  it('a forest-wide blocker decides even when counts are missing', () => {
    const inventory = estate().healthyForest('contoso.com', { features: { entra_domain_services: true } }, { users: null }).build();
    const d = forest(inventory, 'contoso.com');
    expect(d.verdict).toBe('stay-on-connect');
    expect(d.decidedBy).toEqual(['entra-domain-services']);
  });

  it('a forest whose engine and network are unknown waits when that could change the verdict', () => {
    const inventory = estate()
      .forest('contoso.com', { currentEngine: null, network: null, features: { custom_sync_rules: true } })
      .domain('contoso.com')
      .agents(3)
      .connect('sync.contoso.com', { customRules: 12 })
      .build();
    const d = forest(inventory, 'contoso.com');
    expect(d.verdict).toBe('insufficient-data');
    expect(d.decidedBy).toEqual(['disconnected-forest']);
    expect(d.reason).toContain('forests.current_engine');
  });

  it('lists forests by name and findings by severity, then rule id', () => {
    const inventory = estate()
      .healthyForest('zeta.com', { features: { custom_sync_rules: true, attribute_filtering: true } })
      .healthyForest('alpha.com')
      .build();
    const result = decideWith(inventory);
    expect(result.forests.map((f) => f.forest)).toEqual(['alpha.com', 'zeta.com']);
    const order = ['blocker', 'remediation', 'warning', 'info'];
    const zeta = result.forests[1]?.findings ?? [];
    const keys = zeta.map((f) => [order.indexOf(f.severity), f.rule] as const);
    expect(keys).toEqual([...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)));
  });

  it('a nine-forest estate on one Connect pair at 2.5.79.0: some forests stay, so Connect stays and its upgrade is due', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((x) => `${x}.contoso.com`);
    let builder = estate();
    for (const name of names) {
      const stays = name === 'c.contoso.com' || name === 'g.contoso.com';
      builder = builder.forest(name, { features: stays ? { group_writeback_v1: true } : {} }).domain(name).agents(3);
    }
    const inventory = builder
      .connect('SYNC01', { forests: names, version: '2.5.79.0', mode: 'active', customRules: null })
      .connect('SYNC02', { forests: names, version: '2.5.79.0', mode: 'staging', customRules: null })
      .build();
    inventory.connectServers = inventory.connectServers.map((s) => ({ ...s, forests: names }));
    const result = decideWith(inventory);
    const verdicts = Object.fromEntries(result.forests.map((f) => [f.forest, f.verdict]));
    expect(verdicts['c.contoso.com']).toBe('stay-on-connect');
    expect(verdicts['g.contoso.com']).toBe('stay-on-connect');
    expect(verdicts['a.contoso.com']).toBe('migrate-now');

    const { estate: e } = result;
    expect(e.connect.stays).toBe(true);
    expect(e.connect.servers.map((s) => [s.server, s.forests.map((f) => f.forest)])).toEqual([
      ['SYNC01', ['c.contoso.com', 'g.contoso.com']],
      ['SYNC02', ['c.contoso.com', 'g.contoso.com']],
    ]);
    const stays = e.findings.find((f) => f.rule === 'connect-stays' && f.subject === 'summary');
    expect(stays?.message).toContain('Connect Sync stays after the migration on SYNC01 for c.contoso.com (whole forest) and g.contoso.com (whole forest)');
    const upgrades = e.findings.filter((f) => f.rule === 'connect-server-version');
    expect(upgrades.map((f) => [f.subject, f.severity])).toEqual([
      ['SYNC01', 'remediation'],
      ['SYNC02', 'remediation'],
    ]);
    expect(upgrades[0]?.message).toContain('upgrade is due');
    expect(upgrades[0]?.sources.map((x) => x.id)).toEqual(['VERS', 'HARDEN']);
    // Said once for the estate, not in each of the nine forest cards.
    expect(e.findings.filter((f) => f.rule === 'sync-interval')).toHaveLength(1);
    expect(result.forests.flatMap((f) => f.findings).filter((f) => f.rule === 'sync-interval' || f.rule === 'connect-server-version')).toEqual([]);
    expect(e.guidedTool.every((g) => g.fits === 'no')).toBe(true);
  });

  it('two merged forests are decided together: the one that alone would migrate stays with its partner', () => {
    const inventory = estate()
      .healthyForest('contoso.com')
      .healthyForest('fabrikam.com', { features: { group_writeback_v1: true } })
      .link('contoso.com', 'fabrikam.com', 'merge')
      .build();
    const alone = forest(estate().healthyForest('contoso.com').build(), 'contoso.com');
    expect(alone.verdict).toBe('migrate-now');

    // With previews allowed the merge itself is no blocker; only the partner's verdict ties contoso.com.
    const result = decideWith(inventory, { allowPreviewFeatures: true });
    const [contoso, fabrikam] = result.forests;
    expect(fabrikam?.verdict).toBe('stay-on-connect');
    expect(contoso?.verdict).toBe('stay-on-connect');
    expect(contoso?.decidedBy).toEqual(['forest-links']);
    expect(contoso?.decidedByLink).toEqual({ forest: 'contoso.com', otherForest: 'fabrikam.com', kind: 'merge', direction: null, origin: 'forest_links' });
    expect(contoso?.findings.find((f) => f.rule === 'forest-links')?.message).toContain('On its own, contoso.com would be migrate-now');
    expect(result.estate.linkedGroups).toEqual([
      { forests: ['contoso.com', 'fabrikam.com'], links: [contoso?.decidedByLink], outcome: 'stays' },
    ]);

    // Without previews, merging is Connect-only: the link itself keeps both, and says so.
    const strict = decideWith(inventory).forests[0];
    expect(strict?.verdict).toBe('stay-on-connect');
    expect(strict?.decidedBy).toContain('merge-across-forests');
    expect(strict?.decidedByLink?.kind).toBe('merge');
  });

  it('a trust from an AD export links forests in the estate but ties no verdicts', () => {
    const inventory = estate()
      .healthyForest('contoso.com')
      .healthyForest('fabrikam.com', { features: { group_writeback_v1: true } })
      .trust('contoso.com', 'fabrikam.com')
      .build();
    const result = decideWith(inventory);
    expect(result.forests[0]?.verdict).toBe('migrate-now');
    expect(result.forests[0]?.links).toEqual([{ forest: 'contoso.com', otherForest: 'fabrikam.com', kind: 'trust', direction: 'two-way', origin: 'trust' }]);
    expect(result.estate.linkedGroups).toEqual([]);
  });

  it('a Connect export holding only the pilot no-flow rules counts no custom rules', () => {
    const inventory = estate()
      .forest('contoso.com', { features: { custom_sync_rules: null } })
      .domain('contoso.com')
      .agents(3)
      .connect('sync01', { customRules: 0, pilotNoFlowRules: 6 })
      .build();
    const d = forest(inventory, 'contoso.com');
    expect(d.verdict).toBe('migrate-now');
    const custom = d.findings.filter((f) => f.rule === 'custom-sync-rules');
    expect(custom.map((f) => f.severity)).toEqual(['info']);
    expect(custom[0]?.message).toContain('6 pilot no-flow rules');
  });

  it('Entra Domain Services keeps every forest of its tenant, and each finding names them all', () => {
    const inventory = estate()
      .healthyForest('contoso.com', { features: { entra_domain_services: true } })
      .healthyForest('fabrikam.com')
      .healthyForest('tailspin.net', { tenant: 'tailspin.onmicrosoft.com' })
      .build();
    const result = decideWith(inventory);
    const verdicts = result.forests.map((f) => [f.forest, f.verdict]);
    expect(verdicts).toEqual([
      ['contoso.com', 'stay-on-connect'],
      ['fabrikam.com', 'stay-on-connect'],
      ['tailspin.net', 'migrate-now'],
    ]);
    const eds = result.forests[1]?.findings.find((f) => f.rule === 'entra-domain-services');
    expect(eds?.message).toContain('It affects every forest of the tenant: contoso.com and fabrikam.com.');
  });
});
