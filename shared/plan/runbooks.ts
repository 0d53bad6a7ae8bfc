import type { Runbook, WaveOu } from './plan-schema.js';
import { psComment, psString, REVIEW_HEADING } from './powershell.js';

/**
 * The PowerShell of each step (PILOT, TOOL, GWB in shared/domain/sync-engines.md §5). Every runbook is a
 * draft for the customer's engineers: headed "review before running", and it stops before changing
 * anything when what it expects is not there.
 */

function runbook(lines: readonly string[]): Runbook {
  return { heading: REVIEW_HEADING, language: 'powershell', script: `${lines.join('\n')}\n` };
}

const HEADER = [
  psComment('SyncPlan runbook. REVIEW BEFORE RUNNING: check every name, DN and number against the live system.'),
  "$ErrorActionPreference = 'Stop'",
];

const STOP_SCHEDULER = [
  psComment('Stop Connect Sync and keep it stopped while the rules change (PILOT step 2).'),
  'Import-Module ADSync',
  'Stop-ADSyncSyncCycle',
  'Set-ADSyncScheduler -SyncCycleEnabled $false',
];

const START_SCHEDULER = [
  psComment('Re-enable the scheduler and run a delta cycle (PILOT step 5).'),
  'Set-ADSyncScheduler -SyncCycleEnabled $true',
  'Start-ADSyncSyncCycle -PolicyType Delta',
];

/** Connect's object types for each Cloud Sync object type: AD connector, metaverse, Entra connector. */
export const NO_FLOW_OBJECT_TYPES = [
  { type: 'user', metaverse: 'person', entra: 'user' },
  { type: 'group', metaverse: 'group', entra: 'group' },
  { type: 'contact', metaverse: 'person', entra: 'contact' },
] as const;

export interface NoFlowScope {
  /** "pilot" or "wave 3": names the rules so they can be found and removed together. */
  label: string;
  forest: string;
  /** AD connector names in Connect Sync (Connect names them after the forest). */
  connectors: readonly string[];
  /** The first precedence; the rules take consecutive ones. */
  firstPrecedence: number;
}

/** Precedences the no-flow rules of a scope take: two per object type and AD connector. */
export function noFlowRuleCount(connectors: number): number {
  return connectors * NO_FLOW_OBJECT_TYPES.length * 2;
}

export function ruleName(scope: NoFlowScope, connector: string, type: string, direction: 'In' | 'Out'): string {
  return `SyncPlan no-flow ${scope.label} - ${connector} - ${type} (${direction})`;
}

function scopeCondition(attribute: string, value: string, operator: string): string {
  return `(New-Object -TypeName 'Microsoft.IdentityManagement.PowerShell.ObjectModel.ScopeCondition' -ArgumentList ${attribute}, ${value}, ${psString(operator)})`;
}

/** `$scope`: the OUs of the step with their domain and the inventory's object count, listed once. */
function scopeTable(ous: readonly WaveOu[]): string[] {
  return [
    '$scope = @(',
    ...ous.map((ou) => `  [pscustomobject]@{ Domain = ${psString(ou.domain)}; Ou = ${psString(ou.distinguishedName)}; Objects = ${ou.objects} }`),
    ')',
  ];
}

/**
 * PILOT step 3: per object type and AD connector, an inbound rule (link type Join, scope DN ENDSWITH
 * each OU of `$scope`, constant True -> cloudNoFlow) and an outbound rule on the Entra connector (link
 * type JoinNoFlow, scope cloudNoFlow = True), each with its own precedence.
 */
function noFlowRuleLines(scope: NoFlowScope): string[] {
  const precedences = Array.from({ length: noFlowRuleCount(scope.connectors.length) }, (_, i) => scope.firstPrecedence + i);
  const lines = [
    psComment(`No-flow rules for ${scope.label} of forest ${scope.forest}: Connect keeps these objects in scope but stops exporting them (PILOT step 3).`),
    psComment('Precedences must be unique on the server: the script stops if one is taken.'),
    `$precedences = @(${precedences.join(', ')})`,
    '$taken = @(Get-ADSyncRule | Where-Object { $precedences -contains $_.Precedence })',
    "if ($taken.Count -gt 0) { throw \"Precedence already used by: $(($taken | ForEach-Object Name) -join ', '). Change the precedences in this script first.\" }",
    "$entraConnector = Get-ADSyncConnector | Where-Object { $_.SubType -eq 'Windows Azure Active Directory (Microsoft)' } | Select-Object -First 1",
    "if (-not $entraConnector) { throw 'No Entra ID connector found on this server.' }",
  ];
  let precedence = scope.firstPrecedence;
  for (const connector of scope.connectors) {
    lines.push('', psComment(`AD connector ${connector}`), `$adConnector = Get-ADSyncConnector -Name ${psString(connector)}`);
    for (const t of NO_FLOW_OBJECT_TYPES) {
      lines.push(
        '',
        `New-ADSyncRule -Name ${psString(ruleName(scope, connector, t.type, 'In'))} -Identifier ([guid]::NewGuid()) -Direction 'Inbound' -Precedence ${precedence++} -SourceObjectType ${psString(t.type)} -TargetObjectType ${psString(t.metaverse)} -Connector $adConnector.Identifier -LinkType 'Join' -ImmutableTag '' -OutVariable syncRule | Out-Null`,
        `foreach ($row in $scope) { Add-ADSyncScopeConditionGroup -SynchronizationRule $syncRule[0] -ScopeConditions @(${scopeCondition("'dn'", '$row.Ou', 'ENDSWITH')}) -OutVariable syncRule | Out-Null }`,
        "Add-ADSyncAttributeFlowMapping -SynchronizationRule $syncRule[0] -Source @('True') -Destination 'cloudNoFlow' -FlowType 'Constant' -ValueMergeType 'Update' -OutVariable syncRule | Out-Null",
        'Add-ADSyncRule -SynchronizationRule $syncRule[0] | Out-Null',
        `New-ADSyncRule -Name ${psString(ruleName(scope, connector, t.type, 'Out'))} -Identifier ([guid]::NewGuid()) -Direction 'Outbound' -Precedence ${precedence++} -SourceObjectType ${psString(t.metaverse)} -TargetObjectType ${psString(t.entra)} -Connector $entraConnector.Identifier -LinkType 'JoinNoFlow' -ImmutableTag '' -OutVariable syncRule | Out-Null`,
        `Add-ADSyncScopeConditionGroup -SynchronizationRule $syncRule[0] -ScopeConditions @(${scopeCondition("'cloudNoFlow'", "'True'", 'EQUAL')}) -OutVariable syncRule | Out-Null`,
        'Add-ADSyncRule -SynchronizationRule $syncRule[0] | Out-Null',
      );
    }
  }
  return lines;
}

/** Objects per OU as AD counts them now, against the inventory's counts (PILOT step 5). */
const COUNT_LINES = [
  psComment('Object counts per OU: compare with the Cloud Sync provisioning logs and with Entra ID.'),
  'Import-Module ActiveDirectory',
  'foreach ($row in $scope) {',
  "  $found = @(Get-ADObject -Server $row.Domain -SearchBase $row.Ou -SearchScope Subtree -LDAPFilter '(|(&(objectCategory=person)(objectClass=user))(objectClass=group)(objectClass=contact))').Count",
  '  [pscustomobject]@{ Ou = $row.Ou; Inventory = $row.Objects; InAD = $found }',
  '} | Format-Table -AutoSize',
];

/** The pilot's or a wave's first step: scheduler stopped, no-flow rules added. The scheduler stays off until verified. */
export function noFlowRunbook(scope: NoFlowScope, ous: readonly WaveOu[]): Runbook {
  return runbook([...HEADER, ...scopeTable(ous), '', ...STOP_SCHEDULER, '', ...noFlowRuleLines(scope)]);
}

export function verifyRunbook(ous: readonly WaveOu[], reEnableScheduler: boolean): Runbook {
  return runbook([...HEADER, ...scopeTable(ous), '', ...COUNT_LINES, ...(reEnableScheduler ? ['', ...START_SCHEDULER] : [])]);
}

/** The wave in one go: stop, rules, and (once Cloud Sync's scope has been extended and checked) restart. */
export function waveRunbook(scope: NoFlowScope, ous: readonly WaveOu[]): Runbook {
  return runbook([
    ...HEADER,
    ...scopeTable(ous),
    '',
    ...STOP_SCHEDULER,
    '',
    ...noFlowRuleLines(scope),
    '',
    psComment('Now add these OUs to the Cloud Sync configuration of each domain and provision a few objects on demand; then:'),
    ...COUNT_LINES,
    '',
    ...START_SCHEDULER,
  ]);
}

/** Validation: objects per moving domain in AD against the inventory, to compare with Entra ID. */
export function domainCountRunbook(domains: readonly { domain: string; objects: number | null }[]): Runbook {
  return runbook([
    ...HEADER,
    psComment('Objects per domain (users, groups, contacts): compare with Entra ID and the Cloud Sync provisioning logs every day of the validation period.'),
    'Import-Module ActiveDirectory',
    '$domains = @(',
    ...domains.map((d) => `  [pscustomobject]@{ Domain = ${psString(d.domain)}; Objects = ${d.objects === null ? '$null' : d.objects} }`),
    ')',
    'foreach ($row in $domains) {',
    "  $found = @(Get-ADObject -Server $row.Domain -LDAPFilter '(|(&(objectCategory=person)(objectClass=user))(objectClass=group)(objectClass=contact))' -ResultSetSize $null).Count",
    '  [pscustomobject]@{ Domain = $row.Domain; Inventory = $row.Objects; InAD = $found }',
    '} | Format-Table -AutoSize',
  ]);
}

export function backupRunbook(forest: string): Runbook {
  return runbook([
    ...HEADER,
    psComment(`Back up the Connect Sync configuration before ${forest} changes (PILOT step 1). Run on every Connect server.`),
    'Import-Module ADSync',
    "$folder = Join-Path $env:USERPROFILE ('SyncPlan-backup-' + (Get-Date -Format 'yyyyMMdd-HHmm'))",
    'Get-ADSyncServerConfiguration -Path $folder',
    'Get-ADSyncRule | Export-Clixml -Path (Join-Path $folder "sync-rules.xml")',
    'Write-Output "Configuration exported to $folder"',
  ]);
}

/** Cutover: Connect stops for the moved scope. Whole forest: scheduler off (or staging mode); part: the no-flow rules stay. */
export function cutoverRunbook(forest: string, wholeServer: boolean): Runbook {
  const lines = [...HEADER, 'Import-Module ADSync'];
  if (wholeServer) {
    lines.push(
      psComment(`Cloud Sync now serves ${forest}: turn Connect Sync off and keep it installed for the validation period (PILOT step 7).`),
      'Stop-ADSyncSyncCycle',
      'Set-ADSyncScheduler -SyncCycleEnabled $false',
      psComment('Or switch the server to staging mode in the Connect Sync wizard (Configure staging mode) to keep it importing for a rollback.'),
    );
  } else {
    lines.push(
      psComment(`Connect Sync keeps serving other scopes, so it stays on. The no-flow rules for ${forest} stay enabled: they are what keeps Connect from exporting the moved objects.`),
      psComment('Never take the moved OUs out of Connect scope before cutover is complete: users would be soft-deleted, groups hard-deleted.'),
      `Get-ADSyncRule | Where-Object { $_.Name -like ${psString(`SyncPlan no-flow * - ${forest} - *`)} } | Select-Object Name, Precedence, Disabled | Format-Table -AutoSize`,
    );
  }
  return runbook(lines);
}

export function accidentalDeleteRunbook(tenant: string | null): Runbook {
  return runbook([
    ...HEADER,
    psComment('Connect Sync leaves its accidental-delete protection in the tenant; it would block Cloud Sync deletes (sync-engines.md §5).'),
    'Import-Module AADCloudSyncTools',
    tenant === null ? psComment('The tenant is not recorded in the inventory: fill in $tenantId.') : psComment(`Tenant ${tenant}`),
    `$tenantId = ${psString(tenant ?? '<tenant id>')}`,
    'Disable-AADCloudSyncToolsDirSyncAccidentalDeletionPrevention -tenantId $tenantId',
  ]);
}

export function groupWritebackRunbook(forest: string): Runbook {
  return runbook([
    ...HEADER,
    psComment(`Group writeback v2 to Cloud Sync group provisioning for ${forest} (GWB). Step 4 cannot be undone.`),
    psComment('1. Copy adminDescription to msDS-ExternalDirectoryObjectID on the written-back groups.'),
    'Import-Module ActiveDirectory',
    `$groups = Get-ADGroup -Server ${psString(forest)} -LDAPFilter '(adminDescription=Group_*)' -Properties adminDescription`,
    "foreach ($g in $groups) { Set-ADGroup -Identity $g -Server " + psString(forest) + " -Replace @{ 'msDS-ExternalDirectoryObjectID' = $g.adminDescription } }",
    psComment('2. Put the Connect server in staging mode (Connect Sync wizard, Configure staging mode).'),
    psComment('3. Add the Entra-connector inbound cloudNoFlow rule and the outbound JoinNoFlow rule for groups (as in the pilot).'),
    psComment('4. Turn group writeback v2 off. IRREVERSIBLE: Microsoft 365 groups are then written back with v1 behaviour.'),
    'Import-Module ADSync',
    'Set-ADSyncAADCompanyFeature -GroupWritebackV2 $false',
    psComment('5. Configure group provisioning to AD in Cloud Sync (agent 1.1.1367.0 or later), then take Connect out of staging mode.'),
  ]);
}
