import { describe, expect, it } from 'vitest';
import { Assumptions } from '../model/assumptions.js';
import { decide } from './decide.js';
import { diffDecisions, findingKey } from './diff.js';
import { estate } from './test-support/estate-builder.js';

const inventory = estate()
  .healthyForest('contoso.com', { features: { device_writeback: true } })
  .healthyForest('fabrikam.com')
  .build();
const before = decide(inventory, Assumptions.parse({}));

describe('diffDecisions', () => {
  it('reports nothing between equal decisions', () => {
    expect(diffDecisions(before, decide(inventory, Assumptions.parse({})))).toEqual({ assumptions: [], forests: [] });
  });

  it('reports the assumption, verdict and findings a what-if changed, for the forests it changed only', () => {
    const after = decide(inventory, Assumptions.parse({ replaceDeviceWritebackWithCloudKerberos: true }));
    const diff = diffDecisions(before, after);
    expect(diff.assumptions).toEqual([{ name: 'replaceDeviceWritebackWithCloudKerberos', before: false, after: true }]);
    expect(diff.forests).toHaveLength(1);
    const [contoso] = diff.forests;
    expect(contoso).toMatchObject({
      forest: 'contoso.com',
      status: 'changed',
      verdictChanged: true,
      verdictBefore: 'coexist',
      verdictAfter: 'migrate-after-remediation',
      findingsAdded: [],
      findingsRemoved: [],
      domainEngines: [],
    });
    expect(contoso?.findingsChanged.map((c) => [c.before.rule, c.before.effect, c.after.effect])).toEqual([
      ['device-writeback', 'keeps-part-on-connect', 'needs-remediation'],
    ]);
  });

  it('reports domains whose engine changed and findings that came or went', () => {
    const bigger = estate()
      .healthyForest('contoso.com', { features: { device_writeback: true } }, { users: 400_000 })
      .healthyForest('fabrikam.com')
      .build();
    const diff = diffDecisions(before, decide(bigger, Assumptions.parse({})));
    const contoso = diff.forests.find((f) => f.forest === 'contoso.com');
    expect(contoso?.domainEngines).toEqual([{ domain: 'contoso.com', before: 'cloud-sync', after: 'connect-sync' }]);
    expect(contoso?.findingsAdded.map(findingKey)).toEqual(['domain-object-limit|contoso.com']);
    expect(contoso?.verdictAfter).toBe('stay-on-connect');
  });

  it('reports forests added and removed', () => {
    const only = decide(estate().healthyForest('contoso.com', { features: { device_writeback: true } }).build(), Assumptions.parse({}));
    const added = diffDecisions(only, before).forests.find((f) => f.forest === 'fabrikam.com');
    expect(added).toMatchObject({ status: 'added', verdictBefore: null, verdictAfter: 'migrate-now', verdictChanged: true });
    expect(added?.domainEngines).toEqual([{ domain: 'fabrikam.com', before: null, after: 'cloud-sync' }]);
    const removed = diffDecisions(before, only).forests.find((f) => f.forest === 'fabrikam.com');
    expect(removed?.status).toBe('removed');
    expect(removed?.findingsRemoved.length).toBeGreaterThan(0);
  });
});
