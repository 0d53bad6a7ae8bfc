/**
 * LDAP distinguished names (RFC 4514) as Active Directory writes them: `\,` and `\2C` escapes,
 * `\+`, `\"`, `\\`, and hex pairs for any byte (UTF-8). Attribute types and values compare
 * case-insensitively in AD, so keys are folded to lower case.
 */
export interface Rdn {
  type: string;
  value: string;
}

export type DnParse = { ok: true; rdns: Rdn[] } | { ok: false; message: string; column: number };

const HEX = /^[0-9a-fA-F]{2}$/;
const SPECIALS = new Set([',', '+', '"', '\\', '<', '>', ';', '=', ' ', '#']);

function decodeUtf8(bytes: number[]): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(new Uint8Array(bytes));
}

export function parseDn(dn: string): DnParse {
  const rdns: Rdn[] = [];
  let i = 0;
  const n = dn.length;
  if (dn.trim() === '') return { ok: false, message: 'empty distinguished name', column: 1 };
  while (i < n) {
    while (i < n && dn[i] === ' ') i++;
    const typeStart = i;
    while (i < n && dn[i] !== '=' && dn[i] !== ',') i++;
    if (i >= n || dn[i] !== '=') {
      return { ok: false, message: `expected "type=value" at "${dn.slice(typeStart, typeStart + 20)}"`, column: typeStart + 1 };
    }
    const type = dn.slice(typeStart, i).trim();
    if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(type)) {
      return { ok: false, message: `"${type}" is not an attribute type`, column: typeStart + 1 };
    }
    i++;
    let value = '';
    let pending: number[] = [];
    const flush = () => {
      if (pending.length) {
        value += decodeUtf8(pending);
        pending = [];
      }
    };
    let trailingSpaces = 0;
    while (i < n && dn[i] !== ',' && dn[i] !== '+') {
      const ch = dn[i] as string;
      if (ch === '\\') {
        const pair = dn.slice(i + 1, i + 3);
        if (HEX.test(pair)) {
          pending.push(parseInt(pair, 16));
          i += 3;
        } else if (i + 1 < n && SPECIALS.has(dn[i + 1] as string)) {
          flush();
          value += dn[i + 1];
          i += 2;
        } else {
          return { ok: false, message: 'a backslash must escape a special character or a hex pair', column: i + 1 };
        }
        trailingSpaces = 0;
      } else {
        flush();
        value += ch;
        trailingSpaces = ch === ' ' ? trailingSpaces + 1 : 0;
        i++;
      }
    }
    flush();
    if (trailingSpaces) value = value.slice(0, value.length - trailingSpaces);
    value = value.replace(/^ +/, '');
    rdns.push({ type, value });
    // Multi-valued RDNs (a+b) are rare in AD; keeping each part as its own RDN preserves the DC chain.
    if (i < n) i++;
  }
  return { ok: true, rdns };
}

/** A DN with no escapes, quotes, multi-valued RDNs or characters that need escaping in a value. */
const PLAIN_DN = /^ *[A-Za-z][A-Za-z0-9-]* *=[^,=\\"+<>;#]*(?:, *[A-Za-z][A-Za-z0-9-]* *=[^,=\\"+<>;#]*)*$/;

/** Canonical, case-folded form: the key under which an OU is stored and compared. */
export function dnKey(dn: string): string {
  // Fast path for the usual DN (planning 100,000 OUs spends most of its time here otherwise): the same
  // key the parser gives, since no value needs escaping.
  if (PLAIN_DN.test(dn)) {
    return dn
      .split(',')
      .map((rdn) => {
        const eq = rdn.indexOf('=');
        return `${rdn.slice(0, eq).trim().toLowerCase()}=${rdn.slice(eq + 1).replace(/^ +| +$/g, '').toLowerCase()}`;
      })
      .join(',');
  }
  const parsed = parseDn(dn);
  if (!parsed.ok) return dn.trim().toLowerCase();
  return parsed.rdns.map((r) => `${r.type.toLowerCase()}=${escapeValue(r.value.toLowerCase())}`).join(',');
}

function escapeValue(value: string): string {
  return value.replace(/([,+"\\<>;=])/g, '\\$1').replace(/^([ #])/, '\\$1').replace(/ $/, '\\ ');
}

export function formatDn(rdns: readonly Rdn[]): string {
  return rdns.map((r) => `${r.type}=${escapeValue(r.value)}`).join(',');
}

/** The DNS domain named by the DC components: `OU=x,DC=Corp,DC=Contoso,DC=com` → `corp.contoso.com`. */
export function domainOfRdns(rdns: readonly Rdn[]): string | null {
  const dcs = rdns.filter((r) => r.type.toLowerCase() === 'dc').map((r) => r.value.toLowerCase());
  return dcs.length ? dcs.join('.') : null;
}

export function domainOfDn(dn: string): string | null {
  const parsed = parseDn(dn);
  return parsed.ok ? domainOfRdns(parsed.rdns) : null;
}

/**
 * The nearest ancestor of a DN key that `isKnown` accepts: `ou=a,ou=b,dc=c` tries `ou=b,dc=c`, then
 * `dc=c`. Escaped commas stay inside their RDN.
 */
export function nearestAncestorKey(key: string, isKnown: (ancestor: string) => boolean): string | undefined {
  for (let i = 0; i < key.length; i++) {
    if (key[i] === '\\') i++;
    else if (key[i] === ',') {
      const ancestor = key.slice(i + 1);
      if (isKnown(ancestor)) return ancestor;
    }
  }
  return undefined;
}
