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
  };
}

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
        !r.standard &&
        !r.disabled &&
        (r.scope.some((c) => readsData(c) && !knownConditions.has(c)) ||
          r.filterFlows.some((f) => !knownFlows.has(f.fingerprint) && f.reads.some((a) => !NOT_DATA.has(a)))),
    ),
  );
}
