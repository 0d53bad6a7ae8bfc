import type { OwnerRole, TaskKind } from './plan-schema.js';

/** Who does each kind of task, and what it needs before, proves after, and how it is undone. */
export interface KindText {
  owner: OwnerRole;
  entry: string[];
  exit: string[];
  rollback: string | null;
}

const NO_FLOW_ROLLBACK =
  'Disable the Cloud Sync configuration, disable the SyncPlan no-flow rules of this step (a full sync follows), and leave the OUs in Connect Sync scope (PILOT step 8).';

export const KIND_TEXT: Readonly<Record<TaskKind, KindText>> = {
  remediation: {
    owner: 'identity-architect',
    entry: ['The finding and its evidence reviewed with the customer.'],
    exit: ['The decision engine no longer reports the finding after the inventory is updated.'],
    rollback: null,
  },
  'agent-hosts': {
    owner: 'server-team',
    entry: ['Three hosts allocated for the Cloud Sync agents (high availability).'],
    exit: [
      'Each host: domain-joined Windows Server 2016 or later with the Desktop Experience, 4 GB RAM or more, .NET Framework 4.7.1 or later, PowerShell execution policy Undefined or RemoteSigned.',
      'No host runs Connect Sync.',
    ],
    rollback: null,
  },
  gmsa: {
    owner: 'ad-admin',
    entry: ['A Domain or Enterprise Admin is available for the agent installation.'],
    exit: ['The forest schema supports group managed service accounts and a KDS root key exists, so the agent can create its gMSA.'],
    rollback: null,
  },
  network: {
    owner: 'network',
    entry: ['The agent hosts are known.'],
    exit: [
      'TLS 1.2 enabled on every agent host.',
      'TCP 389 and 3268 open from the hosts to the domain controllers; outbound TCP 443 to the Cloud Sync endpoints and URLs.',
    ],
    rollback: null,
  },
  'source-anchor': {
    owner: 'ad-admin',
    entry: ['Connect Sync uses objectGUID or ms-DS-ConsistencyGuid as source anchor.'],
    exit: ['ms-DS-ConsistencyGuid is populated on the users, groups and contacts that move (Connect does not populate it for groups), so Cloud Sync hard-matches them.'],
    rollback: null,
  },
  hygiene: {
    owner: 'ad-admin',
    entry: ['IdFix available to the AD team.'],
    exit: ['IdFix reports no errors for the objects that move.'],
    rollback: null,
  },
  'connect-upgrade': {
    owner: 'entra-admin',
    entry: ['The Connect Sync configuration is backed up.'],
    exit: ['Every Connect server runs 1.4.32.0 or later (the pilot\'s minimum) and a version that is still supported.'],
    rollback: 'Restore the Connect server from the configuration backup.',
  },
  'connect-backup': {
    owner: 'entra-admin',
    entry: ['Administrator access to each Connect server.'],
    exit: ['The exported configuration and sync rules are stored off the server.'],
    rollback: null,
  },
  'pilot-rules': {
    owner: 'entra-admin',
    entry: ['Every readiness task done.', 'The pilot OU is in Connect Sync scope and stays there.'],
    exit: ['The scheduler is stopped.', 'The no-flow rules exist once per object type and AD connector, with unique precedences.'],
    rollback: NO_FLOW_ROLLBACK,
  },
  'pilot-configure': {
    owner: 'entra-admin',
    entry: ['The agent hosts are ready.'],
    exit: ['Agents installed and active; Cloud Sync scoped to the pilot OU; provisioning on demand succeeds for a user, a group and a contact.'],
    rollback: NO_FLOW_ROLLBACK,
  },
  'pilot-verify': {
    owner: 'identity-architect',
    entry: ['Cloud Sync provisions the pilot OU.'],
    exit: ['Object counts match between AD, Cloud Sync and Entra ID.', 'A test user created in the pilot OU appears in Entra ID.', 'The scheduler is running again.'],
    rollback: NO_FLOW_ROLLBACK,
  },
  wave: {
    owner: 'entra-admin',
    entry: ['The previous step is verified.', 'The wave\'s OUs are in Connect Sync scope and stay there until cutover.'],
    exit: ['The wave\'s no-flow rules exist, Cloud Sync\'s scope includes the wave\'s OUs, the counts match and the scheduler runs again.'],
    rollback: NO_FLOW_ROLLBACK,
  },
  cutover: {
    owner: 'entra-admin',
    entry: ['Every wave verified.'],
    exit: ['Connect Sync no longer exports the moved scope; Cloud Sync is its only writer.'],
    rollback: 'Re-enable the Connect Sync scheduler (or leave staging mode) and disable the Cloud Sync configuration (PILOT step 8).',
  },
  'accidental-delete': {
    owner: 'entra-admin',
    entry: ['Connect Sync no longer exports the moved scope.'],
    exit: ['Connect\'s leftover accidental-delete protection is off; Cloud Sync\'s own threshold is set.'],
    rollback: 'Set the accidental-delete threshold again in the Cloud Sync configuration.',
  },
  validation: {
    owner: 'identity-architect',
    entry: ['Cutover done.'],
    exit: ['Counts, sign-ins and provisioning logs checked for the whole validation period; Connect kept installed (disabled or staging) until the end.'],
    rollback: 'Re-enable Connect Sync for the scope and disable the Cloud Sync configuration (PILOT step 8).',
  },
  decommission: {
    owner: 'server-team',
    entry: ['The validation period ended without a rollback.'],
    exit: ['This forest\'s connector is removed from Connect Sync; the server is uninstalled once it serves no forest.'],
    rollback: 'Reinstall Connect Sync and import the configuration backup.',
  },
  authentication: {
    owner: 'entra-admin',
    entry: ['Password hash sync runs for the users concerned.'],
    exit: ['Users sign in with password hash sync; the domains are managed.'],
    rollback: 'Remove the groups from staged rollout: their users sign in as before. A converted domain can be federated again.',
  },
  'group-writeback': {
    owner: 'entra-admin',
    entry: ['Connect Sync configuration backed up.', 'The customer accepts that turning v2 off cannot be undone.'],
    exit: ['Group writeback v2 is off and Cloud Sync group provisioning to AD writes the security groups back.'],
    rollback: 'Until Set-ADSyncAADCompanyFeature -GroupWritebackV2 $false runs: take Connect out of staging mode. After it: none (irreversible).',
  },
  'guided-tool': {
    owner: 'entra-admin',
    entry: ['The tenant is in a migration wave Microsoft has opened.', 'Run on the active Connect server.'],
    exit: ['The tool\'s step completed without errors.'],
    rollback: 'Disable the Cloud Sync configuration the tool created; Connect Sync keeps serving the forest.',
  },
  coexistence: {
    owner: 'identity-architect',
    entry: ['The scope that stays on Connect Sync is agreed with the customer.'],
    exit: ['Connect Sync and Cloud Sync never serve the same objects; Connect Sync stays on a supported version (2.5.79.0 or later).'],
    rollback: null,
  },
};

/** The kind of readiness task a remediation finding becomes, by rule id; others are generic remediation. */
export const FINDING_KIND: Readonly<Record<string, TaskKind>> = {
  'agent-os': 'agent-hosts',
  'agent-ram': 'agent-hosts',
  'agent-dotnet': 'agent-hosts',
  'agent-server-core': 'agent-hosts',
  'agent-domain-join': 'agent-hosts',
  'agent-on-staging-server': 'agent-hosts',
  'agent-high-availability': 'agent-hosts',
  'agent-tls12': 'network',
  'agent-ports': 'network',
  'gmsa-schema': 'gmsa',
  'source-anchor': 'source-anchor',
  'directory-hygiene': 'hygiene',
  'upn-suffixes': 'hygiene',
  'connect-version': 'connect-upgrade',
  'connect-server-version': 'connect-upgrade',
  'group-writeback-v2': 'group-writeback',
};
