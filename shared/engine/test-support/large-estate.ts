import { HYGIENE_CHECKS, Inventory, type Agent, type ConnectorScope, type ConnectServer, type Domain, type Forest, type HygieneFinding, type Ou } from '../../model/inventory.js';
import { agent, connectServer, forest } from './estate-builder.js';

export interface LargeEstateOptions {
  forests: number;
  domainsPerForest: number;
  ousPerDomain: number;
  seed?: number;
}

/** mulberry32: a small seeded generator, so the estate is the same on every run and machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * A deterministic estate for benchmarks and load tests, e.g. 200 forests × 10 domains × 50 OUs. It
 * mixes the cases the rules look at (custom rules, large domains, weak agent hosts, blank counts,
 * hygiene problems, several tenants) so a benchmark exercises every path, not only the happy one.
 */
export function generateLargeEstate(options: LargeEstateOptions): Inventory {
  const rnd = random(options.seed ?? 20_260_930);
  const pick = (p: number) => rnd() < p;
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));

  const forests: Forest[] = [];
  const domains: Domain[] = [];
  const ous: Ou[] = [];
  const agents: Agent[] = [];
  const connectServers: ConnectServer[] = [];
  const hygiene: HygieneFinding[] = [];
  const scopesByTenant = new Map<string, ConnectorScope[]>();
  const fw = Math.max(3, String(options.forests).length);

  for (let f = 1; f <= options.forests; f++) {
    const name = `forest${pad(f, fw)}.example.com`;
    const tenant = `tenant${(f % 3) + 1}.onmicrosoft.com`;
    forests.push(
      forest(name, {
        tenant,
        currentEngine: pick(0.05) ? 'none' : 'connect-sync',
        network: pick(0.05) ? 'disconnected' : 'connected',
        sourceAnchor: pick(0.1) ? 'objectGUID' : 'ms-DS-ConsistencyGuid',
        features: {
          custom_sync_rules: pick(0.2) ? true : pick(0.1) ? null : false,
          device_sync: pick(0.3),
          device_writeback: pick(0.1),
          pass_through_auth: pick(0.2),
          exchange_hybrid_writeback: pick(0.5),
          attribute_filtering: pick(0.1),
          group_writeback_v2: pick(0.05),
        },
      }),
    );

    const included: string[] = [];
    for (let d = 1; d <= options.domainsPerForest; d++) {
      const domainName = `d${pad(d, 2)}.${name}`;
      const dc = domainName
        .split('.')
        .map((label) => `DC=${label}`)
        .join(',');
      const big = pick(0.05);
      domains.push({
        forest: name,
        domain: domainName,
        netbios: `D${pad(d, 2)}F${pad(f, fw)}`,
        functionalLevel: 'Windows2016Domain',
        users: pick(0.03) ? null : big ? int(150_001, 400_000) : int(100, 60_000),
        groups: int(10, 8_000),
        contacts: int(0, 2_000),
        computers: int(10, 40_000),
        largestGroupMembers: pick(0.02) ? int(50_001, 90_000) : int(10, 20_000),
        upnSuffixes: pick(0.05) ? [`${name.split('.')[0]}.local`] : [],
        inetOrgPersons: null,
        importedCounts: {},
      });
      // Connect usually includes a handful of OUs per domain; a few domains list every OU one by one.
      const listsEveryOu = pick(0.03);
      for (let o = 1; o <= options.ousPerDomain; o++) {
        // The first five OUs are the regions; the rest are units nested under them, so every DN is unique.
        const parent = `OU=Region${pad(o % 5, 1)},${dc}`;
        const dn = o <= 5 ? parent : `OU=Unit${pad(o, 4)},${parent}`;
        ous.push({
          domain: domainName,
          distinguishedName: dn,
          users: int(0, 500),
          groups: int(0, 50),
          contacts: int(0, 10),
          computers: int(0, 300),
          inConnectScope: o % 7 !== 0,
          importedCounts: {},
        });
        if (o % 7 !== 0 && (listsEveryOu ? o > 5 : o <= 5)) included.push(dn);
      }
      if (pick(0.3)) {
        const check = HYGIENE_CHECKS[int(0, HYGIENE_CHECKS.length - 1)] ?? 'duplicate-upn';
        hygiene.push({ domain: domainName, check, count: int(1, 500), examples: [`user${int(1, 999)}@${domainName}`] });
      }
    }

    for (let a = 1; a <= 3; a++) {
      agents.push(
        agent(name, `agent${a}.${name}`, {
          ramGb: pick(0.1) ? 2 : 8,
          serverCore: pick(0.05),
          dotnet: pick(0.05) ? null : '4.8',
          agentVersion: pick(0.2) ? '1.1.1000.0' : '1.1.1370.0',
        }),
      );
    }

    const synced = forests[forests.length - 1]?.currentEngine === 'connect-sync';
    if (synced) scopesByTenant.set(tenant, [...(scopesByTenant.get(tenant) ?? []), { forest: name, includedOus: included, excludedOus: [] }]);
  }

  // One active and one staging Connect server per tenant (CTOPO), each syncing every forest of it.
  for (const [tenant, scopes] of [...scopesByTenant].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const t = tenant.split('.')[0] ?? tenant;
    for (const mode of ['active', 'staging'] as const) {
      connectServers.push(
        connectServer(`sync-${mode}.${t}.example.com`, scopes.map((s) => s.forest), {
          tenant,
          mode,
          version: pick(0.3) ? '2.4.27.0' : '2.5.80.0',
          database: 'sql-server',
          customRules: null,
          pilotNoFlowRules: null,
          joinRules: null,
          nonAdConnectors: null,
          syncsUserType: null,
          scopes,
        }),
      );
    }
  }

  // Every tenth forest is tied to the next one (merge or references), so linked verdicts are part of the run.
  const forestLinks = forests
    .filter((_, i) => i % 10 === 0 && i + 1 < forests.length)
    .map((f, k) => ({ forest: f.forest, otherForest: forests[k * 10 + 1]?.forest ?? f.forest, kind: k % 2 === 0 ? ('merge' as const) : ('references' as const), direction: null, notes: '' }));
  return Inventory.parse({ forests, domains, ous, connectServers, agents, trusts: [], forestLinks, hygiene });
}
