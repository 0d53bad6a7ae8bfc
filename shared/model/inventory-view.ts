import type { Inventory } from './inventory.js';

/**
 * The stored inventory in the public shape of `syncplan show --json` (docs/json-outputs.md): every field
 * of every entity under its model name, domains inside their forest with their OU count. Counts unknown
 * to the inventory stay null. A field added to an entity's description appears here by itself; fields
 * are only ever added, never renamed.
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
    tenants: inventory.tenants,
    forests: inventory.forests.map((f) => ({
      ...f,
      domains: (domainsByForest.get(f.forest) ?? []).map(({ forest: _forest, ...d }) => ({ ...d, ous: ouCount.get(d.domain) ?? 0 })),
    })),
    connectServers: inventory.connectServers,
    agents: inventory.agents,
    forestLinks: inventory.forestLinks,
    ous: inventory.ous,
    trusts: inventory.trusts,
    hygiene: inventory.hygiene,
  };
}
