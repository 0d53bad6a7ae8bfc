import { DnsName } from '../../shared/model/inventory.js';
import { dnKey, domainOfRdns, parseDn } from '../../shared/model/distinguished-name.js';
import { FoldedStringSet, hash32, type HashPairs } from './hash-set.js';
import type { ObjectCategory } from './hygiene.js';

/**
 * Per-object exports rolled up into per-domain and per-container counts as rows stream past. An
 * object counts in its parent (the OU or container it sits in, compared case-insensitively) and in
 * the domain named by the DC components. Parents are parsed once each and cached by their raw text,
 * so a million users in a thousand OUs cost a thousand DN parses.
 */
export const CATEGORIES = ['user', 'group', 'contact', 'computer'] as const;
const SLOT = { user: 0, group: 1, contact: 2, computer: 3 } as const satisfies Record<ObjectCategory, number>;

export interface Container {
  domain: string;
  key: string;
  dn: string;
  counts: [number, number, number, number];
}

export interface DomainTotals {
  counts: [number, number, number, number];
  /** Categories this import has a complete export of, for this domain: their counts replace the stored ones. */
  covered: Set<ObjectCategory>;
  /** Largest direct membership of any group, when some export told member counts. */
  largestGroup: number | null;
  /** InetOrgPerson objects among the users, when an export told each user's objectClass. */
  inetOrgPersons: number | null;
}

export interface Location {
  domain: string;
  /** null when the object sits right under the domain root. */
  container: Container | null;
  /**
   * One number per parent, however its DN is spelled (a hash of its key, so every thread reading part
   * of a file gives the same): with the object's own RDN, identifies the object.
   */
  parentId: number;
}

/** What a rollup of part of a file adds, to be merged into the rollup of the rest (split-read.ts). */
export interface RollupPart {
  containers: Container[];
  domains: { domain: string; counts: [number, number, number, number]; covered: ObjectCategory[]; largestGroup: number | null; inetOrgPersons: number | null }[];
  /** The objects it counted, as hashes. */
  seen: HashPairs;
}

/** Index of the comma that ends the first RDN, skipping escaped commas (`\,`); -1 when there is none. */
function firstRdnEnd(dn: string): number {
  let i = dn.indexOf(',');
  while (i !== -1) {
    let backslashes = 0;
    for (let k = i - 1; k >= 0 && dn.charCodeAt(k) === 92; k--) backslashes++;
    if (backslashes % 2 === 0) return i;
    i = dn.indexOf(',', i + 1);
  }
  return -1;
}

export class Rollup {
  private readonly parents = new Map<string, Location | string>();
  readonly containers = new Map<string, Container>();
  readonly domains = new Map<string, DomainTotals>();
  private seen = new FoldedStringSet(1 << 16);
  /** The previous object's parent: exports list an OU's objects together, so it is usually this one's too. */
  private lastParent = '';
  private lastLocation: Location | string = '';

  /** Where an object with this DN is counted, or a message saying why the DN cannot be used. */
  locate(dn: string): Location | string {
    const end = firstRdnEnd(dn);
    if (end === -1 || dn.indexOf('=') > end || dn.indexOf('=') === -1) {
      return `"${dn}" is not a distinguished name with a parent (expected e.g. CN=Name,OU=Unit,DC=contoso,DC=com)`;
    }
    const last = this.lastParent;
    // Compared in place: no substring, no hashing of the parent's text for the same parent again.
    if (last !== '' && dn.length - end - 1 === last.length && dn.endsWith(last)) return this.lastLocation;
    const parentText = dn.slice(end + 1);
    let found = this.parents.get(parentText);
    if (found === undefined) {
      found = this.resolveParent(parentText);
      this.parents.set(parentText, found);
    }
    this.lastParent = parentText;
    this.lastLocation = found;
    return found;
  }

  private resolveParent(parentText: string): Location | string {
    const parsed = parseDn(parentText);
    if (!parsed.ok) return `the distinguished name's parent "${parentText}" is not valid: ${parsed.message}`;
    const dc = domainOfRdns(parsed.rdns);
    if (dc === null) return `"${parentText}" has no DC= components, so its domain is unknown`;
    const domain = DnsName.safeParse(dc);
    if (!domain.success) return `the DC= components of "${parentText}" do not form a DNS name`;
    const key = dnKey(parentText);
    const parentId = hash32(key);
    if (parsed.rdns.every((r) => r.type.toLowerCase() === 'dc')) return { domain: domain.data, container: null, parentId };
    let container = this.containers.get(key);
    if (!container) {
      container = { domain: domain.data, key, dn: parentText.trim(), counts: [0, 0, 0, 0] };
      this.containers.set(key, container);
    }
    return { domain: domain.data, container, parentId };
  }

  /**
   * False when an object with this DN was already counted in this import (the same file twice,
   * overlapping exports). Only the first RDN is hashed: the parent is already known by its id.
   */
  firstSighting(dn: string, location: Location): boolean {
    return this.seen.add(dn, firstRdnEnd(dn), location.parentId);
  }

  private totals(domain: string): DomainTotals {
    let totals = this.domains.get(domain);
    if (!totals) {
      totals = { counts: [0, 0, 0, 0], covered: new Set(), largestGroup: null, inetOrgPersons: null };
      this.domains.set(domain, totals);
    }
    return totals;
  }

  count(location: Location, category: ObjectCategory): void {
    const slot = SLOT[category];
    const totals = this.totals(location.domain);
    totals.counts[slot] += 1;
    totals.covered.add(category);
    if (location.container) location.container.counts[slot] += 1;
  }

  /** A file that is a complete export of `category` for `domain`, even if it held none. */
  cover(domain: string, category: ObjectCategory): void {
    this.totals(domain).covered.add(category);
  }

  /** A user whose objectClass the export told: counts InetOrgPerson objects (0 once any class is known). */
  userClass(domain: string, inetOrgPerson: boolean): void {
    const totals = this.totals(domain);
    totals.inetOrgPersons = (totals.inetOrgPersons ?? 0) + (inetOrgPerson ? 1 : 0);
  }

  groupMembers(domain: string, members: number): void {
    const totals = this.totals(domain);
    totals.largestGroup = Math.max(totals.largestGroup ?? 0, members);
  }

  static slot(category: ObjectCategory): number {
    return SLOT[category];
  }

  /** Makes room for this many more objects (a large file's estimated rows). */
  reserve(objects: number): void {
    this.seen.reserve(objects);
  }

  /** The objects counted so far, for a rollup of the rest of a file in another thread. */
  seenSnapshot() {
    return this.seen.snapshot();
  }

  /** Starts from the objects another rollup counted (`seenSnapshot`), and keeps what this one adds apart. */
  continueFrom(seen: ReturnType<FoldedStringSet['snapshot']>): void {
    this.seen = FoldedStringSet.from(seen);
    this.seen.track();
  }

  part(): RollupPart {
    return {
      containers: [...this.containers.values()],
      domains: [...this.domains].map(([domain, t]) => ({ domain, counts: t.counts, covered: [...t.covered], largestGroup: t.largestGroup, inetOrgPersons: t.inetOrgPersons })),
      seen: this.seen.gained(),
    };
  }

  /** Whether the part counted an object this rollup counted too: then it must be read again after this one. */
  overlaps(part: RollupPart): boolean {
    return this.seen.holdsAny(part.seen);
  }

  /** `keepSeen` false: no later file will be checked for duplicates against these objects, so their hashes are not kept. */
  merge(part: RollupPart, keepSeen = true): void {
    for (const c of part.containers) {
      const mine = this.containers.get(c.key);
      if (mine) for (let i = 0; i < 4; i++) mine.counts[i] = (mine.counts[i] ?? 0) + (c.counts[i] ?? 0);
      else this.containers.set(c.key, { ...c, counts: [...c.counts] });
    }
    for (const d of part.domains) {
      const totals = this.totals(d.domain);
      for (let i = 0; i < 4; i++) totals.counts[i] = (totals.counts[i] ?? 0) + (d.counts[i] ?? 0);
      for (const c of d.covered) totals.covered.add(c);
      if (d.largestGroup !== null) totals.largestGroup = Math.max(totals.largestGroup ?? 0, d.largestGroup);
      if (d.inetOrgPersons !== null) totals.inetOrgPersons = (totals.inetOrgPersons ?? 0) + d.inetOrgPersons;
    }
    if (keepSeen) this.seen.addAll(part.seen);
    // Cached locations point at this rollup's containers: the merged ones are found again by key.
    this.parents.clear();
    this.lastParent = '';
  }
}
