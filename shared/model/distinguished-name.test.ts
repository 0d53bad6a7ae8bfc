import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dnKey, formatDn, nearestAncestorKey, parseDn } from './distinguished-name.js';

/** The parser's canonical form, without dnKey's fast path. */
function parsedKey(dn: string): string {
  const parsed = parseDn(dn);
  if (!parsed.ok) return dn.trim().toLowerCase();
  return formatDn(parsed.rdns.map((r) => ({ type: r.type.toLowerCase(), value: r.value.toLowerCase() })));
}

describe('dnKey', () => {
  it('gives the parser\'s canonical key for any DN, plain or not', () => {
    const piece = fc.constantFrom('OU', 'ou', 'DC', 'CN', ' OU', 'O U', 'Staff', ' Sales ', 'O\'Brien', '#x', 'a=b', '\\,', '\\2C', 'é', '+', ';', '<img>', ' ', '');
    const rdn = fc.tuple(piece, piece).map(([t, v]) => `${t}=${v}`);
    fc.assert(
      fc.property(fc.array(rdn, { minLength: 1, maxLength: 5 }), (rdns) => {
        const dn = rdns.join(',');
        expect(dnKey(dn)).toBe(parsedKey(dn));
      }),
      { numRuns: 2_000 },
    );
  });

  it('finds the nearest known ancestor of a key, escaped commas kept inside their RDN', () => {
    const tried: string[] = [];
    const key = dnKey('OU=Unit\\, East,OU=Region1,DC=Contoso,DC=com');
    expect(nearestAncestorKey(key, (k) => (tried.push(k), k === 'dc=contoso,dc=com'))).toBe('dc=contoso,dc=com');
    expect(tried).toEqual(['ou=region1,dc=contoso,dc=com', 'dc=contoso,dc=com']);
    expect(nearestAncestorKey(key, () => false)).toBeUndefined();
  });
});
