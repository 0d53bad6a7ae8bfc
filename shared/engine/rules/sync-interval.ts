import type { Rule } from '../rule.js';
import { cite, source } from '../sources.js';

/** WHAT and FAQ disagree on how often Cloud Sync runs; the setting cloudSyncInterval picks the reading. */
export const syncInterval: Rule = {
  id: 'sync-interval',
  capability: 'sync interval',
  source: source('WHAT', 'FAQ', 'CPRE'),
  evaluate(ctx) {
    // A forest already on Cloud Sync lives with its interval; the reading matters to those that move.
    if (ctx.forest.currentEngine === 'cloud-sync') return [];
    const reading = ctx.assumptions.cloudSyncInterval;
    const twoMinutes = reading === '2-minutes';
    const used = twoMinutes ? `every 2 minutes (${cite('WHAT')})` : `every 10-20 minutes (${cite('FAQ')})`;
    const other = twoMinutes ? `FAQ says every 10-20 minutes` : `WHAT says every 2 minutes`;
    return [
      {
        effect: 'informational',
        severity: 'info',
        message: `SyncPlan plans with Cloud Sync running ${used}, the reading set in cloudSyncInterval; ${other}. Connect Sync's scheduler runs every 30 minutes by default (${cite('CPRE')}).`,
        remediation: 'Tell users and helpdesk how long a change takes to reach Entra ID after the move.',
        evidence: { cloudSyncInterval: reading, connectSchedulerMinutes: 30 },
        assumption: { name: 'cloudSyncInterval', reading, alternative: twoMinutes ? '10-20-minutes' : '2-minutes' },
      },
    ];
  },
};
