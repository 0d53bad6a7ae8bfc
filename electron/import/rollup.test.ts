import { describe, expect, it } from 'vitest';
import { Rollup } from './rollup.js';

describe('Rollup.locate', () => {
  it('puts an object in its parent, reading escaped commas and hex escapes in its own name', () => {
    const rollup = new Rollup();
    const a = rollup.locate('CN=Smith\\, Anna,OU=Sales,DC=Corp,DC=Contoso,DC=com');
    const b = rollup.locate('CN=Jones\\2C Ben,ou=sales,dc=corp,dc=contoso,dc=com');
    if (typeof a === 'string' || typeof b === 'string') throw new Error('expected locations');
    expect(a.domain).toBe('corp.contoso.com');
    expect(a.container?.dn).toBe('OU=Sales,DC=Corp,DC=Contoso,DC=com');
    // Compared case-insensitively: the same OU however the export spells it.
    expect(b.container).toBe(a.container);
  });

  it('reads escapes inside the parent, and objects right under the domain root have no container', () => {
    const rollup = new Rollup();
    const escaped = rollup.locate('CN=x,OU=R\\+D\\, Labs,DC=a,DC=com');
    expect(typeof escaped !== 'string' && escaped.container?.key).toBe('ou=r\\+d\\, labs,dc=a,dc=com');
    expect(rollup.locate('CN=Admin,DC=a,DC=com')).toMatchObject({ domain: 'a.com', container: null });
  });

  it('explains DNs it cannot place', () => {
    const rollup = new Rollup();
    expect(rollup.locate('Administrator')).toMatch(/not a distinguished name with a parent/);
    expect(rollup.locate('CN=x,OU=Nowhere')).toMatch(/has no DC= components/);
    expect(rollup.locate('CN=x,OU=a\\q,DC=a,DC=com')).toMatch(/is not valid/);
  });

  it('counts each DN once, whatever its case', () => {
    const rollup = new Rollup();
    const seen = (dn: string) => {
      const location = rollup.locate(dn);
      if (typeof location === 'string') throw new Error(location);
      return rollup.firstSighting(dn, location);
    };
    expect(seen('CN=A,OU=X,DC=a,DC=com')).toBe(true);
    expect(seen('cn=a,ou=x,dc=A,dc=COM')).toBe(false);
    expect(seen('CN=A,OU=Y,DC=a,DC=com')).toBe(true);
    expect(seen('CN=A,DC=a,DC=com')).toBe(true);
    expect(seen('CN=A,dc=a,dc=com')).toBe(false);
    expect(seen('CN=A,DC=b,DC=com')).toBe(true);
  });
});
