import type { Assumptions } from '../model/assumptions.js';
import type { Agent, ConnectServer, Domain, FeatureName, Forest } from '../model/inventory.js';
import type { EstateIndex } from './estate-index.js';

/** What a rule sees: one forest and its rows, already looked up, plus the estate for cross-forest facts. */
export interface ForestContext {
  readonly forest: Forest;
  readonly domains: readonly Domain[];
  readonly agents: readonly Agent[];
  /** Connect servers whose `forests` list names this forest. */
  readonly servers: readonly ConnectServer[];
  readonly assumptions: Assumptions;
  readonly estate: EstateIndex;
  /**
   * true when nothing syncs the forest and it has no line of sight to a Connect server (docs/json-outputs.md):
   * only Cloud Sync can serve it. null when current_engine or network is unknown and could make it so.
   */
  readonly cloudSyncOnly: boolean | null;
  /** A feature in use today; a forest that nothing syncs uses none, so its blanks read as "no". */
  feature(name: FeatureName): boolean | null;
}

function cloudSyncOnly(forest: Forest): boolean | null {
  const { currentEngine, network } = forest;
  if ((currentEngine !== null && currentEngine !== 'none') || network === 'connected') return false;
  if (currentEngine === 'none' && network === 'disconnected') return true;
  return null;
}

export function forestContext(forest: Forest, estate: EstateIndex, assumptions: Assumptions): ForestContext {
  return {
    forest,
    domains: estate.domainsByForest.get(forest.forest) ?? [],
    agents: estate.agentsByForest.get(forest.forest) ?? [],
    servers: estate.serversByForest.get(forest.forest) ?? [],
    assumptions,
    estate,
    cloudSyncOnly: cloudSyncOnly(forest),
    feature(name) {
      const value = forest.features[name];
      if (value !== null) return value;
      return forest.currentEngine === 'none' ? false : null;
    },
  };
}
