import { connectorKey } from './connectors.js';
import type { XmlFile } from './xml-file.js';
import { element, elements, textAt, textOf } from './xml-tree.js';

export interface SyncRule {
  file: string;
  name: string;
  connector: string;
  /** Microsoft's rules carry an immutable tag; rules an administrator wrote or cloned have it empty. */
  standard: boolean;
  disabled: boolean;
  /** Every scoping-filter condition, as `attribute|operator|value` in lower case. */
  scope: string[];
  /** Flows into cloudFiltered, the metaverse flag that keeps an object out of Entra. */
  filterFlows: { fingerprint: string; reads: string[] }[];
  /** Lower case: join, provision, joinnoflow, … */
  linkType: string;
  /** Join conditions (relationshipCriteria): how the rule matches objects across sources. */
  joinConditions: number;
  /** Lower-case target attribute of every flow. */
  destinations: string[];
}

export function readSyncRule(file: XmlFile): SyncRule | undefined {
  const rule = element(file.doc, 'synchronizationRule');
  if (rule === undefined) return undefined;
  const scope = elements(element(rule, 'synchronizationCriteria'), 'conditions')
    .flatMap((group) => elements(group, 'scope'))
    .map((c) => ['csAttribute', 'csOperator', 'csValue'].map((part) => textAt(c, part) ?? '').join('|').toLowerCase());
  const filterFlows = elements(element(rule, 'attribute-mappings'), 'mapping')
    .filter((m) => /^cloudFiltered$/i.test(textAt(m, 'dest') ?? ''))
    .map((m) => {
      const sources = elements(element(m, 'src'), 'attr').map(textOf);
      const expression = textAt(m, 'expression') ?? '';
      const referenced = [...expression.matchAll(/\[([^\]]+)\]/g)].map((match) => match[1] ?? '');
      return {
        fingerprint: `${sources.join(',')}|${expression}`.toLowerCase(),
        reads: [...sources, ...referenced].map((a) => a.toLowerCase()),
      };
    });
  return {
    file: file.path,
    name: textAt(rule, 'name') ?? '',
    connector: connectorKey(textAt(rule, 'connector') ?? ''),
    standard: (textAt(rule, 'immutable-tag') ?? '') !== '',
    disabled: /^true$/i.test(textAt(rule, 'disabled') ?? ''),
    scope,
    filterFlows,
    linkType: (textAt(rule, 'linkType') ?? '').toLowerCase(),
    joinConditions: elements(element(rule, 'relationshipCriteria'), 'conditions').flatMap((group) => elements(group, 'condition')).length,
    destinations: elements(element(rule, 'attribute-mappings'), 'mapping').map((m) => (textAt(m, 'dest') ?? '').toLowerCase()),
  };
}

/**
 * The manual pilot's own rules (PILOT), which carry an empty immutable-tag like any custom rule: the
 * inbound rule only flows a constant into cloudNoFlow, the outbound rule has link type JoinNoFlow.
 * Group writeback v2's migration (GWB) uses the same pair. They are not the customer's custom rules.
 */
export function isPilotNoFlowRule(rule: SyncRule): boolean {
  if (rule.standard) return false;
  if (rule.linkType === 'joinnoflow') return true;
  return rule.joinConditions === 0 && rule.destinations.length > 0 && rule.destinations.every((d) => d === 'cloudnoflow');
}

/** The customer's own rules in use: custom, enabled, and not the pilot's no-flow rules. */
export const isCustomInUse = (rule: SyncRule): boolean => !rule.standard && !rule.disabled && !isPilotNoFlowRule(rule);

/** A custom rule that changes how objects join (its own join conditions) or are created (Provision). */
export const changesJoins = (rule: SyncRule): boolean => isCustomInUse(rule) && (rule.joinConditions > 0 || rule.linkType === 'provision');

/**
 * Attributes whose conditions scope by place or by migration state rather than by directory data:
 * a DN condition is OU scoping, and cloudNoFlow is the flag of Microsoft's own pilot-migration rules.
 */
const NOT_DATA = new Set(['dn', 'distinguishedname', 'cloudnoflow']);
const readsData = (condition: string): boolean => !NOT_DATA.has(condition.split('|')[0] ?? '');

/**
 * Which custom rules filter objects on attribute values. A cloned standard rule keeps Microsoft's own
 * conditions and cloudFiltered flows, so only what no standard rule in the export has counts; a clone
 * made under an older Connect version may still look new, which errs towards reporting filtering.
 */
export function valueFilteringRules(rules: readonly SyncRule[]): Set<SyncRule> {
  const standard = rules.filter((r) => r.standard);
  const knownConditions = new Set(standard.flatMap((r) => r.scope));
  const knownFlows = new Set(standard.flatMap((r) => r.filterFlows.map((f) => f.fingerprint)));
  return new Set(
    rules.filter(
      (r) =>
        isCustomInUse(r) &&
        (r.scope.some((c) => readsData(c) && !knownConditions.has(c)) ||
          r.filterFlows.some((f) => !knownFlows.has(f.fingerprint) && f.reads.some((a) => !NOT_DATA.has(a)))),
    ),
  );
}
