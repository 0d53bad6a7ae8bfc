import type { Agent, ConnectServer, Domain, Features, Forest, ForestLink, Ou, Trust } from '../../shared/model/inventory.js';
import { dnKey } from '../../shared/model/distinguished-name.js';
import { HygieneScanner } from './hygiene.js';
import { Rollup } from './rollup.js';

/**
 * Everything one import will write, staged in memory while files are read. Nothing touches the
 * workshop until every file has been read without error; then commit.ts writes it in one transaction.
 *
 * Patches hold only what the files said: an absent field (or an empty template cell) is unknown and
 * leaves the stored value alone. When two files of one import set the same field, the later one wins.
 */
type Patch<T> = { [K in keyof T]?: T[K] };

export type ForestPatch = Patch<Omit<Forest, 'features'>> & {
  forest: string;
  features?: Partial<Features>;
  /** Domains the forest says it has (Get-ADForest Domains, ADRecon Forest.csv): a home for those domains. */
  memberDomains?: string[];
  /** Forest-wide UPN suffixes, given to the forest's domains. */
  upnSuffixes?: string[];
};
export type DomainPatch = Patch<Domain> & { domain: string };
export type OuPatch = Patch<Ou> & { domain: string; distinguishedName: string };
export type ServerPatch = Patch<ConnectServer> & { server: string };
export type AgentPatch = Patch<Agent> & { host: string; forest: string };
export type ForestLinkPatch = Patch<ForestLink> & Pick<ForestLink, 'forest' | 'otherForest' | 'kind'>;

export interface ConnectScope {
  forest: string;
  includedOus: string[];
  excludedOus: string[];
}

function merge<T extends object>(into: T | undefined, patch: T): T {
  if (!into) return { ...patch };
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) (into as Record<string, unknown>)[key] = value;
  }
  return into;
}

/** One link per pair of forests and kind (the forest_links template's key). */
export const forestLinkKey = (link: Pick<ForestLink, 'forest' | 'otherForest' | 'kind'>): string =>
  `${link.forest}\u0000${link.otherForest}\u0000${link.kind}`;

export class ImportBatch {
  readonly forests = new Map<string, ForestPatch>();
  readonly domains = new Map<string, DomainPatch>();
  readonly ous = new Map<string, OuPatch>();
  readonly servers = new Map<string, ServerPatch>();
  readonly agents = new Map<string, AgentPatch>();
  readonly trusts = new Map<string, Trust>();
  readonly forestLinks = new Map<string, ForestLinkPatch>();
  readonly connectScopes: ConnectScope[] = [];
  readonly rollup = new Rollup();
  readonly hygiene = new HygieneScanner();
  /**
   * ADRecon's GroupMembers.csv names groups but not their domain: counts wait here, keyed by the
   * folder, until the folder's Domain.csv or per-object files tell the domain.
   */
  readonly pendingMembers: { file: string; folder: string; largest: number; group: string }[] = [];
  /** Domains that files in each folder were about (for pendingMembers). */
  readonly folderDomains = new Map<string, Set<string>>();

  forest(patch: ForestPatch): void {
    const existing = this.forests.get(patch.forest);
    const features = existing?.features || patch.features ? { ...existing?.features, ...patch.features } : undefined;
    const merged = merge(existing, patch);
    if (features) merged.features = features;
    this.forests.set(patch.forest, merged);
  }

  domain(patch: DomainPatch): void {
    this.domains.set(patch.domain, merge(this.domains.get(patch.domain), patch));
  }

  ou(patch: OuPatch): void {
    const key = dnKey(patch.distinguishedName);
    this.ous.set(key, merge(this.ous.get(key), patch));
  }

  server(patch: ServerPatch): void {
    const key = patch.server.toLowerCase();
    this.servers.set(key, merge(this.servers.get(key), patch));
  }

  agent(patch: AgentPatch): void {
    const key = patch.host.toLowerCase();
    this.agents.set(key, merge(this.agents.get(key), patch));
  }

  trust(trust: Trust): void {
    this.trusts.set(`${trust.source}\u0000${trust.target}`, trust);
  }

  forestLink(patch: ForestLinkPatch): void {
    const key = forestLinkKey(patch);
    this.forestLinks.set(key, merge(this.forestLinks.get(key), patch));
  }

  noteFolderDomain(folder: string, domain: string): void {
    let set = this.folderDomains.get(folder);
    if (!set) this.folderDomains.set(folder, (set = new Set()));
    set.add(domain);
  }
}
