import { list } from '../format.js';
import type { Rule } from '../rule.js';
import { cite } from '../sources.js';

/**
 * Connect syncs on-premises users as guests when a rule flows userType to Entra ID; Cloud Sync has no
 * guest users (FAQ, WHAT). Only a Connect configuration export tells (no template column holds it).
 */
export const guestUsers: Rule = {
  id: 'guest-users',
  capability: 'guest users',
  sources: ['FAQ', 'WHAT'],
  evaluate(ctx) {
    const flowing = ctx.servers.filter((s) => s.syncsUserType === true);
    if (flowing.length === 0) return [];
    const names = list(flowing.map((s) => s.server));
    return [
      {
        effect: 'blocks-cloud-sync',
        message: `${names} ${flowing.length === 1 ? 'flows' : 'flow'} userType to Entra ID, which is how Connect Sync syncs users of forest ${ctx.forest.forest} as guests; Cloud Sync has no guest users (${cite('FAQ', 'WHAT')}).`,
        remediation: 'Keep the forest on Connect Sync while users must arrive as guests, or invite them as B2B guests in the cloud instead and remove the userType flow.',
        evidence: { servers: flowing.map((s) => ({ server: s.server, syncsUserType: true })) },
      },
    ];
  },
};
