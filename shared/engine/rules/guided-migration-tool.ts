import type { FeatureName } from '../../model/inventory.js';
import { collect } from '../collect.js';
import type { CollectField } from '../decision-schema.js';
import { count, list } from '../format.js';
import { ownServers } from './custom-sync-rules.js';
import type { Rule } from '../rule.js';
import { cite } from '../sources.js';

const MAX_OBJECTS = 2_000;
const MAX_OUS_PER_DOMAIN = 30;
const BLOCKING: { feature: FeatureName; label: string }[] = [
  { feature: 'custom_sync_rules', label: 'custom sync rules' },
  { feature: 'group_filtering', label: 'group filtering' },
  { feature: 'directory_extensions', label: 'directory extensions' },
  { feature: 'device_sync', label: 'device sync' },
];

/**
 * Microsoft's "Transition to Cloud Sync" wizard task only takes small, plain forests (TOOL). Only
 * advice: it changes how the move is done, never whether.
 */
export const guidedMigrationTool: Rule = {
  id: 'guided-migration-tool',
  capability: "eligibility for Microsoft's guided migration tool",
  sources: ['TOOL', 'PILOT'],
  evaluate(ctx) {
    const f = ctx.forest.forest;
    if (ctx.forest.currentEngine !== 'connect-sync') return [];
    const misses: string[] = [];
    const open: string[] = [];
    const fields: CollectField[] = [];

    if (ctx.servers.some((s) => s.forests.some((other) => other !== f))) {
      misses.push('its Connect server syncs other forests too (the tool takes one forest)');
    } else if (ctx.servers.length === 0) open.push('which Connect server syncs it');

    const objects = ctx.estate.forestObjects.get(f) ?? { lower: 0, complete: false };
    if (objects.lower > MAX_OBJECTS) misses.push(`${objects.complete ? '' : 'at least '}${count(objects.lower)} objects (the tool takes ${count(MAX_OBJECTS)})`);
    else if (!objects.complete) {
      open.push('the object count');
      for (const d of ctx.domains) if (d.users === null) fields.push(collect('domains', 'users', d.domain));
    }

    for (const d of ctx.domains) {
      const ous = ctx.estate.ouCountByDomain.get(d.domain) ?? 0;
      if (ous > MAX_OUS_PER_DOMAIN) misses.push(`${d.domain} has ${count(ous)} OUs (the tool takes ${MAX_OUS_PER_DOMAIN} per domain)`);
      else if (ous === 0) open.push(`the OUs of ${d.domain}`);
    }

    const customRuleServers = ownServers(ctx).some((s) => (s.customRules ?? 0) > 0);
    for (const b of BLOCKING) {
      const used = b.feature === 'custom_sync_rules' && customRuleServers ? true : ctx.feature(b.feature);
      if (used === true) misses.push(b.label);
      else if (used === null) {
        open.push(b.label);
        fields.push(collect('sync_features', b.feature, f));
      }
    }

    const evidence = { objectsAtLeast: objects.lower, maxObjects: MAX_OBJECTS, maxOusPerDomain: MAX_OUS_PER_DOMAIN, misses, open };
    const manual = `Use the manual pilot with no-flow rules (${cite('PILOT')}).`;
    if (misses.length > 0) {
      return [
        {
          effect: 'informational',
          severity: 'info',
          message: `Microsoft's guided migration tool does not fit forest ${f}: ${list(misses)} (${cite('TOOL')}). ${manual}`,
          remediation: manual,
          evidence,
        },
      ];
    }
    if (open.length > 0) {
      return [
        {
          effect: 'informational',
          severity: 'info',
          message: `Microsoft's guided migration tool may fit forest ${f} (one forest, at most ${count(MAX_OBJECTS)} objects, at most ${MAX_OUS_PER_DOMAIN} OUs per domain, no custom sync rules, group filtering, custom UPN, directory extensions or device sync; ${cite('TOOL')}); still open: ${list(open)}.`,
          remediation: 'Record the open items, or run the tool\'s readiness report on the active Connect server.',
          evidence,
          collect: fields,
        },
      ];
    }
    return [
      {
        effect: 'informational',
        severity: 'info',
        message: `Forest ${f} fits Microsoft's guided migration tool (task "Transition to Cloud Sync" on the active Connect server): one forest, ${count(objects.lower)} objects, at most ${MAX_OUS_PER_DOMAIN} OUs per domain, none of the features it refuses (${cite('TOOL')}). Check that Connect does not use a custom UPN attribute, which the inventory does not record and the tool refuses.`,
        remediation: 'Run the readiness report of the tool; it keeps Connect in staging mode for a 2-week validation period after activation.',
        evidence,
      },
    ];
  },
};
