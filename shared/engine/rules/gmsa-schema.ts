import { collect, collectPhrase } from '../collect.js';
import type { Rule } from '../rule.js';
import { cite } from '../sources.js';
import { schemaVersion } from '../versions.js';

/** The agent's gMSA needs a Windows Server 2012 schema (objectVersion 56) or later. */
const SCHEMA_2012 = 56;

export const gmsaSchema: Rule = {
  id: 'gmsa-schema',
  capability: 'agent prerequisites: gMSA',
  sources: ['PRE'],
  evaluate(ctx) {
    const f = ctx.forest.forest;
    const schema = schemaVersion(ctx.forest.schemaVersion);
    const evidence = { schemaVersion: ctx.forest.schemaVersion, minimum: SCHEMA_2012 };
    if (schema === null) {
      const fields = [collect('forests', 'schema_version', f)];
      return [
        {
          effect: 'unknown-data',
          couldBecome: 'needs-remediation',
          message: `The AD schema version of forest ${f} is not recorded or not readable; the agent's gMSA needs a Windows Server 2012 schema (objectVersion 56) or later (${cite('PRE')}). ${collectPhrase(fields)}`,
          remediation: 'Read objectVersion of the schema (Get-ADObject (Get-ADRootDSE).schemaNamingContext -Property objectVersion) and record it.',
          evidence,
          collect: fields,
        },
      ];
    }
    if (schema >= SCHEMA_2012) return [];
    return [
      {
        effect: 'needs-remediation',
        message: `Forest ${f} has AD schema objectVersion ${schema}; the agent's group managed service account needs a Windows Server 2012 schema (56) or later and a 2012 or later domain controller (${cite('PRE')}).`,
        remediation: 'Extend the schema (adprep /forestprep from Windows Server 2012 or later) and add a 2012 or later domain controller.',
        evidence,
      },
    ];
  },
};
