import { dnKey } from '../../../shared/model/distinguished-name.js';
import type { ConnectorScope } from '../../../shared/model/inventory.js';
import type { AdConnector } from './connectors.js';

function uniqueDns(dns: string[]): string[] {
  const seen = new Set<string>();
  return dns.filter((dn) => {
    const key = dnKey(dn);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A forest's OU filter as its connectors hold it. A domain partition left unselected syncs nothing,
 * whatever its container lists say, so it counts as an excluded domain root.
 */
export function forestScope(forest: string, connectors: readonly AdConnector[]): ConnectorScope {
  const partitions = connectors.flatMap((c) => c.partitions);
  return {
    forest,
    includedOus: uniqueDns(partitions.filter((p) => p.selected).flatMap((p) => p.included)),
    excludedOus: uniqueDns(partitions.flatMap((p) => (p.selected ? p.excluded : [p.dn]))),
  };
}
