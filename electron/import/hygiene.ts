import type { HygieneCheck, HygieneFinding } from '../../shared/model/inventory.js';
import { FoldedStringSet, type HashPairs } from './hash-set.js';

/**
 * Directory hygiene in the spirit of IdFix (sync-engines.md §6), computed while per-object exports
 * stream past. Only what duplicate detection needs is kept (hashes), plus counts and up to ten
 * examples per domain and check.
 */
export type ObjectCategory = 'user' | 'group' | 'contact' | 'computer';

export interface HygieneValues {
  upn: string | null;
  sam: string | null;
  mail: string | null;
  proxies: string | null;
}

const MAX_EXAMPLES = 10;

/**
 * Suffixes that no public DNS resolves: the special-use names of RFC 6761/6762/2606, ICANN's .internal,
 * .corp/.home/.mail (never to be delegated, name-collision decision of 2018) and the undelegated
 * .lan/.localdomain that internal forests use. A suffix without a dot, or ending in a number, is never routable.
 */
const NON_ROUTABLE_TLDS = new Set([
  'local', 'localhost', 'localdomain', 'test', 'example', 'invalid', 'internal', 'corp', 'home', 'mail', 'lan',
]);

export function isNonRoutableSuffix(suffix: string): boolean {
  const s = suffix.toLowerCase().replace(/\.$/, '');
  const dot = s.lastIndexOf('.');
  if (dot === -1) return true;
  const tld = s.slice(dot + 1);
  return NON_ROUTABLE_TLDS.has(tld) || /^\d+$/.test(tld);
}

/** ASCII lookup tables: a loop over them is several times faster than regular expressions on a million rows. */
function table(chars: string): Uint8Array {
  const t = new Uint8Array(128);
  for (const ch of chars) t[ch.charCodeAt(0)] = 1;
  return t;
}
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Characters allowed before the "@" of a UPN by Microsoft Entra ID. */
const UPN_LOCAL_OK = table(`${ALNUM}'._!#^~-`);
const DOMAIN_OK = table(`${ALNUM}.-`);
/** What a mail address may not hold before its "@" (besides control characters and spaces). */
const MAIL_LOCAL_BAD = table('@"(),:;<>[\\]');
/** Characters Active Directory refuses in sAMAccountName. */
const SAM_INVALID = /["/\\[\]:;|=,+*?<>]/;
const WHITESPACE = /\s/;

function allIn(s: string, from: number, to: number, ok: Uint8Array): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || ok[c] !== 1) return false;
  }
  return true;
}

/** s[from, to) is a DNS domain of at least two non-empty labels. */
function isMailDomain(s: string, from: number, to: number): boolean {
  if (from >= to || !allIn(s, from, to, DOMAIN_OK)) return false;
  const first = s.charCodeAt(from);
  const last = s.charCodeAt(to - 1);
  const dot = s.indexOf('.', from);
  const dots = s.indexOf('..', from);
  return first !== 46 && last !== 46 && dot !== -1 && dot < to && (dots === -1 || dots + 1 >= to);
}

/** s[from, to) is local@domain.tld: one "@", no spaces or specials before it, a dotted domain after it. */
export function isWellFormedMail(s: string, from = 0, to = s.length): boolean {
  const at = s.indexOf('@', from);
  if (at <= from || at >= to) return false;
  const again = s.indexOf('@', at + 1);
  if (again !== -1 && again < to) return false;
  for (let i = from; i < at; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || (c < 128 && MAIL_LOCAL_BAD[c] === 1)) return false;
  }
  return isMailDomain(s, at + 1, to);
}

/** "smtp:" in any case, at `from` of an address that ends at `to`. */
function isSmtp(s: string, from = 0, to = s.length): boolean {
  return to - from > 5 && s.charCodeAt(from + 4) === 58 && (s.charCodeAt(from) | 32) === 115 && (s.charCodeAt(from + 1) | 32) === 109 &&
    (s.charCodeAt(from + 2) | 32) === 116 && (s.charCodeAt(from + 3) | 32) === 112;
}

/** "TYPE:" at the start of a proxy address s[from, to): 1 to 12 letters or digits, then a colon. */
const PREFIX_OK = table(ALNUM);
function hasProxyPrefix(s: string, from = 0, to = s.length): boolean {
  const colon = s.indexOf(':', from);
  return colon > from && colon < to && colon - from <= 12 && allIn(s, from, colon, PREFIX_OK);
}

/** Case-insensitive equality of two ranges of one string. */
function sameFolded(s: string, a: number, aEnd: number, b: number, bEnd: number): boolean {
  return aEnd - a === bEnd - b && s.slice(a, aEnd).toLowerCase() === s.slice(b, bEnd).toLowerCase();
}

/** proxyAddresses joined with ";": X.400 addresses contain ";" themselves, so a piece without a "type:" prefix continues the previous one. */
export function splitProxyAddresses(joined: string): string[] {
  const out: string[] = [];
  for (const piece of joined.split(';')) {
    const trimmed = piece.charCodeAt(0) === 32 || piece.charCodeAt(piece.length - 1) === 32 ? piece.trim() : piece;
    if (trimmed === '') continue;
    if (out.length > 0 && !hasProxyPrefix(trimmed)) out[out.length - 1] += `;${piece}`;
    else out.push(trimmed);
  }
  return out;
}

/** The same address twice on one object ("SMTP:a@x" and "smtp:a@x") is one address, not a duplicate. */
function repeatsEarlier(addresses: readonly string[], k: number): boolean {
  const address = addresses[k] as string;
  for (let j = 0; j < k; j++) {
    const other = addresses[j] as string;
    if (other.length === address.length && other.toLowerCase() === address.toLowerCase()) return true;
  }
  return false;
}

interface Tally {
  count: number;
  examples: string[];
}

/** What a scan of part of a file found, to be merged into the scan of the rest (split-read.ts). */
export interface HygienePart {
  upns: HashPairs;
  proxies: HashPairs;
  tallies: { domain: string; check: HygieneCheck; count: number; examples: string[] }[];
}

export class HygieneScanner {
  private upns = new FoldedStringSet(1 << 16);
  private proxies = new FoldedStringSet(1 << 16);
  private readonly tallies = new Map<string, Map<HygieneCheck, Tally>>();
  private readonly evaluated = new Map<string, Set<HygieneCheck>>();
  private readonly suffixCache = new Map<string, boolean>();
  /** Checks already counted for the current object: each object counts once per check. */
  private readonly hit = new Set<HygieneCheck>();

  private flag(domain: string, check: HygieneCheck, example: string): void {
    if (this.hit.has(check)) return;
    this.hit.add(check);
    let byCheck = this.tallies.get(domain);
    if (!byCheck) this.tallies.set(domain, (byCheck = new Map()));
    let tally = byCheck.get(check);
    if (!tally) byCheck.set(check, (tally = { count: 0, examples: [] }));
    tally.count++;
    if (tally.examples.length < MAX_EXAMPLES) tally.examples.push(example);
  }

  scan(domain: string, category: ObjectCategory, v: HygieneValues): void {
    if (category === 'computer') return;
    this.hit.clear();
    if (category === 'user') {
      if (v.upn) this.scanUpn(domain, v.upn);
      if (v.sam) {
        if (v.sam.length > 20) this.flag(domain, 'samaccountname-too-long', v.sam);
        if (SAM_INVALID.test(v.sam)) this.flag(domain, 'invalid-characters', `sAMAccountName "${v.sam}"`);
      }
    }
    if (v.mail && !isWellFormedMail(v.mail)) this.flag(domain, 'malformed-mail', v.mail);
    if (v.proxies) this.scanProxies(domain, v.proxies);
  }

  private lastSuffix: string | null = null;
  private lastSuffixNonRoutable = false;
  /** Start and end of each address of the object being scanned, reused from row to row. */
  private readonly ranges: number[] = [];

  private scanUpn(domain: string, upn: string): void {
    const at = upn.lastIndexOf('@');
    if (!this.upns.add(upn)) this.flag(domain, 'duplicate-upn', upn);
    const suffixLength = at === -1 ? 0 : upn.length - at - 1;
    if (at !== -1) {
      // Users of a domain share a few suffixes: the last one is recognised in place, without a substring.
      const last = this.lastSuffix;
      if (last === null || suffixLength !== last.length || !upn.startsWith(last, at + 1)) {
        const suffix = upn.slice(at + 1);
        let nonRoutable = this.suffixCache.get(suffix);
        if (nonRoutable === undefined) this.suffixCache.set(suffix, (nonRoutable = isNonRoutableSuffix(suffix)));
        this.lastSuffix = suffix;
        this.lastSuffixNonRoutable = nonRoutable;
      }
      if (this.lastSuffixNonRoutable) this.flag(domain, 'non-routable-upn-suffix', upn);
    }
    const localLength = at === -1 ? upn.length : at;
    if (upn.length > 113 || localLength >= 64 || suffixLength >= 48) this.flag(domain, 'upn-too-long', upn);
    const valid =
      at > 0 &&
      allIn(upn, 0, at, UPN_LOCAL_OK) &&
      allIn(upn, at + 1, upn.length, DOMAIN_OK) &&
      upn.charCodeAt(0) !== 46 &&
      upn.charCodeAt(at - 1) !== 46;
    if (!valid) this.flag(domain, 'invalid-characters', `userPrincipalName "${upn}"`);
  }

  /**
   * The usual proxyAddresses cell, "type:address" pieces joined with ";", is checked in place: each
   * address is hashed and tested as a range of the cell, and a substring is made only for an example.
   * Anything unusual (spaces around a piece, a piece continuing the previous one) takes the general path.
   */
  private scanProxies(domain: string, joined: string): void {
    const ranges = this.ranges;
    ranges.length = 0;
    const n = joined.length;
    for (let start = 0; start <= n; ) {
      let end = joined.indexOf(';', start);
      if (end === -1) end = n;
      if (end > start) {
        if (joined.charCodeAt(start) === 32 || joined.charCodeAt(end - 1) === 32 || !hasProxyPrefix(joined, start, end)) {
          this.scanProxyList(domain, splitProxyAddresses(joined));
          return;
        }
        ranges.push(start, end);
      }
      start = end + 1;
    }
    for (let k = 0; k < ranges.length; k += 2) {
      const from = ranges[k] as number;
      const to = ranges[k + 1] as number;
      let repeated = false;
      for (let j = 0; j < k && !repeated; j += 2) repeated = sameFolded(joined, ranges[j] as number, ranges[j + 1] as number, from, to);
      if (repeated) continue;
      if (!this.proxies.add(joined, to, 0, from)) this.flag(domain, 'duplicate-proxy-address', joined.slice(from, to));
      if (to - from > 256) this.flag(domain, 'proxy-address-too-long', `${joined.slice(from, from + 60)}… (${to - from} characters)`);
      if (isSmtp(joined, from, to)) {
        if (!isWellFormedMail(joined, from + 5, to)) {
          const address = joined.slice(from, to);
          this.flag(domain, 'malformed-mail', address);
          if (WHITESPACE.test(address)) this.flag(domain, 'invalid-characters', `proxyAddress "${address}"`);
        }
      } else {
        const address = joined.slice(from, to);
        if (WHITESPACE.test(address)) this.flag(domain, 'invalid-characters', `proxyAddress "${address}"`);
      }
    }
  }

  private scanProxyList(domain: string, addresses: readonly string[]): void {
    for (let k = 0; k < addresses.length; k++) {
      const address = addresses[k] as string;
      if (k > 0 && repeatsEarlier(addresses, k)) continue;
      if (!this.proxies.add(address)) this.flag(domain, 'duplicate-proxy-address', address);
      if (address.length > 256) this.flag(domain, 'proxy-address-too-long', `${address.slice(0, 60)}… (${address.length} characters)`);
      if (isSmtp(address)) {
        if (!isWellFormedMail(address, 5)) {
          this.flag(domain, 'malformed-mail', address);
          if (WHITESPACE.test(address)) this.flag(domain, 'invalid-characters', `proxyAddress "${address}"`);
        }
      } else if (WHITESPACE.test(address)) {
        this.flag(domain, 'invalid-characters', `proxyAddress "${address}"`);
      }
    }
  }

  /** Records that `checks` were evaluated for `domain`, so a clean result (count 0) is stored too. */
  markEvaluated(domain: string, checks: Iterable<HygieneCheck>): void {
    let set = this.evaluated.get(domain);
    if (!set) this.evaluated.set(domain, (set = new Set()));
    for (const check of checks) set.add(check);
  }

  /** Makes room for this many more objects' UPNs and (one each, at least) proxy addresses. */
  reserve(objects: number): void {
    this.upns.reserve(objects);
    this.proxies.reserve(objects);
  }

  /** The addresses seen so far, for a scan of the rest of a file in another thread. */
  snapshot() {
    return { upns: this.upns.snapshot(), proxies: this.proxies.snapshot() };
  }

  /** Starts from the addresses another scanner saw (`snapshot`), and keeps what this one adds apart. */
  continueFrom(seen: ReturnType<HygieneScanner['snapshot']>): void {
    this.upns = FoldedStringSet.from(seen.upns);
    this.proxies = FoldedStringSet.from(seen.proxies);
    this.upns.track();
    this.proxies.track();
  }

  part(): HygienePart {
    const tallies = [...this.tallies].flatMap(([domain, byCheck]) => [...byCheck].map(([check, t]) => ({ domain, check, count: t.count, examples: t.examples })));
    return { upns: this.upns.gained(), proxies: this.proxies.gained(), tallies };
  }

  /** Whether the part saw an address this scanner saw too: a duplicate across the split, so it must be read again. */
  overlaps(part: HygienePart): boolean {
    return this.upns.holdsAny(part.upns) || this.proxies.holdsAny(part.proxies);
  }

  /**
   * Adds what the part found after what this scanner found, as one scan of the whole file would.
   * `keepSeen` false: no later file will be checked against these addresses, so their hashes are not kept.
   */
  merge(part: HygienePart, keepSeen = true): void {
    if (keepSeen) {
      this.upns.addAll(part.upns);
      this.proxies.addAll(part.proxies);
    }
    for (const t of part.tallies) {
      let byCheck = this.tallies.get(t.domain);
      if (!byCheck) this.tallies.set(t.domain, (byCheck = new Map()));
      let tally = byCheck.get(t.check);
      if (!tally) byCheck.set(t.check, (tally = { count: 0, examples: [] }));
      tally.count += t.count;
      tally.examples.push(...t.examples.slice(0, MAX_EXAMPLES - tally.examples.length));
    }
  }

  findings(): HygieneFinding[] {
    const out: HygieneFinding[] = [];
    for (const [domain, checks] of this.evaluated) {
      for (const check of [...checks].sort()) {
        const tally = this.tallies.get(domain)?.get(check);
        out.push({ domain, check, count: tally?.count ?? 0, examples: tally?.examples ?? [] });
      }
    }
    return out;
  }
}

/** The checks a user export can evaluate, from the columns it has. */
export function checksFor(columns: { upn: boolean; sam: boolean; mail: boolean; proxies: boolean }): HygieneCheck[] {
  const checks = new Set<HygieneCheck>();
  if (columns.upn) for (const c of ['non-routable-upn-suffix', 'duplicate-upn', 'upn-too-long', 'invalid-characters'] as const) checks.add(c);
  if (columns.sam) for (const c of ['samaccountname-too-long', 'invalid-characters'] as const) checks.add(c);
  if (columns.mail) checks.add('malformed-mail');
  if (columns.proxies) for (const c of ['duplicate-proxy-address', 'proxy-address-too-long', 'malformed-mail'] as const) checks.add(c);
  return [...checks];
}
