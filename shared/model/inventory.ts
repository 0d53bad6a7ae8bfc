import { z } from 'zod';

/** Feature columns of the sync_features template (interfaces §3), in template order. */
export const FEATURE_NAMES = [
  'password_hash_sync',
  'pass_through_auth',
  'federation',
  'seamless_sso',
  'password_writeback',
  'exchange_hybrid_writeback',
  'device_sync',
  'device_writeback',
  'group_writeback_v1',
  'group_writeback_v2',
  'directory_extensions',
  'custom_sync_rules',
  'attribute_filtering',
  'group_filtering',
  'cross_forest_references',
  'merge_across_forests',
  'entra_domain_services',
] as const;
export const FeatureName = z.enum(FEATURE_NAMES);
export type FeatureName = z.infer<typeof FeatureName>;

/** null means "not known from the inventory", never "no". */
const count = z.number().int().nonnegative().nullable();
const flag = z.boolean().nullable();
const text = z.string().nullable();

export const Features = z.object(
  Object.fromEntries(FEATURE_NAMES.map((name) => [name, flag])) as Record<FeatureName, typeof flag>,
);
export type Features = z.infer<typeof Features>;

export function unknownFeatures(): Features {
  return Object.fromEntries(FEATURE_NAMES.map((name) => [name, null])) as Features;
}

export const Network = z.enum(['connected', 'disconnected']);
export const CurrentEngine = z.enum(['connect-sync', 'cloud-sync', 'none']);
export const SourceAnchor = z.enum(['ms-DS-ConsistencyGuid', 'objectGUID', 'other']);
export const TopologyRole = z.enum(['standard', 'account', 'resource']);
/** The Microsoft cloud the forest's tenant lives in (interfaces §3, forests.cloud). */
export const Cloud = z.enum(['global', 'us-government', '21vianet']);

/** DNS names (forests, domains) are keys: stored lower-case. */
export const DnsName = z
  .string()
  .trim()
  .min(1, 'a DNS name is required')
  .max(255)
  .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\.?$/, 'not a DNS name (letters, digits, "-" and "." only)')
  .transform((s) => s.toLowerCase().replace(/\.$/, ''));

export const Forest = z.object({
  forest: DnsName,
  tenant: text,
  functionalLevel: text,
  schemaVersion: text,
  network: Network.nullable(),
  currentEngine: CurrentEngine.nullable(),
  sourceAnchor: SourceAnchor.nullable(),
  topologyRole: TopologyRole.nullable(),
  cloud: Cloud.nullable(),
  features: Features,
  notes: z.string().max(10_000).default(''),
});
export type Forest = z.infer<typeof Forest>;

/** A forest known by name only: everything else unknown. */
export function bareForest(forest: string): Forest {
  return {
    forest,
    tenant: null,
    functionalLevel: null,
    schemaVersion: null,
    network: null,
    currentEngine: null,
    sourceAnchor: null,
    topologyRole: null,
    cloud: null,
    features: unknownFeatures(),
    notes: '',
  };
}

export const Domain = z.object({
  forest: DnsName,
  domain: DnsName,
  netbios: text,
  functionalLevel: text,
  users: count,
  groups: count,
  contacts: count,
  computers: count,
  largestGroupMembers: count,
  upnSuffixes: z.array(z.string()),
  /** InetOrgPerson objects among the users: Cloud Sync does not sync their password hashes (PRE). */
  inetOrgPersons: count,
});
export type Domain = z.infer<typeof Domain>;

export const Ou = z.object({
  domain: DnsName,
  /** As written in the source; compared case-insensitively through `dnKey`. */
  distinguishedName: z.string().min(1),
  users: count,
  groups: count,
  contacts: count,
  computers: count,
  inConnectScope: flag,
});
export type Ou = z.infer<typeof Ou>;

export const ConnectorScope = z.object({
  forest: DnsName,
  includedOus: z.array(z.string()),
  excludedOus: z.array(z.string()),
});
export type ConnectorScope = z.infer<typeof ConnectorScope>;

export const ConnectServer = z.object({
  server: z.string().trim().min(1),
  forests: z.array(DnsName),
  tenant: text,
  version: text,
  mode: z.enum(['active', 'staging']).nullable(),
  os: text,
  database: z.enum(['localdb', 'sql-server']).nullable(),
  standardRules: count,
  customRules: count,
  disabledRules: count,
  signOnMethod: text,
  scopes: z.array(ConnectorScope),
  /** SyncPlan's own pilot no-flow rules (cloudNoFlow / JoinNoFlow, PILOT): custom by tag, not the customer's; not in customRules. */
  pilotNoFlowRules: count,
  /** Enabled custom rules that change how objects join or are provisioned (join conditions, Provision link). */
  joinRules: count,
  /** Connectors to sources other than AD and Entra ID (LDAP, SQL, generic): Cloud Sync cannot take them over. */
  nonAdConnectors: z.array(z.object({ name: z.string(), type: z.string() })).nullable(),
  /** Whether an enabled rule flows userType to Entra ID, which is how Connect syncs users as guests. */
  syncsUserType: flag,
});
export type ConnectServer = z.infer<typeof ConnectServer>;

export const Agent = z.object({
  host: z.string().trim().min(1),
  forest: DnsName,
  domain: DnsName.nullable(),
  os: text,
  ramGb: z.number().nonnegative().nullable(),
  dotnet: text,
  serverCore: flag,
  domainJoined: flag,
  tls12: flag,
  ldap389: flag,
  gc3268: flag,
  outbound443: flag,
  agentVersion: text,
});
export type Agent = z.infer<typeof Agent>;

export const Trust = z.object({
  source: DnsName,
  target: DnsName,
  direction: z.enum(['inbound', 'outbound', 'bidirectional']).nullable(),
  trustType: text,
  forestTransitive: flag,
});
export type Trust = z.infer<typeof Trust>;

/**
 * What ties two forests together (interfaces §3, forest_links): the same people in both joined by Connect
 * (merge), references from `forest` into `otherForest` (references), a trust, or `forest` being a
 * resource forest for accounts of `otherForest` (resource-for).
 */
export const ForestLinkKind = z.enum(['merge', 'references', 'trust', 'resource-for']);
export type ForestLinkKind = z.infer<typeof ForestLinkKind>;

export const ForestLink = z.object({
  forest: DnsName,
  otherForest: DnsName,
  kind: ForestLinkKind,
  direction: z.enum(['one-way', 'two-way']).nullable(),
  notes: z.string().max(10_000).default(''),
});
export type ForestLink = z.infer<typeof ForestLink>;

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
export const HygieneCheck = z.enum(HYGIENE_CHECKS);
export type HygieneCheck = z.infer<typeof HygieneCheck>;

export const HygieneFinding = z.object({
  domain: DnsName,
  check: HygieneCheck,
  count: z.number().int().nonnegative(),
  examples: z.array(z.string()).max(10),
});
export type HygieneFinding = z.infer<typeof HygieneFinding>;

export const Inventory = z.object({
  forests: z.array(Forest),
  domains: z.array(Domain),
  ous: z.array(Ou),
  connectServers: z.array(ConnectServer),
  agents: z.array(Agent),
  trusts: z.array(Trust),
  forestLinks: z.array(ForestLink),
  hygiene: z.array(HygieneFinding),
});
export type Inventory = z.infer<typeof Inventory>;

