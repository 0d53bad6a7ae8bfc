import { collect } from '../collect.js';
import type { Rule } from '../rule.js';
import { featureUnknown } from '../rule-helpers.js';
import { cite } from '../sources.js';
import { schemaVersion } from '../versions.js';

/** msDS-ExternalDirectoryObjectId arrives with the Windows Server 2016 schema (objectVersion 87). */
const SCHEMA_2016 = 87;

export const groupWritebackV2: Rule = {
  id: 'group-writeback-v2',
  capability: 'group writeback v2',
  sources: ['GWB', 'PRE'],
  evaluate(ctx) {
    const f = ctx.forest.forest;
    const used = ctx.feature('group_writeback_v2');
    if (used === false) return [];
    if (used === null) {
      return [featureUnknown(ctx, 'group_writeback_v2', 'group writeback v2', 'needs-remediation', 'it must be moved to Cloud Sync group provisioning to AD first')];
    }
    const schema = schemaVersion(ctx.forest.schemaVersion);
    const schemaNote =
      schema === null
        ? ` The AD schema version is not recorded: group provisioning needs msDS-ExternalDirectoryObjectId, from the Windows Server 2016 schema (${cite('PRE')}).`
        : schema < SCHEMA_2016
          ? ` The AD schema (objectVersion ${schema}) lacks msDS-ExternalDirectoryObjectId: raise it to Windows Server 2016 or later first (${cite('PRE')}).`
          : '';
    return [
      {
        effect: 'needs-remediation',
        message: `Forest ${f} uses group writeback v2, which is deprecated; Cloud Sync replaces it with group provisioning to AD, for security groups only (${cite('GWB')}). Microsoft 365 groups written back today have no Cloud Sync path.${schemaNote}`,
        remediation:
          'Follow GWB: copy adminDescription to msDS-ExternalDirectoryObjectID, put Connect Sync in staging mode, add the Entra connector inbound cloudNoFlow rule and the outbound JoinNoFlow rule, run Set-ADSyncAADCompanyFeature -GroupWritebackV2 $false (irreversible), then configure group provisioning to AD.',
        evidence: { group_writeback_v2: true, schemaVersion: ctx.forest.schemaVersion },
        collect: schema === null ? [collect('forests', 'schema_version', f)] : [],
      },
    ];
  },
};
