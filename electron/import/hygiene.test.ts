import { describe, expect, it } from 'vitest';
import { checksFor, HygieneScanner, isNonRoutableSuffix, isWellFormedMail, splitProxyAddresses } from './hygiene.js';

const none = { upn: null, sam: null, mail: null, proxies: null };
const results = (scanner: HygieneScanner) => Object.fromEntries(scanner.findings().map((f) => [`${f.domain} ${f.check}`, [f.count, f.examples]]));

describe('hygiene checks (IdFix rules, sync-engines.md §6)', () => {
  it('knows non-routable UPN suffixes', () => {
    for (const suffix of ['corp.local', 'contoso.internal', 'intranet', 'lab.lan', 'x.localdomain', '10.0.0.1', 'Corp.LOCAL.']) expect(isNonRoutableSuffix(suffix)).toBe(true);
    for (const suffix of ['contoso.com', 'fabrikam.co.uk', 'example.org', 'contoso.onmicrosoft.com']) expect(isNonRoutableSuffix(suffix)).toBe(false);
  });

  it('splits joined proxyAddresses, keeping X.400 addresses whole', () => {
    expect(splitProxyAddresses('SMTP:a@contoso.com;smtp:b@contoso.com; X500:/o=Org/cn=a ;')).toEqual(['SMTP:a@contoso.com', 'smtp:b@contoso.com', 'X500:/o=Org/cn=a']);
    expect(splitProxyAddresses('X400:C=US;A= ;P=Contoso;O=Exchange;S=Smith;SMTP:a@contoso.com')).toEqual(['X400:C=US;A= ;P=Contoso;O=Exchange;S=Smith', 'SMTP:a@contoso.com']);
  });

  it('tells well-formed mail addresses', () => {
    for (const ok of ['a@contoso.com', "o'brien.x+tag@mail.contoso.co.uk"]) expect(isWellFormedMail(ok)).toBe(true);
    for (const bad of ['a@contoso', 'a b@contoso.com', '@contoso.com', 'a@@contoso.com', 'a@contoso..com', 'a@.contoso.com', 'a@contoso.com.', 'a(b)@contoso.com']) {
      expect(isWellFormedMail(bad)).toBe(false);
    }
  });

  it('counts each problem once per object, per domain, with at most ten examples', () => {
    const scanner = new HygieneScanner();
    for (let i = 0; i < 12; i++) scanner.scan('a.com', 'user', { ...none, upn: `user${i}@a.local` });
    scanner.scan('a.com', 'user', { ...none, upn: 'USER0@A.LOCAL' });
    scanner.scan('b.com', 'user', { ...none, upn: 'jo hn@b.com', sam: 'a-name-longer-than-twenty', mail: 'not-an-address' });
    scanner.scan('b.com', 'user', { ...none, upn: `${'x'.repeat(64)}@b.com`, sam: 'bad/name' });
    scanner.markEvaluated('a.com', checksFor({ upn: true, sam: false, mail: false, proxies: false }));
    scanner.markEvaluated('b.com', checksFor({ upn: true, sam: true, mail: true, proxies: false }));
    const found = results(scanner);
    expect(found['a.com non-routable-upn-suffix']?.[0]).toBe(13);
    expect(found['a.com non-routable-upn-suffix']?.[1]).toHaveLength(10);
    expect(found['a.com duplicate-upn']).toEqual([1, ['USER0@A.LOCAL']]);
    expect(found['a.com upn-too-long']).toEqual([0, []]);
    expect(found['a.com samaccountname-too-long']).toBeUndefined();
    expect(found['b.com invalid-characters']).toEqual([2, ['userPrincipalName "jo hn@b.com"', 'sAMAccountName "bad/name"']]);
    expect(found['b.com samaccountname-too-long']).toEqual([1, ['a-name-longer-than-twenty']]);
    expect(found['b.com malformed-mail']).toEqual([1, ['not-an-address']]);
    expect(found['b.com upn-too-long']?.[0]).toBe(1);
  });

  it('finds proxy addresses shared by two objects, across users and groups, but not one object listing an address twice', () => {
    const scanner = new HygieneScanner();
    scanner.scan('a.com', 'user', { ...none, proxies: 'SMTP:anna@a.com;smtp:ANNA@a.com' });
    scanner.scan('a.com', 'group', { ...none, proxies: 'smtp:anna@a.com;smtp:sales@a.com' });
    scanner.scan('a.com', 'user', { ...none, proxies: `smtp:${'y'.repeat(260)}@a.com;smtp:bad address@a.com` });
    scanner.scan('a.com', 'computer', { ...none, proxies: 'smtp:sales@a.com' });
    scanner.markEvaluated('a.com', checksFor({ upn: false, sam: false, mail: false, proxies: true }));
    const found = results(scanner);
    expect(found['a.com duplicate-proxy-address']).toEqual([1, ['smtp:anna@a.com']]);
    expect(found['a.com proxy-address-too-long']?.[0]).toBe(1);
    expect(found['a.com malformed-mail']).toEqual([1, ['smtp:bad address@a.com']]);
  });
});
