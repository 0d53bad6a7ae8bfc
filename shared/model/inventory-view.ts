import type { Inventory } from './inventory.js';

/**
 * The stored inventory in the public shape of `syncplan show --json` (interfaces §2). Counts unknown to
 * the inventory stay null. Fields beyond the spec's are additions, never renames.
 */
export function inventoryView(inventory: Inventory) {
  const ouCount = new Map<string, number>();
  for (const ou of inventory.ous) ouCount.set(ou.domain, (ouCount.get(ou.domain) ?? 0) + 1);
  const domainsByForest = new Map<string, Inventory['domains']>();
  for (const d of inventory.domains) {
    const list = domainsByForest.get(d.forest) ?? [];
    list.push(d);
    domainsByForest.set(d.forest, list);
  }
  return {
    forests: inventory.forests.map((f) => ({
      forest: f.forest,
      tenant: f.tenant,
      network: f.network,
      currentEngine: f.currentEngine,
      sourceAnchor: f.sourceAnchor,
      functionalLevel: f.functionalLevel,
      schemaVersion: f.schemaVersion,
      topologyRole: f.topologyRole,
      features: f.features,
      domains: (domainsByForest.get(f.forest) ?? []).map((d) => ({
        domain: d.domain,
        netbios: d.netbios,
        users: d.users,
        groups: d.groups,
        contacts: d.contacts,
        computers: d.computers,
        largestGroupMembers: d.largestGroupMembers,
        ous: ouCount.get(d.domain) ?? 0,
        upnSuffixes: d.upnSuffixes,
        inetOrgPersons: d.inetOrgPersons,
      })),
    })),
    connectServers: inventory.connectServers.map((s) => ({
      server: s.server,
      version: s.version,
      mode: s.mode,
      forests: s.forests,
      tenant: s.tenant,
      database: s.database,
      standardRules: s.standardRules,
      customRules: s.customRules,
      disabledRules: s.disabledRules,
      pilotNoFlowRules: s.pilotNoFlowRules,
      joinRules: s.joinRules,
      nonAdConnectors: s.nonAdConnectors,
      syncsUserType: s.syncsUserType,
      scopes: s.scopes,
    })),
    agents: inventory.agents.map((a) => ({ host: a.host, forest: a.forest, domain: a.domain, os: a.os })),
    ous: inventory.ous,
    trusts: inventory.trusts,
    hygiene: inventory.hygiene,
  };
}
