import type { FeatureName } from '../../model/inventory.js';
import { list } from '../format.js';
import type { Rule } from '../rule.js';
import { cite } from '../sources.js';

/** Capabilities both engines have without caveats: said once, so a reader sees they were considered. */
const COVERED: { feature: FeatureName; label: string }[] = [
  { feature: 'password_hash_sync', label: 'password hash sync' },
  { feature: 'password_writeback', label: 'password writeback (SSPR)' },
];

export const coveredFeatures: Rule = {
  id: 'covered-features',
  capability: 'users, groups, contacts; password hash sync; password writeback; basic attribute mapping',
  sources: ['DG'],
  evaluate(ctx) {
    if (ctx.forest.currentEngine === 'cloud-sync') return [];
    const used = COVERED.filter((c) => ctx.feature(c.feature) === true);
    return [
      {
        effect: 'informational',
        severity: 'info',
        message: `Cloud Sync covers ${list(['users, groups and contacts', 'basic attribute mappings', ...used.map((c) => c.label)])} for forest ${ctx.forest.forest} as Connect Sync does, and adds on-demand provisioning, configuration managed in the cloud and group provisioning to AD (${cite('DG')}).`,
        remediation: 'Nothing to change.',
        evidence: Object.fromEntries(COVERED.map((c) => [c.feature, ctx.feature(c.feature)])),
      },
    ];
  },
};
