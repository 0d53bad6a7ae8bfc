import type { Assumptions } from '../model/assumptions.js';
import type { Agent, ConnectServer, Domain, FeatureName, Forest } from '../model/inventory.js';
import type { ForestDecision, ForestLinkRef } from './decision-schema.js';
import type { EstateIndex } from './estate-index.js';

/** Features a link between forests answers: a merge link means merging, a references link references out of `forest`. */
const LINK_FEATURES: Partial<Record<FeatureName, (link: ForestLinkRef, forest: string) => boolean>> = {
  merge_across_forests: (l) => l.kind === 'merge',
  cross_forest_references: (l, f) => l.kind === 'references' && l.forest === f,
};

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
  /** Every link between this forest and another. */
  readonly links: readonly ForestLinkRef[];
  /**
   * The decisions of the forests tied to this one, each taken on its own (first pass: empty). The
   * forest-links rule reads them in the second pass.
   */
  readonly partners: ReadonlyMap<string, ForestDecision>;
  /** A feature in use today; a forest that nothing syncs uses none, so its blanks read as "no". A link can tell it too. */
  feature(name: FeatureName): boolean | null;
  /** The link that tells a feature is in use, when the sync_features column alone does not. */
  featureLink(name: FeatureName): ForestLinkRef | undefined;
  /** The topology role, from the forests template or else a resource-for link. */
  topologyRole(): { role: Forest['topologyRole']; link?: ForestLinkRef };
}

function cloudSyncOnly(forest: Forest): boolean | null {
  const { currentEngine, network } = forest;
  if ((currentEngine !== null && currentEngine !== 'none') || network === 'connected') return false;
  if (currentEngine === 'none' && network === 'disconnected') return true;
  return null;
}

export function forestContext(
  forest: Forest,
  estate: EstateIndex,
  assumptions: Assumptions,
  partners: ReadonlyMap<string, ForestDecision> = new Map(),
): ForestContext {
  const links = estate.linksByForest.get(forest.forest) ?? [];
  const featureLink = (name: FeatureName) => {
    const tells = LINK_FEATURES[name];
    return tells ? links.find((l) => tells(l, forest.forest)) : undefined;
  };
  return {
    forest,
    domains: estate.domainsByForest.get(forest.forest) ?? [],
    agents: estate.agentsByForest.get(forest.forest) ?? [],
    servers: estate.serversByForest.get(forest.forest) ?? [],
    assumptions,
    estate,
    cloudSyncOnly: cloudSyncOnly(forest),
    links,
    partners,
    feature(name) {
      const value = forest.features[name];
      if (value === true) return true;
      if (featureLink(name)) return true;
      if (value !== null) return value;
      return forest.currentEngine === 'none' ? false : null;
    },
    featureLink(name) {
      return forest.features[name] === true ? undefined : featureLink(name);
    },
    topologyRole() {
      if (forest.topologyRole !== null && forest.topologyRole !== 'standard') return { role: forest.topologyRole };
      const link = links.find((l) => l.kind === 'resource-for');
      if (link) return { role: link.forest === forest.forest ? 'resource' : 'account', link };
      return { role: forest.topologyRole };
    },
  };
}
