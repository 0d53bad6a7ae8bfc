import type { Rule } from '../rule.js';
import { cite } from '../sources.js';

export const seamlessSso: Rule = {
  id: 'seamless-sso',
  capability: 'Seamless SSO',
  sources: ['DG', 'cloud-sync/how-to-sso'],
  evaluate(ctx) {
    if (ctx.feature('seamless_sso') !== true) return [];
    return [
      {
        effect: 'informational',
        severity: 'info',
        message: `Forest ${ctx.forest.forest} uses Seamless SSO, which works with Cloud Sync; it is set up and maintained with the AzureADSSO PowerShell module that ships in the Connect Sync MSI (${cite('DG', 'cloud-sync/how-to-sso')}).`,
        remediation: 'Keep the AzureADSSO module at hand to roll over the AZUREADSSOACC Kerberos key after Connect Sync is gone.',
        evidence: { seamless_sso: true },
      },
    ];
  },
};
