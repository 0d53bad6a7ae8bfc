import type { EstateRule } from '../rule.js';
import { cite } from '../sources.js';

/**
 * WHAT and FAQ disagree on how often Cloud Sync runs; the setting cloudSyncInterval picks the reading.
 * It holds for the whole estate, so it is said once there rather than in every forest card.
 */
export const syncInterval: EstateRule = {
  id: 'sync-interval',
  capability: 'sync interval',
  sources: ['WHAT', 'FAQ', 'SCHED'],
  evaluate(ctx) {
    // Forests already on Cloud Sync live with its interval; the reading matters to those that move.
    const moving = ctx.estate.forests.filter((f) => f.currentEngine !== 'cloud-sync').map((f) => f.forest);
    if (moving.length === 0) return [];
    const reading = ctx.assumptions.cloudSyncInterval;
    const twoMinutes = reading === '2-minutes';
    const used = twoMinutes ? `every 2 minutes (${cite('WHAT')})` : `every 10-20 minutes for users and groups, 2-5 minutes for password hashes (${cite('FAQ')})`;
    const other = twoMinutes ? `FAQ says every 10-20 minutes` : `WHAT says every 2 minutes`;
    return [
      {
        effect: 'informational',
        severity: 'info',
        message: `SyncPlan plans with Cloud Sync running ${used}, the reading set in cloudSyncInterval; ${other}. Connect Sync's scheduler runs every 30 minutes by default (${cite('SCHED')}). This holds for every forest that moves.`,
        remediation: 'Tell users and helpdesk how long a change takes to reach Entra ID after the move.',
        evidence: { cloudSyncInterval: reading, connectSchedulerMinutes: 30, forests: moving },
        assumption: { name: 'cloudSyncInterval', reading, alternative: twoMinutes ? '10-20-minutes' : '2-minutes' },
      },
    ];
  },
};
