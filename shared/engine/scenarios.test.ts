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
    expect(rules(d)).toEqual(['covered-features', 'guided-migration-tool', 'source-anchor', 'sync-interval']);
  });

  it('custom sync rules and cross-forest references keep a forest on Connect', () => {
    const inventory = estate()
      .healthyForest('contoso.com', { features: { custom_sync_rules: true, cross_forest_references: true } })
      .healthyForest('fabrikam.com')
      .build();
    const d = forest(inventory, 'contoso.com');
    expect(d.verdict).toBe('stay-on-connect');
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
      .connect('sync.contoso.com')
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
});
