import fc from 'fast-check';
import type { Assumptions } from '../../model/assumptions.js';
import {
  FEATURE_NAMES,
  HYGIENE_CHECKS,
  type Agent,
  type ConnectServer,
  type Domain,
  type Features,
  type Forest,
  type Inventory,
} from '../../model/inventory.js';

/**
 * fast-check generators for property tests. `fullInventory` answers every question and is internally
 * consistent (as a real estate is: a forest nothing syncs uses no feature, a server syncing one forest
 * counts its custom rules the way the forest's flag says), so that blanking fields (`mask`) yields an
 * inventory whose true answers are the full one's.
 */

const FOREST_NAMES = ['contoso.com', 'fabrikam.com', 'corp.local', 'tailspin.net'] as const;
const TENANTS = ['contoso.onmicrosoft.com', 'fabrikam.onmicrosoft.com'] as const;

/** Mostly the healthy answer, sometimes the other: real estates have few problems each. */
const mostly = <T>(usual: T, ...others: T[]): fc.Arbitrary<T> =>
  fc.oneof({ arbitrary: fc.constant(usual), weight: 6 }, { arbitrary: fc.constantFrom(usual, ...others), weight: 1 });
const seldom = mostly(false, true);

const count = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 40_000 }), weight: 4 },
  { arbitrary: fc.constantFrom(0, 99_000, 140_000, 150_000, 151_000, 400_000), weight: 1 },
);

const forestArb = (name: string): fc.Arbitrary<Forest> =>
  fc
    .record({
      tenant: mostly<string>(TENANTS[0], TENANTS[1]),
      schemaVersion: mostly('88', '47', '69', '87', 'Windows Server 2016'),
      network: mostly<'connected' | 'disconnected'>('connected', 'disconnected'),
      currentEngine: fc.constantFrom('connect-sync' as const, 'cloud-sync' as const, 'none' as const),
      sourceAnchor: mostly<'ms-DS-ConsistencyGuid' | 'objectGUID' | 'other'>('ms-DS-ConsistencyGuid', 'objectGUID', 'other'),
      topologyRole: mostly<'standard' | 'account' | 'resource'>('standard', 'account', 'resource'),
      cloud: mostly<'global' | 'us-government' | '21vianet'>('global', 'us-government', '21vianet'),
      features: fc.record(Object.fromEntries(FEATURE_NAMES.map((f) => [f, seldom])) as Record<keyof Features, fc.Arbitrary<boolean>>),
    })
    .map((f) => ({
      forest: name,
      functionalLevel: 'Windows2016Forest',
      notes: '',
      ...f,
      features:
        f.currentEngine === 'none'
          ? (Object.fromEntries(FEATURE_NAMES.map((n) => [n, false])) as Features)
          : f.features,
    }));

const domainArb = (forest: string, name: string): fc.Arbitrary<Domain> =>
  fc
    .record({
      users: count,
      groups: count,
      contacts: count,
      computers: count,
      largestGroupMembers: mostly(300, 0, 50_000, 50_001, 80_000),
      upnSuffixes: fc.subarray(['contoso.de', 'corp.local']),
      inetOrgPersons: mostly(0, 3),
    })
    .map((d) => ({
      forest,
      domain: name,
      netbios: null,
      functionalLevel: null,
      importedCounts: {},
      ...d,
      largestGroupMembers: d.groups === 0 ? 0 : d.largestGroupMembers,
    }));

const agentArb = (forest: string, host: string): fc.Arbitrary<Agent> =>
  fc.record({
    host: fc.constant(host),
    forest: fc.constant(forest),
    domain: fc.constant(null),
    os: mostly('Windows Server 2022', 'Windows Server 2025', 'Windows Server 2016', 'Windows Server 2012 R2', 'Windows 11'),
    ramGb: mostly(8, 2, 4),
    dotnet: mostly('4.8', '4.6.2', '4.7.1'),
    serverCore: seldom,
    domainJoined: mostly(true, false),
    tls12: mostly(true, false),
    ldap389: mostly(true, false),
    gc3268: mostly(true, false),
    outbound443: mostly(true, false),
    agentVersion: mostly('1.1.1370.0', '1.1.977.0', '1.1.1107.0'),
  });

export const fullInventory: fc.Arbitrary<Inventory> = fc
  .uniqueArray(fc.constantFrom(...FOREST_NAMES), { minLength: 1, maxLength: 3 })
  .chain((names) =>
    fc.tuple(
      fc.tuple(...names.map((n) => forestArb(n))),
      fc.tuple(...names.map((n) => mostly(1, 0, 2).chain((k) => fc.tuple(...Array.from({ length: k }, (_, i) => domainArb(n, i === 0 ? n : `d${i}.${n}`)))))),
      fc.tuple(...names.map((n) => fc.integer({ min: 0, max: 3 }).chain((k) => fc.tuple(...Array.from({ length: k }, (_, i) => agentArb(n, i === 0 && n === 'contoso.com' ? 'sync1' : `agent${i}.${n}`)))))),
      fc.array(
        fc.record({
          forests: fc.subarray([...names], { minLength: 1 }),
          tenant: mostly<string>(TENANTS[0], TENANTS[1]),
          version: mostly('2.5.80.0', '1.1.130.0', '2.4.27.0', '2.5.79.0'),
          mode: fc.constantFrom('active' as const, 'staging' as const),
          database: mostly<'localdb' | 'sql-server'>('sql-server', 'localdb'),
          customRules: fc.integer({ min: 0, max: 12 }),
          joinRules: mostly(0, 1),
          pilotNoFlowRules: mostly(0, 6),
          nonAd: seldom,
          syncsUserType: seldom,
          scoped: seldom,
        }),
        { minLength: 1, maxLength: 2 },
      ),
      fc.array(fc.record({ forestIndex: fc.nat(), check: fc.constantFrom(...HYGIENE_CHECKS), count: fc.integer({ min: 0, max: 50 }) }), { maxLength: 3 }),
    ),
  )
  .map(([generated, domainLists, agentLists, serverSpecs, hygieneSpecs]) => {
    // Entra Domain Services belongs to a tenant: every forest of one tenant answers alike.
    const edsByTenant = new Map<string | null, boolean | null>();
    for (const f of generated) if (!edsByTenant.has(f.tenant)) edsByTenant.set(f.tenant, f.features.entra_domain_services);
    const forests = generated.map((f) =>
      f.currentEngine === 'none' || f.tenant === null ? f : { ...f, features: { ...f.features, entra_domain_services: edsByTenant.get(f.tenant) ?? null } },
    );
    const domains = domainLists.flat();
    const connectServers: ConnectServer[] = serverSpecs.map((s, i) => {
      const only = s.forests.length === 1 ? forests.find((f) => f.forest === s.forests[0]) : undefined;
      // A server that syncs one forest counts that forest's custom rules: consistent with its flag.
      const customRules = only ? (only.features.custom_sync_rules ? Math.max(1, s.customRules) : 0) : s.customRules;
      return {
        server: `sync${i + 1}`,
        forests: s.forests,
        tenant: s.tenant,
        version: s.version,
        mode: s.mode,
        os: 'Windows Server 2022',
        database: s.database,
        standardRules: 62,
        customRules,
        disabledRules: 0,
        signOnMethod: null,
        pilotNoFlowRules: s.pilotNoFlowRules,
        joinRules: Math.min(s.joinRules, customRules),
        nonAdConnectors: s.nonAd ? [{ name: 'HR', type: 'Generic SQL' }] : [],
        syncsUserType: s.syncsUserType,
        scopes: s.scoped
          ? s.forests.map((f) => ({
              forest: f,
              includedOus: Array.from({ length: 55 }, (_, k) => `OU=Site${k},${f.split('.').map((l) => `DC=${l}`).join(',')}`),
              excludedOus: [],
            }))
          : [],
      };
    });
    const hygiene = hygieneSpecs.flatMap((h) => {
      const d = domains[h.forestIndex % Math.max(1, domains.length)];
      return d ? [{ domain: d.domain, check: h.check, count: h.count, examples: [] }] : [];
    });
    const unique = new Map(hygiene.map((h) => [`${h.domain}|${h.check}`, h]));
    return { tenants: [], forests, domains, ous: [], connectServers, agents: agentLists.flat(), trusts: [], forestLinks: [], hygiene: [...unique.values()] };
  });

/** Any setting of the assumptions. */
export const assumptionsArb: fc.Arbitrary<Assumptions> = fc.record({
  allowPreviewFeatures: fc.boolean(),
  movePtaOrFederationToPhs: fc.boolean(),
  replaceDeviceWritebackWithCloudKerberos: fc.boolean(),
  windowsServer2025Agents: fc.constantFrom('supported-with-kb5070773' as const, 'not-supported' as const),
  cloudSyncInterval: fc.constantFrom('2-minutes' as const, '10-20-minutes' as const),
  groupWritebackV1: fc.constant('still-supported' as const),
  attributeValueFiltering: fc.constantFrom('limited' as const, 'not-supported' as const),
  activeAgents: fc.constantFrom('one-at-a-time' as const, 'load-shared' as const),
});

/** A seeded coin for `mask`, so fast-check can shrink the seed. */
function coin(seed: number, probability: number): () => boolean {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 < probability;
  };
}

/**
 * The same inventory with some nullable fields blanked, as an incomplete workshop would hold it. Facts
 * that no template column can record (hygiene, InetOrgPerson counts, non-AD connectors, the userType
 * flow) stay: the engine reads their absence as advice, not as an unknown (see the engine README).
 */
export function mask(inventory: Inventory, seed: number, probability = 0.3): Inventory {
  const blank = coin(seed, probability);
  const maybe = <T>(v: T): T | null => (blank() ? null : v);
  return {
    ...inventory,
    forests: inventory.forests.map((f) => ({
      ...f,
      tenant: maybe(f.tenant),
      schemaVersion: maybe(f.schemaVersion),
      network: maybe(f.network),
      currentEngine: maybe(f.currentEngine),
      sourceAnchor: maybe(f.sourceAnchor),
      topologyRole: maybe(f.topologyRole),
      cloud: maybe(f.cloud),
      features: Object.fromEntries(FEATURE_NAMES.map((n) => [n, maybe(f.features[n])])) as Features,
    })),
    domains: inventory.domains.map((d) => ({
      ...d,
      users: maybe(d.users),
      groups: maybe(d.groups),
      contacts: maybe(d.contacts),
      computers: maybe(d.computers),
      largestGroupMembers: maybe(d.largestGroupMembers),
    })),
    agents: inventory.agents.map((a) => ({
      ...a,
      os: maybe(a.os),
      ramGb: maybe(a.ramGb),
      dotnet: maybe(a.dotnet),
      serverCore: maybe(a.serverCore),
      domainJoined: maybe(a.domainJoined),
      tls12: maybe(a.tls12),
      ldap389: maybe(a.ldap389),
      gc3268: maybe(a.gc3268),
      outbound443: maybe(a.outbound443),
      agentVersion: maybe(a.agentVersion),
    })),
    connectServers: inventory.connectServers.map((s) => ({
      ...s,
      tenant: maybe(s.tenant),
      version: maybe(s.version),
      mode: maybe(s.mode),
      database: maybe(s.database),
      customRules: maybe(s.customRules),
      joinRules: maybe(s.joinRules),
    })),
  };
}

/** Every top-level list in a shuffled order. */
export function shuffled(inventory: Inventory, seed: number): Inventory {
  const next = coin(seed, 0.5);
  const shuffle = <T>(xs: readonly T[]): T[] => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      let j = 0;
      for (let b = 0; b < 8; b++) j = (j << 1) | (next() ? 1 : 0);
      j %= i + 1;
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  };
  return {
    tenants: shuffle(inventory.tenants),
    forests: shuffle(inventory.forests),
    domains: shuffle(inventory.domains),
    ous: shuffle(inventory.ous),
    connectServers: shuffle(inventory.connectServers),
    agents: shuffle(inventory.agents),
    trusts: shuffle(inventory.trusts),
    forestLinks: shuffle(inventory.forestLinks),
    hygiene: shuffle(inventory.hygiene),
  };
}
