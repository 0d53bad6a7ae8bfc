import {
  Inventory,
  unknownFeatures,
  type Agent,
  type ConnectServer,
  type Domain,
  type Features,
  type Forest,
  type ForestLink,
  type HygieneCheck,
  type Ou,
  type Trust,
} from '../../model/inventory.js';

/**
 * Concise inventories for tests. Every default is the healthy answer (a connected forest on Connect
 * Sync with password hash sync, agents that meet every prerequisite), so a test states only what
 * makes its case different.
 */

export const TENANT = 'contoso.onmicrosoft.com';

export type ForestOverrides = Partial<Omit<Forest, 'forest' | 'features'>> & { features?: Partial<Features> };

/** Every feature answered "no", except password hash sync. */
export function features(over: Partial<Features> = {}): Features {
  const none = Object.fromEntries(Object.keys(unknownFeatures()).map((k) => [k, false])) as Features;
  return { ...none, password_hash_sync: true, ...over };
}

export function forest(name: string, over: ForestOverrides = {}): Forest {
  const { features: featureOverrides, ...rest } = over;
  return {
    forest: name,
    tenant: TENANT,
    functionalLevel: 'Windows2016Forest',
    schemaVersion: '88',
    network: 'connected',
    currentEngine: 'connect-sync',
    sourceAnchor: 'ms-DS-ConsistencyGuid',
    topologyRole: 'standard',
    cloud: 'global',
    notes: '',
    ...rest,
    features: features(featureOverrides),
  };
}

export function domain(forestName: string, name: string, over: Partial<Domain> = {}): Domain {
  return {
    forest: forestName,
    domain: name,
    netbios: (name.split('.')[0] ?? name).toUpperCase(),
    functionalLevel: 'Windows2016Domain',
    users: 1_000,
    groups: 200,
    contacts: 50,
    computers: 800,
    largestGroupMembers: 300,
    upnSuffixes: [],
    importedCounts: {},
    inetOrgPersons: 0,
    ...over,
  };
}

export function agent(forestName: string, host: string, over: Partial<Agent> = {}): Agent {
  return {
    host,
    forest: forestName,
    domain: null,
    os: 'Windows Server 2022 Datacenter',
    ramGb: 8,
    dotnet: '4.8',
    serverCore: false,
    domainJoined: true,
    tls12: true,
    ldap389: true,
    gc3268: true,
    outbound443: true,
    agentVersion: '1.1.1370.0',
    ...over,
  };
}

export function connectServer(server: string, forests: string[], over: Partial<ConnectServer> = {}): ConnectServer {
  return {
    server,
    forests,
    tenant: TENANT,
    version: '2.5.80.0',
    mode: 'active',
    os: 'Windows Server 2022 Standard',
    database: 'sql-server',
    standardRules: 62,
    customRules: 0,
    disabledRules: 0,
    signOnMethod: 'PasswordHashSync',
    scopes: [],
    pilotNoFlowRules: 0,
    joinRules: 0,
    nonAdConnectors: [],
    syncsUserType: false,
    ...over,
  };
}

export function ou(domainName: string, distinguishedName: string, over: Partial<Ou> = {}): Ou {
  return { domain: domainName, distinguishedName, users: 10, groups: 2, contacts: 0, computers: 5, inConnectScope: true, importedCounts: {}, ...over };
}

/** Builds an inventory forest by forest; rows added after `forest()` belong to that forest. */
export class EstateBuilder {
  private readonly inventory: Inventory = {
    tenants: [],
    forests: [],
    domains: [],
    ous: [],
    connectServers: [],
    agents: [],
    trusts: [],
    forestLinks: [],
    hygiene: [],
  };
  private current: string | null = null;

  private get forestName(): string {
    if (this.current === null) throw new Error('call forest() first');
    return this.current;
  }

  forest(name: string, over: ForestOverrides = {}): this {
    this.inventory.forests.push(forest(name, over));
    this.current = name;
    return this;
  }

  domain(name: string, over: Partial<Domain> = {}): this {
    this.inventory.domains.push(domain(this.forestName, name, over));
    return this;
  }

  agent(host: string, over: Partial<Agent> = {}): this {
    this.inventory.agents.push(agent(this.forestName, host, over));
    return this;
  }

  /** `n` agents named agent1.<forest>, agent2.<forest>, … */
  agents(n: number, over: Partial<Agent> = {}): this {
    for (let i = 1; i <= n; i++) this.agent(`agent${i}.${this.forestName}`, over);
    return this;
  }

  /** A Connect server syncing the current forest (and any others named in `over.forests`). */
  connect(server: string, over: Partial<ConnectServer> = {}): this {
    this.inventory.connectServers.push(connectServer(server, [this.forestName], over));
    return this;
  }

  ou(domainName: string, distinguishedName: string, over: Partial<Ou> = {}): this {
    this.inventory.ous.push(ou(domainName, distinguishedName, over));
    return this;
  }

  /** A forest_links row (docs/templates.md). */
  link(forestName: string, otherForest: string, kind: ForestLink['kind'], direction: ForestLink['direction'] = null): this {
    this.inventory.forestLinks.push({ forest: forestName, otherForest, kind, direction, notes: '' });
    return this;
  }

  /** A trust as Get-ADTrust or ADRecon tells it: from one domain (or forest) to another. */
  trust(source: string, target: string, direction: Trust['direction'] = 'bidirectional'): this {
    this.inventory.trusts.push({ source, target, direction, trustType: 'Forest', forestTransitive: true });
    return this;
  }

  hygiene(domainName: string, check: HygieneCheck, count: number, examples: string[] = []): this {
    this.inventory.hygiene.push({ domain: domainName, check, count, examples });
    return this;
  }

  /**
   * The healthy baseline: one forest with one domain of the same name, synced by an active Connect
   * server on SQL Server, and three agent hosts that meet every prerequisite. It decides migrate-now.
   * Further healthy forests of the same tenant join that server, as one active server per tenant is
   * all Connect allows.
   */
  healthyForest(name: string, over: ForestOverrides = {}, domainOver: Partial<Domain> = {}): this {
    this.forest(name, over).domain(name, domainOver).agents(3);
    const tenant = this.inventory.forests[this.inventory.forests.length - 1]?.tenant ?? null;
    const active = this.inventory.connectServers.find((s) => s.mode === 'active' && s.tenant === tenant);
    if (active) {
      active.forests.push(name);
      return this;
    }
    return this.connect(`sync.${name}`, { tenant });
  }

  build(): Inventory {
    return Inventory.parse(structuredClone(this.inventory));
  }
}

export const estate = () => new EstateBuilder();
