import type { Domain, Ou } from '../model/inventory.js';
import { dnKey, nearestAncestorKey } from '../model/distinguished-name.js';
import { count, list } from '../engine/format.js';
import type { WaveOu } from './plan-schema.js';

export interface WaveInput {
  forest: string;
  /** The moving domains, sorted. */
  domains: readonly Domain[];
  /** Every OU of those domains. */
  ous: readonly Ou[];
  /** Forests nothing syncs today have no Connect scope: all their OUs move. */
  ignoreConnectScope: boolean;
  maxWaveObjects: number;
  /** PlanEdits.waves: wave number by OU key. */
  moves: Readonly<Record<string, number>>;
}

export interface WaveOuKeyed extends WaveOu {
  key: string;
}

export interface WaveGrouping {
  pilot: WaveOuKeyed | null;
  /** The pilot OU is one to create for the purpose (no small OU of its own, or nothing left for the waves). */
  pilotCreated: boolean;
  waves: WaveOuKeyed[][];
  notes: string[];
}

interface Node {
  ou: WaveOuKeyed;
  children: Node[];
  parent: Node | null;
}

/** The largest OU the plan pilots with; a bigger pilot would not be "one small OU" (PILOT). */
export const PILOT_MAX_OBJECTS = 1_000;
export const PILOT_OU_NAME = 'SyncPlan Pilot';

const objectsOf = (ou: Pick<Ou, 'users' | 'groups' | 'contacts'>) => (ou.users ?? 0) + (ou.groups ?? 0) + (ou.contacts ?? 0);
const byKey = (a: Node, b: Node) => (a.ou.key < b.ou.key ? -1 : a.ou.key > b.ou.key ? 1 : 0);

function domainRootDn(domain: string): string {
  return domain
    .split('.')
    .map((label) => `DC=${label}`)
    .join(',');
}

/** The OUs of one domain as a forest of subtrees, children sorted by key. */
function trees(ous: readonly WaveOuKeyed[]): Node[] {
  const nodes = new Map<string, Node>();
  for (const ou of ous) nodes.set(ou.key, { ou, children: [], parent: null });
  const roots: Node[] = [];
  for (const node of nodes.values()) {
    const parentKey = nearestAncestorKey(node.ou.key, (k) => nodes.has(k));
    const parent = parentKey === undefined ? undefined : nodes.get(parentKey);
    if (parent) {
      node.parent = parent;
      parent.children.push(node);
    } else roots.push(node);
  }
  for (const node of nodes.values()) node.children.sort(byKey);
  return roots.sort(byKey);
}

/** Children before their parent: a parent's scope (DN ENDSWITH) takes its whole subtree along. */
function postOrder(roots: readonly Node[], out: Node[] = []): Node[] {
  for (const node of roots) {
    postOrder(node.children, out);
    out.push(node);
  }
  return out;
}

/**
 * The pilot OU and the waves of one forest's moving part. OUs are grouped up to the wave size in
 * subtree order, children before (or with) their parent, since scoping a parent OU moves its subtree.
 * An OU larger than the wave size forms a wave alone: waves never split an OU. The pilot is the
 * smallest non-empty OU without child OUs.
 */
export function groupWaves(input: WaveInput): WaveGrouping {
  const notes: string[] = [];
  const allPostOrder: Node[] = [];
  const emptyDomains: Domain[] = [];
  let outOfScope = 0;
  for (const domain of input.domains) {
    const candidates: WaveOuKeyed[] = [];
    for (const ou of input.ous) {
      if (ou.domain !== domain.domain) continue;
      if (!input.ignoreConnectScope && ou.inConnectScope === false) {
        outOfScope++;
        continue;
      }
      // Computers only: nothing in it that Cloud Sync moves.
      if (ou.users === 0 && ou.groups === 0 && ou.contacts === 0) continue;
      candidates.push({ key: dnKey(ou.distinguishedName), distinguishedName: ou.distinguishedName, domain: ou.domain, objects: objectsOf(ou) });
    }
    if (candidates.length === 0) emptyDomains.push(domain);
    else allPostOrder.push(...postOrder(trees(candidates)));
  }
  if (outOfScope > 0) {
    notes.push(`Forest ${input.forest}: ${count(outOfScope)} OU${outOfScope === 1 ? ' is' : 's are'} outside Connect Sync's scope today and ${outOfScope === 1 ? 'is' : 'are'} not moved.`);
  }

  const smallest = allPostOrder
    .filter((n) => n.children.length === 0 && n.ou.objects > 0)
    .reduce<Node | null>((best, n) => (best === null || n.ou.objects < best.ou.objects || (n.ou.objects === best.ou.objects && n.ou.key < best.ou.key) ? n : best), null);
  const pilotNode = smallest !== null && smallest.ou.objects <= PILOT_MAX_OBJECTS && allPostOrder.length + emptyDomains.length > 1 ? smallest : null;

  const waves: WaveOuKeyed[][] = [];
  let current: WaveOuKeyed[] = [];
  let size = 0;
  let currentDomain: string | null = null;
  const close = () => {
    if (current.length > 0) waves.push(current);
    current = [];
    size = 0;
  };
  for (const node of allPostOrder) {
    if (node === pilotNode) continue;
    if (node.ou.domain !== currentDomain || (current.length > 0 && size + node.ou.objects > input.maxWaveObjects)) close();
    currentDomain = node.ou.domain;
    current.push(node.ou);
    size += node.ou.objects;
  }
  close();
  for (const domain of emptyDomains) {
    const dn = domainRootDn(domain.domain);
    waves.push([{ key: dnKey(dn), distinguishedName: dn, domain: domain.domain, objects: objectsOf(domain) }]);
    notes.push(`Forest ${input.forest}: no OUs are recorded for ${domain.domain}, so it moves in one wave scoped to the whole domain; import its OUs to split it.`);
  }

  // Without moves the subtree order already holds; only the user's moves can break it.
  const hasMoves = Object.keys(input.moves).length > 0;
  const moved = hasMoves ? applyMoves(waves, input.moves, pilotNode?.ou.key ?? null) : waves;
  if (hasMoves) checkOrder(input.forest, moved, allPostOrder, notes);
  for (const [i, wave] of moved.entries()) {
    const objects = wave.reduce((sum, ou) => sum + ou.objects, 0);
    if (objects > input.maxWaveObjects) {
      notes.push(
        wave.length === 1
          ? `Forest ${input.forest}, wave ${i + 1}: ${wave[0]?.distinguishedName} alone holds ${count(objects)} objects, more than the wave size (${count(input.maxWaveObjects)}); a wave never splits an OU.`
          : `Forest ${input.forest}, wave ${i + 1} holds ${count(objects)} objects, more than the wave size (${count(input.maxWaveObjects)}), after OUs were moved into it.`,
      );
    }
  }
  let pilot = pilotNode?.ou ?? null;
  const firstScope = moved[0]?.[0];
  if (pilot === null && firstScope) {
    const dn = `OU=${PILOT_OU_NAME},${firstScope.distinguishedName}`;
    pilot = { key: dnKey(dn), distinguishedName: dn, domain: firstScope.domain, objects: 0 };
    notes.push(
      `Forest ${input.forest}: no OU small enough to pilot with (${count(PILOT_MAX_OBJECTS)} objects at most) and still leave OUs for the waves, so the pilot uses a new OU, ${dn}: create it and move a few test users, groups and contacts into it.`,
    );
  }
  return { pilot, pilotCreated: pilotNode === null && pilot !== null, waves: moved, notes };
}

function applyMoves(waves: WaveOuKeyed[][], moves: Readonly<Record<string, number>>, pilotKey: string | null): WaveOuKeyed[][] {
  const result = waves.map((w) => [...w]);
  const last = result.length;
  let added: WaveOuKeyed[] | null = null;
  for (const [i, wave] of waves.entries()) {
    for (const ou of wave) {
      const target = moves[ou.key];
      if (target === undefined || target === i + 1 || ou.key === pilotKey) continue;
      result[i] = (result[i] as WaveOuKeyed[]).filter((o) => o !== ou);
      if (target <= last) (result[target - 1] as WaveOuKeyed[]).push(ou);
      else (added ??= []).push(ou);
    }
  }
  if (added) result.push(added);
  return result.filter((w) => w.length > 0);
}

/** After user moves, a parent OU in an earlier wave than a child would move the child early: say so. */
function checkOrder(forest: string, waves: readonly WaveOuKeyed[][], nodes: readonly Node[], notes: string[]): void {
  const waveOf = new Map<string, number>();
  for (const [i, wave] of waves.entries()) for (const ou of wave) waveOf.set(ou.key, i + 1);
  const early: string[] = [];
  for (const node of nodes) {
    const parentWave = node.parent ? waveOf.get(node.parent.ou.key) : undefined;
    const own = waveOf.get(node.ou.key);
    if (parentWave !== undefined && own !== undefined && parentWave < own) {
      early.push(`${node.ou.distinguishedName} (wave ${own}) moves with its parent in wave ${parentWave}`);
    }
  }
  if (early.length > 0) notes.push(`Forest ${forest}: ${list(early.slice(0, 5))}${early.length > 5 ? ` and ${count(early.length - 5)} more` : ''}: scoping a parent OU moves its whole subtree.`);
}
