import { checkAgents } from '../agent-requirement.js';
import type { Rule } from '../rule.js';
import { versionBelow } from '../versions.js';

const MIN_DOTNET = '4.7.1';

export const agentDotnet: Rule = {
  id: 'agent-dotnet',
  capability: 'agent host: .NET Framework',
  sources: ['PRE'],
  evaluate: (ctx) =>
    checkAgents(ctx, {
      need: `.NET Framework ${MIN_DOTNET} or later`,
      pages: ['PRE'],
      read: (a) => {
        const below = versionBelow(a.dotnet, MIN_DOTNET);
        return below === true ? { fails: true } : { fails: false, missing: below === null ? ['dotnet'] : [] };
      },
      shown: (a) => ({ dotnet: a.dotnet }),
      describe: (a) => `${a.host} (.NET ${a.dotnet ?? ''})`,
      remediation: (hosts) => `Install .NET Framework 4.8 (or at least ${MIN_DOTNET}) on ${hosts}.`,
    }),
};
