import type { Domain, ForestLink, Trust } from '../model/inventory.js';
import type { ForestLinkRef } from './decision-schema.js';

/**
 * Links between forests as data: the forest_links template, plus the trusts that imports already
 * tell (Get-ADTrust, ADRecon Trusts). A merge, references or resource-for link ties two forests' verdicts
 * (they move together or not at all); a trust is shown but ties nothing, since Cloud Sync needs no trust.
 */
export const TYING_KINDS: ReadonlySet<ForestLinkRef['kind']> = new Set(['merge', 'references', 'resource-for']);

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const linkKey = (l: ForestLinkRef) => `${l.forest}\u0000${l.otherForest}\u0000${l.kind}`;

export function compareLinks(a: ForestLinkRef, b: ForestLinkRef): number {
  return byText(a.forest, b.forest) || byText(a.otherForest, b.otherForest) || byText(a.kind, b.kind);
}

/** A trust names domains (or forests); each side is the forest that holds that domain. */
function trustLink(trust: Trust, forestOf: ReadonlyMap<string, string>, forests: ReadonlySet<string>): ForestLinkRef | null {
  const side = (name: string) => (forests.has(name) ? name : (forestOf.get(name) ?? null));
  const forest = side(trust.source);
  const otherForest = side(trust.target);
  if (forest === null || otherForest === null || forest === otherForest) return null;
  return {
    forest,
    otherForest,
    kind: 'trust',
    direction: trust.direction === null ? null : trust.direction === 'bidirectional' ? 'two-way' : 'one-way',
    origin: 'trust',
  };
}

/**
 * Every link whose two forests are in the inventory, sorted, once each. A template row wins over a
 * trust an import saw between the same forests; a two-way trust seen from both sides counts once.
 */
export function deriveLinks(
  forestLinks: readonly ForestLink[],
  trusts: readonly Trust[],
  domains: readonly Domain[],
  forests: ReadonlySet<string>,
): ForestLinkRef[] {
  const forestOf = new Map(domains.map((d) => [d.domain, d.forest]));
  const links = new Map<string, ForestLinkRef>();
  for (const l of forestLinks) {
    if (!forests.has(l.forest) || !forests.has(l.otherForest) || l.forest === l.otherForest) continue;
    const ref: ForestLinkRef = { forest: l.forest, otherForest: l.otherForest, kind: l.kind, direction: l.direction, origin: 'forest_links' };
    links.set(linkKey(ref), ref);
  }
  const templateTrusts = new Set(
    [...links.values()].filter((l) => l.kind === 'trust').flatMap((l) => [`${l.forest}\u0000${l.otherForest}`, `${l.otherForest}\u0000${l.forest}`]),
  );
  for (const t of trusts) {
    const ref = trustLink(t, forestOf, forests);
    if (ref === null || templateTrusts.has(`${ref.forest}\u0000${ref.otherForest}`)) continue;
    const reverse = links.get(linkKey({ ...ref, forest: ref.otherForest, otherForest: ref.forest }));
    if (reverse) {
      if (ref.direction !== 'two-way' || reverse.direction === 'two-way') continue;
    }
    links.set(linkKey(ref), ref);
  }
  return [...links.values()].sort(compareLinks);
}

/** The other forest of a link, seen from `forest`. */
export const partnerOf = (link: ForestLinkRef, forest: string): string => (link.forest === forest ? link.otherForest : link.forest);

/**
 * Forests tied by merge, references or resource-for links, as groups of two or more (connected
 * components), each sorted, in the order of their first forest.
 */
export function linkedGroups(links: readonly ForestLinkRef[]): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(x, root);
    return root;
  };
  for (const l of links) {
    if (!TYING_KINDS.has(l.kind)) continue;
    for (const f of [l.forest, l.otherForest]) if (!parent.has(f)) parent.set(f, f);
    const a = find(l.forest);
    const b = find(l.otherForest);
    if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
  }
  const groups = new Map<string, string[]>();
  for (const f of parent.keys()) {
    const root = find(f);
    const list = groups.get(root);
    if (list) list.push(f);
    else groups.set(root, [f]);
  }
  return [...groups.values()].map((g) => g.sort(byText)).sort((a, b) => byText(a[0] ?? '', b[0] ?? ''));
}

/**
 * The first link on the shortest tying path from `from` to any forest in `targets`, and that forest:
 * "the link that decided it" for a forest whose verdict follows from a linked one.
 */
export function firstHop(
  from: string,
  targets: ReadonlySet<string>,
  tying: ReadonlyMap<string, readonly ForestLinkRef[]>,
): { link: ForestLinkRef; reached: string } | null {
  const seen = new Set([from]);
  let frontier: { forest: string; first: ForestLinkRef | null }[] = [{ forest: from, first: null }];
  while (frontier.length > 0) {
    const next: typeof frontier = [];
    for (const { forest, first } of frontier) {
      for (const link of tying.get(forest) ?? []) {
        const other = partnerOf(link, forest);
        if (seen.has(other)) continue;
        seen.add(other);
        const hop = first ?? link;
        if (targets.has(other)) return { link: hop, reached: other };
        next.push({ forest: other, first: hop });
      }
    }
    frontier = next;
  }
  return null;
}
