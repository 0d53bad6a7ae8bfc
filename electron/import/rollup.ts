import { DnsName } from '../../shared/model/inventory.js';
import { dnKey, domainOfRdns, parseDn } from '../../shared/model/distinguished-name.js';
import { FoldedStringSet } from './hash-set.js';
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
  /** One number per parent, however its DN is spelled: with the object's own RDN, identifies the object. */
  parentId: number;
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
  private readonly parentIds = new Map<string, number>();
  readonly containers = new Map<string, Container>();
  readonly domains = new Map<string, DomainTotals>();
  private readonly seen = new FoldedStringSet(1 << 16);

  /** Where an object with this DN is counted, or a message saying why the DN cannot be used. */
  locate(dn: string): Location | string {
    const end = firstRdnEnd(dn);
    if (end === -1 || dn.indexOf('=') > end || dn.indexOf('=') === -1) {
      return `"${dn}" is not a distinguished name with a parent (expected e.g. CN=Name,OU=Unit,DC=contoso,DC=com)`;
    }
    const parentText = dn.slice(end + 1);
    let found = this.parents.get(parentText);
    if (found === undefined) {
      found = this.resolveParent(parentText);
      this.parents.set(parentText, found);
    }
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
    let parentId = this.parentIds.get(key);
    if (parentId === undefined) this.parentIds.set(key, (parentId = this.parentIds.size + 1));
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
}
