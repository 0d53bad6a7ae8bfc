import { z } from 'zod';
import {
  choice,
  count,
  decimal,
  defineEntity,
  distinguishedName,
  dnsName,
  dnsNames,
  embedded,
  flag,
  json,
  name,
  notes,
  optionalDnsName,
  requiredChoice,
  text,
  typedCounts,
  type Field,
} from './entity.js';
import { parseCount } from './cells.js';
import { dnKey } from './distinguished-name.js';
import { DnsName } from './dns-name.js';

/**
 * The inventory's entities, each described once (see entity.ts). Template columns and their order are
 * the public format of docs/templates.md; SQL columns are those of the released migrations.
 */

/** Feature columns of the sync_features template, in template order, with their labels. */
const FEATURE_LABELS = {
  password_hash_sync: 'Password hash sync',
  pass_through_auth: 'Pass-through authentication',
  federation: 'Federation (AD FS)',
  seamless_sso: 'Seamless SSO',
  password_writeback: 'Password writeback',
  exchange_hybrid_writeback: 'Exchange hybrid writeback',
  device_sync: 'Device sync (hybrid join)',
  device_writeback: 'Device writeback',
  group_writeback_v1: 'Group writeback v1',
  group_writeback_v2: 'Group writeback v2',
  directory_extensions: 'Directory extensions',
  custom_sync_rules: 'Custom sync rules',
  attribute_filtering: 'Attribute-value filtering',
  group_filtering: 'Group filtering',
  cross_forest_references: 'Cross-forest references',
  merge_across_forests: 'Merging across forests',
  entra_domain_services: 'Entra Domain Services',
} as const;
export type FeatureName = keyof typeof FEATURE_LABELS;
export const FEATURE_NAMES = Object.keys(FEATURE_LABELS) as [FeatureName, ...FeatureName[]];

/** The features a forest of the example row uses today. */
const EXAMPLE_FEATURES = new Set<FeatureName>(['password_hash_sync', 'seamless_sso', 'password_writeback']);

const featureFields = Object.fromEntries(
  FEATURE_NAMES.map((feature) => [feature, flag(feature, { label: FEATURE_LABELS[feature], example: String(EXAMPLE_FEATURES.has(feature)), sql: false })]),
) as { [K in FeatureName]: Field<z.ZodNullable<z.ZodBoolean>, false, K> };

/** One row of sync_features: what a forest uses today. The forests repository stores it as forest_features rows. */
export const syncFeaturesEntity = defineEntity({
  noun: 'forest feature set',
  table: null,
  template: 'sync_features',
  key: ['forest'],
  fields: { forest: dnsName('forest', { label: 'Forest', example: 'contoso.com' }), ...featureFields },
});

export const Features = syncFeaturesEntity.schema.omit({ forest: true });
export type Features = z.infer<typeof Features>;

export function unknownFeatures(): Features {
  return Object.fromEntries(FEATURE_NAMES.map((feature) => [feature, null])) as Features;
}

export const NETWORKS = ['connected', 'disconnected'] as const;
export const CURRENT_ENGINES = ['connect-sync', 'cloud-sync', 'none'] as const;
export const SOURCE_ANCHORS = ['ms-DS-ConsistencyGuid', 'objectGUID', 'other'] as const;
export const TOPOLOGY_ROLES = ['standard', 'account', 'resource'] as const;
/** The Microsoft cloud the forest's tenant lives in. */
export const CLOUDS = ['global', 'us-government', '21vianet'] as const;
const CLOUD_LABELS = { global: 'Global (commercial)', 'us-government': 'US Government (GCC High, DoD)', '21vianet': 'China (21Vianet)' } as const;

export const forestEntity = defineEntity({
  noun: 'forest',
  table: 'forests',
  orderBy: 'forest',
  template: 'forests',
  key: ['forest'],
  fields: {
    forest: dnsName('forest', { label: 'Forest root domain', example: 'contoso.com' }),
    tenant: text('tenant', { label: 'Entra tenant', example: 'contoso.onmicrosoft.com' }),
    functionalLevel: text('functional_level', { label: 'Functional level', example: 'Windows2016Forest' }),
    schemaVersion: text('schema_version', { label: 'Schema version', example: '88' }),
    network: choice('network', NETWORKS, { label: 'Network', example: 'connected', valueLabels: { connected: 'Connected', disconnected: 'Disconnected (no line of sight)' } }),
    currentEngine: choice('current_engine', CURRENT_ENGINES, {
      label: 'Syncs today with',
      example: 'connect-sync',
      valueLabels: { 'connect-sync': 'Connect Sync', 'cloud-sync': 'Cloud Sync', none: 'Nothing' },
    }),
    sourceAnchor: choice('source_anchor', SOURCE_ANCHORS, { label: 'Source anchor', example: 'ms-DS-ConsistencyGuid', valueLabels: { other: 'Other attribute' } }),
    topologyRole: choice('topology_role', TOPOLOGY_ROLES, {
      label: 'Topology role',
      example: 'standard',
      valueLabels: { standard: 'Standard', account: 'Account forest', resource: 'Resource forest' },
    }),
    cloud: choice('cloud', CLOUDS, { label: 'Microsoft cloud', example: 'global', valueLabels: CLOUD_LABELS }),
    features: embedded({ label: 'Features in use today' }, Features, unknownFeatures),
    notes: notes('notes', { label: 'Notes', template: false }),
  },
});

/**
 * An Entra tenant that forests and Connect servers sync to. Forests and servers name it in their
 * `tenant` text (the templates' public format); a tenant row adds what the workshop knows about it, and
 * renaming it renames those references.
 */
export const tenantEntity = defineEntity({
  noun: 'tenant',
  table: 'tenants',
  orderBy: 'name',
  template: null,
  key: ['name'],
  fields: {
    name: name('name', { label: 'Tenant' }),
    cloud: choice('cloud', CLOUDS, { label: 'Microsoft cloud', valueLabels: CLOUD_LABELS }),
    notes: notes('notes', { label: 'Notes' }),
  },
});

/** The counts of an OU, and of a domain, that a person can type over an import's (see typed-counts.ts). */
export const OU_COUNTS = ['users', 'groups', 'contacts', 'computers'] as const;
export const DOMAIN_COUNTS = [...OU_COUNTS, 'largestGroupMembers', 'inetOrgPersons'] as const;

/** The object counts a domain and each of its OUs carry, with the example row's values. */
const objectCounts = ([users, groups, contacts, computers]: readonly [string, string, string, string]) => ({
  users: count('users', { label: 'Users', example: users }),
  groups: count('groups', { label: 'Groups', example: groups }),
  contacts: count('contacts', { label: 'Contacts', example: contacts }),
  computers: count('computers', { label: 'Computers', example: computers }),
});

export const domainEntity = defineEntity({
  noun: 'domain',
  table: 'domains',
  orderBy: 'domain',
  template: 'domains',
  key: ['domain'],
  fields: {
    forest: dnsName('forest', { label: 'Forest', example: 'contoso.com' }),
    domain: dnsName('domain', { label: 'Domain', example: 'corp.contoso.com' }),
    netbios: text('netbios', { label: 'NetBIOS name', example: 'CORP' }),
    functionalLevel: text('functional_level', { label: 'Domain functional level', example: 'Windows2016Domain' }),
    ...objectCounts(['12,500', '3,200', '150', '9,800']),
    largestGroupMembers: count('largest_group_members', { label: 'Members of the largest group', example: '4,100' }),
    // Suffixes read from AD exports are kept as written, so the model does not insist on DNS syntax.
    upnSuffixes: dnsNames('upn_suffixes', { label: 'UPN suffixes', example: 'contoso.com;corp.contoso.com' }, z.array(z.string())),
    /** InetOrgPerson objects among the users: Cloud Sync does not sync their password hashes (PRE). */
    inetOrgPersons: count('inetorgpersons', { label: 'InetOrgPerson users', template: false }),
    importedCounts: typedCounts('imported_counts', { label: 'Imported values of typed counts' }, DOMAIN_COUNTS),
  },
});

export const ouEntity = defineEntity({
  noun: 'OU',
  table: 'ous',
  orderBy: 'domain, dn_key',
  template: 'ous',
  key: ['distinguishedName'],
  // Distinguished names compare case- and escape-insensitively: the table is keyed by the folded form.
  computed: { dn_key: (ou) => dnKey(ou.distinguishedName) },
  sqlKey: ['dn_key'],
  fields: {
    domain: dnsName('domain', { label: 'Domain', example: 'corp.contoso.com' }),
    distinguishedName: distinguishedName('distinguished_name', { label: 'Distinguished name', example: 'OU=Sales,OU=Users,DC=corp,DC=contoso,DC=com' }),
    ...objectCounts(['420', '35', '0', '0']),
    inConnectScope: flag('in_connect_scope', { label: 'Synced by Connect', example: 'true' }),
    importedCounts: typedCounts('imported_counts', { label: 'Imported values of typed counts' }, OU_COUNTS),
  },
});

export const ConnectorScope = z.object({
  forest: DnsName,
  includedOus: z.array(z.string()),
  excludedOus: z.array(z.string()),
});
export type ConnectorScope = z.infer<typeof ConnectorScope>;

export const connectServerEntity = defineEntity({
  noun: 'Connect server',
  table: 'connect_servers',
  orderBy: 'server',
  template: 'connect_servers',
  key: ['server'],
  fields: {
    server: name('server', { label: 'Server', example: 'SYNC01.corp.contoso.com' }),
    forests: dnsNames('forests', { label: 'Forests it syncs', example: 'contoso.com' }, z.array(DnsName)),
    tenant: text('tenant', { label: 'Entra tenant', example: 'contoso.onmicrosoft.com' }),
    version: text('version', { label: 'Connect version', example: '2.5.79.0' }),
    mode: choice('mode', ['active', 'staging'], { label: 'Mode', example: 'active' }),
    os: text('os', { label: 'Operating system', example: 'Windows Server 2022' }),
    database: choice('database', ['localdb', 'sql-server'], { label: 'Database', example: 'localdb' }),
    standardRules: count('standard_rules', { label: 'Standard sync rules', template: false }),
    customRules: count('custom_rules', { label: 'Custom sync rules', template: false }),
    disabledRules: count('disabled_rules', { label: 'Disabled standard rules', template: false }),
    signOnMethod: text('sign_on_method', { label: 'Sign-in method', template: false }),
    scopes: json('scopes', { label: 'OU filters per forest' }, z.array(ConnectorScope), () => []),
    /** SyncPlan's own pilot no-flow rules (cloudNoFlow / JoinNoFlow, PILOT): custom by tag, not the customer's; not in customRules. */
    pilotNoFlowRules: count('pilot_noflow_rules', { label: 'Pilot no-flow rules', template: false }),
    /** Enabled custom rules that change how objects join or are provisioned (join conditions, Provision link). */
    joinRules: count('join_rules', { label: 'Rules that change joins', template: false }),
    /** Connectors to sources other than AD and Entra ID (LDAP, SQL, generic): Cloud Sync cannot take them over. */
    nonAdConnectors: json('non_ad_connectors', { label: 'Connectors to other sources' }, z.array(z.object({ name: z.string(), type: z.string() })).nullable(), () => null),
    /** Whether an enabled rule flows userType to Entra ID, which is how Connect syncs users as guests. */
    syncsUserType: flag('syncs_user_type', { label: 'Syncs userType (guests)', template: false }),
  },
});

export const agentEntity = defineEntity({
  noun: 'agent host',
  table: 'agents',
  orderBy: 'host',
  template: 'agents',
  key: ['host'],
  // An agent belongs to a forest: without the column no row could be stored.
  templateRequires: ['host', 'forest'],
  fields: {
    host: name('host', { label: 'Host', example: 'AGENT01.corp.contoso.com' }),
    forest: dnsName('forest', { label: 'Forest', example: 'contoso.com' }),
    domain: optionalDnsName('domain', { label: 'Domain', example: 'corp.contoso.com' }),
    os: text('os', { label: 'Operating system', example: 'Windows Server 2022' }),
    ramGb: decimal('ram_gb', { label: 'RAM (GB)', example: '8' }),
    dotnet: text('dotnet', { label: '.NET Framework', example: '4.8.1' }),
    serverCore: flag('server_core', { label: 'Server Core', example: 'false' }),
    domainJoined: flag('domain_joined', { label: 'Domain-joined', example: 'true' }),
    tls12: flag('tls12', { label: 'TLS 1.2 enabled', example: 'true' }),
    ldap389: flag('ldap_389', { label: 'Reaches LDAP (389)', example: 'true' }),
    gc3268: flag('gc_3268', { label: 'Reaches the global catalog (3268)', example: 'true' }),
    outbound443: flag('outbound_443', { label: 'Outbound HTTPS (443)', example: 'true' }),
    agentVersion: text('agent_version', { label: 'Agent version', example: '1.1.1370.0' }),
  },
});

export const trustEntity = defineEntity({
  noun: 'trust',
  table: 'trusts',
  orderBy: 'source, target',
  template: null,
  key: ['source', 'target'],
  fields: {
    source: dnsName('source', { label: 'From' }),
    target: dnsName('target', { label: 'To' }),
    direction: choice('direction', ['inbound', 'outbound', 'bidirectional'], { label: 'Direction' }),
    trustType: text('trust_type', { label: 'Trust type' }),
    forestTransitive: flag('forest_transitive', { label: 'Forest-transitive' }),
  },
});

/**
 * What ties two forests together: the same people in both joined by Connect (merge), references from
 * `forest` into `otherForest` (references), a trust, or `forest` being a resource forest for accounts of
 * `otherForest` (resource-for).
 */
export const FOREST_LINK_KINDS = ['merge', 'references', 'trust', 'resource-for'] as const;

export const forestLinkEntity = defineEntity({
  noun: 'forest link',
  table: 'forest_links',
  orderBy: 'forest, other_forest, kind',
  template: 'forest_links',
  key: ['forest', 'otherForest', 'kind'],
  fields: {
    forest: dnsName('forest', { label: 'Forest', example: 'contoso.com' }),
    otherForest: dnsName('other_forest', { label: 'Other forest', example: 'fabrikam.com' }),
    kind: requiredChoice('kind', FOREST_LINK_KINDS, { label: 'Link', example: 'trust' }),
    direction: choice('direction', ['one-way', 'two-way'], { label: 'Direction (trusts)', example: 'two-way' }),
    notes: notes('notes', { label: 'Notes', example: 'Forest trust for the shared intranet' }),
  },
});

export const HYGIENE_CHECKS = [
  'non-routable-upn-suffix',
  'duplicate-upn',
  'duplicate-proxy-address',
  'invalid-characters',
  'upn-too-long',
  'proxy-address-too-long',
  'samaccountname-too-long',
  'malformed-mail',
] as const;

const hygieneCount: Field<z.ZodNumber, true, null> = {
  ...count('count', { label: 'Objects affected', template: false }),
  schema: z.number().int().nonnegative(),
  required: true,
  blank: undefined,
  parse: parseCount,
  fromSql: (raw) => Number(raw),
};

export const hygieneEntity = defineEntity({
  noun: 'hygiene finding',
  table: 'hygiene',
  orderBy: 'domain, check_id',
  template: null,
  key: ['domain', 'check'],
  fields: {
    domain: dnsName('domain', { label: 'Domain' }),
    check: requiredChoice('check', HYGIENE_CHECKS, { label: 'Check', sql: 'check_id' }),
    count: hygieneCount,
    examples: json('examples', { label: 'Examples' }, z.array(z.string()).max(10), () => []),
  },
});

/** The entities that have a canonical template, in the order `syncplan templates` writes them. */
export const TEMPLATE_ENTITIES = {
  forests: forestEntity,
  domains: domainEntity,
  ous: ouEntity,
  sync_features: syncFeaturesEntity,
  connect_servers: connectServerEntity,
  agents: agentEntity,
  forest_links: forestLinkEntity,
} as const;
