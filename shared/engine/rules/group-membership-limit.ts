import { collect, collectPhrase } from '../collect.js';
import { count } from '../format.js';
import type { FindingDraft, Rule } from '../rule.js';
import { cite } from '../sources.js';

export const CLOUD_SYNC_GROUP_MEMBERS = 50_000;

/**
 * A group over the limit blocks the whole forest, not only its domain: its members usually live all
 * over the forest, and moving them while Connect keeps the group would cut the memberships (PILOT:
 * both ends of a reference stay with one engine).
 */
export const groupMembershipLimit: Rule = {
  id: 'group-membership-limit',
  capability: 'group membership size',
  sources: ['DG', 'PILOT'],
  evaluate(ctx) {
    const drafts: FindingDraft[] = [];
    for (const d of ctx.domains) {
      const members = d.largestGroupMembers;
      const evidence = { largestGroupMembers: members, groups: d.groups, limit: CLOUD_SYNC_GROUP_MEMBERS };
      if (members !== null && members > CLOUD_SYNC_GROUP_MEMBERS) {
        drafts.push({
          effect: 'blocks-cloud-sync',
          domains: [d.domain],
          subject: d.domain,
          message: `The largest group in ${d.domain} has ${count(members)} members; Cloud Sync syncs groups of at most ${count(CLOUD_SYNC_GROUP_MEMBERS)} members, Connect Sync up to 250,000 (${cite('DG')}). Its members span the forest, so moving part of it would cut memberships (${cite('PILOT')}).`,
          remediation: `Split the group into groups under ${count(CLOUD_SYNC_GROUP_MEMBERS)} members (or replace it with a dynamic group in Entra ID), then decide again; until then the forest stays on Connect Sync.`,
          evidence,
        });
      } else if (members === null && d.groups !== 0) {
        const fields = [collect('domains', 'largest_group_members', d.domain)];
        drafts.push({
          effect: 'unknown-data',
          couldBecome: 'blocks-cloud-sync',
          domains: [d.domain],
          subject: d.domain,
          message: `The size of the largest group in ${d.domain} is not recorded; Cloud Sync syncs groups of at most ${count(CLOUD_SYNC_GROUP_MEMBERS)} members (${cite('DG')}). ${collectPhrase(fields)}`,
          remediation: `Find the largest group of ${d.domain} (e.g. Get-ADGroup with member counts) and record its member count.`,
          evidence,
          collect: fields,
        });
      }
    }
    return drafts;
  },
};
