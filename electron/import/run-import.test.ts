import { describe, expect, it } from 'vitest';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readInventory } from '../store/inventory-repo.js';
import { ImportSummary } from '../../shared/import/summary.js';
import { UserError } from '../../shared/result.js';
import { runImport } from './run-import.js';
import { writeTemplates } from './write-templates.js';
import { exportCsv, type ExportCsvOptions, type ExportRow } from './test-support/export-csv.js';
import { samples, tempDir, testWorkshop, writeFixture } from './test-support/workshop.js';

const USER_COLUMNS = ['DistinguishedName', 'Enabled', 'GivenName', 'Name', 'ObjectClass', 'ObjectGUID', 'SamAccountName', 'SID', 'Surname', 'UserPrincipalName', 'mail', 'proxyAddresses'];

function user(cn: string, ou: string, extra: Partial<ExportRow> = {}): ExportRow {
  const sam = cn.toLowerCase().replace(/[^a-z0-9]/g, '');
  return {
    DistinguishedName: `CN=${cn},${ou}`,
    Enabled: 'True',
    GivenName: cn,
    Name: cn,
    ObjectClass: 'user',
    ObjectGUID: '5e65948f-423f-4423-afb9-00006e2a1d89',
    SamAccountName: sam,
    SID: 'S-1-5-21-1-2-3-1000',
    Surname: null,
    UserPrincipalName: `${sam}@contoso.com`,
    mail: `${sam}@contoso.com`,
    proxyAddresses: `SMTP:${sam}@contoso.com`,
    ...extra,
  };
}

const SALES = 'OU=Sales,DC=corp,DC=contoso,DC=com';
const IT = 'OU=IT,OU=Staff,DC=corp,DC=contoso,DC=com';

async function rejection(promise: Promise<unknown>): Promise<UserError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected the import to fail');
}

describe('runImport: real samples', () => {
  it('imports the ADRecon CSV-Files folder of sos.labs: forest, domain, OUs and per-OU counts', async () => {
    const { db } = await testWorkshop();
    const summary = await runImport(db, [samples('adrecon-sos-labs')]);
    expect(() => ImportSummary.parse(summary)).not.toThrow();
    const kinds = Object.fromEntries(summary.files.map((f) => [f.path.split('/').pop(), f.kind]));
    expect(kinds).toEqual({
      'AboutADRecon.csv': 'not-inventory',
      'Computers.csv': 'ad-computers',
      'Domain.csv': 'ad-domain',
      'DomainControllers.csv': 'ad-domain-controllers',
      'Forest.csv': 'ad-forest',
      'GroupMembers.csv': 'ad-group-members',
      'Groups.csv': 'ad-groups',
      'OUs.csv': 'ad-ous',
      'Sites.csv': 'not-inventory',
      'Subnets.csv': 'not-inventory',
      'Trusts.csv': 'ad-trusts',
      'Users.csv': 'ad-users',
    });
    expect(summary.files.find((f) => f.kind === 'ad-users')?.source).toBe('ADRecon (Users.csv)');

    const inventory = readInventory(db);
    expect(inventory.forests.map((f) => [f.forest, f.functionalLevel])).toEqual([['sos.labs', 'Windows2016Forest']]);
    expect(inventory.domains).toEqual([
      {
        forest: 'sos.labs',
        domain: 'sos.labs',
        netbios: 'sos',
        functionalLevel: 'Windows2016Domain',
        users: 19,
        groups: 56,
        contacts: null,
        computers: 7,
        largestGroupMembers: 8,
        upnSuffixes: [],
        inetOrgPersons: null,
        importedCounts: {},
      },
    ]);
    // Expected per-container numbers counted from the sample's Users, Groups and Computers files.
    const counts = Object.fromEntries(inventory.ous.map((o) => [o.distinguishedName, [o.users, o.groups, o.contacts, o.computers]]));
    expect(counts).toEqual({
      'CN=Builtin,DC=sos,DC=labs': [0, 29, null, 0],
      'CN=Computers,DC=sos,DC=labs': [0, 0, null, 1],
      'CN=Users,DC=sos,DC=labs': [5, 25, null, 0],
      'OU=Domain Controllers,DC=sos,DC=labs': [0, 0, null, 1],
      'OU=Lab Users,DC=sos,DC=labs': [7, 2, null, 0],
      'OU=Priv Accounts,DC=sos,DC=labs': [7, 0, null, 0],
      'OU=Workstations,DC=sos,DC=labs': [0, 0, null, 5],
    });
    expect(inventory.ous.every((o) => o.domain === 'sos.labs' && o.inConnectScope === null)).toBe(true);
    expect(inventory.trusts).toEqual([{ source: 'sos.labs', target: 'pim.sos.labs', direction: 'outbound', trustType: 'Uplevel', forestTransitive: true }]);
    // ADRecon has e-mail and sAMAccountName columns, no UPNs: those checks ran and found nothing.
    expect(inventory.hygiene.map((h) => [h.check, h.count])).toEqual([
      ['invalid-characters', 0],
      ['malformed-mail', 0],
      ['samaccountname-too-long', 0],
    ]);
  });

  it('imports the Entra Connect export of contoso: server, forest, OU filter, features, rules', async () => {
    const { db } = await testWorkshop();
    const summary = await runImport(db, [samples('aadconnect-contoso')]);
    expect(summary.files.map((f) => f.kind)).toEqual(['connect-export']);
    const inventory = readInventory(db);
    const [server] = inventory.connectServers;
    expect(server).toMatchObject({ server: 'CONTOSO-SYNC01', version: '1.1.130.0', mode: 'active', forests: ['contoso.com'], standardRules: 62, customRules: 0 });
    const [forest] = inventory.forests;
    // The server syncs to one tenant, so its forest does too.
    expect(forest).toMatchObject({ forest: 'contoso.com', currentEngine: 'connect-sync', sourceAnchor: 'objectGUID', tenant: 'contoso.onmicrosoft.com' });
    expect(forest?.features.password_hash_sync).toBe(false);
    expect(forest?.features.exchange_hybrid_writeback).toBe(true);
    expect(server?.scopes[0]?.includedOus).toContain('OU=CORP,DC=contoso,DC=com');
    expect(inventory.ous).toEqual([
      { domain: 'contoso.com', distinguishedName: 'OU=CORP,DC=contoso,DC=com', users: null, groups: null, contacts: null, computers: null, inConnectScope: true, importedCounts: {} },
    ]);
  });

  it("keeps the tenant the workshop already gives a forest when a Connect export names the server's", async () => {
    const { db } = await testWorkshop();
    const dir = tempDir();
    writeFileSync(join(dir, 'forests.csv'), 'forest,tenant\ncontoso.com,fabrikam.onmicrosoft.com\n');
    await runImport(db, [join(dir, 'forests.csv')]);
    await runImport(db, [samples('aadconnect-contoso')]);
    const inventory = readInventory(db);
    expect(inventory.forests[0]).toMatchObject({ forest: 'contoso.com', tenant: 'fabrikam.onmicrosoft.com', currentEngine: 'connect-sync' });
    expect(inventory.connectServers[0]?.tenant).toBe('contoso.onmicrosoft.com');
  });
});

describe('runImport: SyncPlan templates', () => {
  it('reads the written templates back field by field', async () => {
    const { db } = await testWorkshop();
    const summary = await runImport(db, writeTemplates(tempDir()));
    expect(summary.files.map((f) => [f.kind, f.encoding, f.rows, f.imported, f.warnings.length])).toEqual([
      ['forests', 'UTF-8 (BOM)', 1, 1, 0],
      ['domains', 'UTF-8 (BOM)', 1, 1, 0],
      ['ous', 'UTF-8 (BOM)', 1, 1, 0],
      ['sync_features', 'UTF-8 (BOM)', 1, 1, 0],
      ['connect_servers', 'UTF-8 (BOM)', 1, 1, 0],
      ['agents', 'UTF-8 (BOM)', 1, 1, 0],
      ['forest_links', 'UTF-8 (BOM)', 1, 1, 0],
    ]);
    const inventory = readInventory(db);
    // The example link names a second forest, which the import creates by name.
    expect(inventory.forests.map((f) => f.forest)).toEqual(['contoso.com', 'fabrikam.com']);
    expect(inventory.forests[0]).toMatchObject({
      forest: 'contoso.com',
      tenant: 'contoso.onmicrosoft.com',
      functionalLevel: 'Windows2016Forest',
      schemaVersion: '88',
      network: 'connected',
      currentEngine: 'connect-sync',
      sourceAnchor: 'ms-DS-ConsistencyGuid',
      topologyRole: 'standard',
      cloud: 'global',
    });
    expect(inventory.forestLinks).toEqual([
      { forest: 'contoso.com', otherForest: 'fabrikam.com', kind: 'trust', direction: 'two-way', notes: 'Forest trust for the shared intranet' },
    ]);
    expect(inventory.forests[0]?.features).toMatchObject({ password_hash_sync: true, seamless_sso: true, federation: false, device_writeback: false });
    expect(inventory.domains).toEqual([
      {
        forest: 'contoso.com',
        domain: 'corp.contoso.com',
        netbios: 'CORP',
        functionalLevel: 'Windows2016Domain',
        users: 12500,
        groups: 3200,
        contacts: 150,
        computers: 9800,
        largestGroupMembers: 4100,
        upnSuffixes: ['contoso.com', 'corp.contoso.com'],
        inetOrgPersons: null,
        importedCounts: {},
      },
    ]);
    expect(inventory.ous).toEqual([
      { domain: 'corp.contoso.com', distinguishedName: 'OU=Sales,OU=Users,DC=corp,DC=contoso,DC=com', users: 420, groups: 35, contacts: 0, computers: 0, inConnectScope: true, importedCounts: {} },
    ]);
    expect(inventory.connectServers[0]).toMatchObject({ server: 'SYNC01.corp.contoso.com', forests: ['contoso.com'], version: '2.5.79.0', mode: 'active', database: 'localdb' });
    expect(inventory.agents[0]).toEqual({
      host: 'AGENT01.corp.contoso.com',
      forest: 'contoso.com',
      domain: 'corp.contoso.com',
      os: 'Windows Server 2022',
      ramGb: 8,
      dotnet: '4.8.1',
      serverCore: false,
      domainJoined: true,
      tls12: true,
      ldap389: true,
      gc3268: true,
      outbound443: true,
      agentVersion: '1.1.1370.0',
    });
  });

  it('updates rows by key on re-import; an empty cell leaves the stored value; headers in any order and case', async () => {
    const { db, dir } = await testWorkshop();
    await runImport(db, [writeFixture(dir, 'd1.csv', 'forest,domain,users,netbios\na.com,a.com,10,A\n')]);
    const again = writeFixture(dir, 'd2.csv', 'USERS;Domain;NetBIOS;Colour\n"1.234";A.COM;;blue\n');
    const summary = await runImport(db, [again]);
    expect(summary.files[0]?.warnings.map((w) => w.message)).toEqual(['unknown column ignored: Colour']);
    expect(readInventory(db).domains[0]).toMatchObject({ forest: 'a.com', domain: 'a.com', users: 1234, netbios: 'A' });
  });

  it('creates the forest and domain an OU or agent row refers to', async () => {
    const { db, dir } = await testWorkshop();
    await runImport(db, [
      writeFixture(dir, 'ous.csv', 'distinguished_name,users\n"OU=X,DC=emea,DC=fabrikam,DC=com",5\n'),
      writeFixture(dir, 'agents.csv', 'host,forest,ram_gb\nagent1,tailspin.com,"7,5"\n'),
    ]);
    const inventory = readInventory(db);
    expect(inventory.forests.map((f) => f.forest)).toEqual(['emea.fabrikam.com', 'tailspin.com']);
    expect(inventory.domains.map((d) => [d.domain, d.forest])).toEqual([['emea.fabrikam.com', 'emea.fabrikam.com']]);
    expect(inventory.agents[0]?.ramGb).toBe(7.5);
  });

  it('refuses a bad cell with file, line and column, and writes nothing of the import', async () => {
    const { db, dir } = await testWorkshop();
    const good = writeFixture(dir, 'forests.csv', 'forest,network\nok.com,connected\n');
    const bad = writeFixture(dir, 'domains.csv', 'domain,users\nx.com,12\ny.com,many\n');
    const error = await rejection(runImport(db, [good, bad]));
    expect(error.location).toEqual({ file: bad, line: 3, column: 7 });
    expect(error.message).toBe('column users: "many" is not a count (a whole number of zero or more)');
    expect(readInventory(db).forests).toEqual([]);
  });

  it('refuses an explicit file of no known kind, but skips one inside a folder with a warning', async () => {
    const { db } = await testWorkshop();
    const dir = tempDir();
    const odd = writeFixture(dir, 'odd.csv', 'colour,size\nred,1\n');
    const error = await rejection(runImport(db, [odd]));
    expect(error.location).toEqual({ file: odd, line: 1, column: 1 });
    expect(error.message).toContain('matches no kind SyncPlan imports');
    writeFixture(dir, 'forests.csv', 'forest\nz.com\n');
    const summary = await runImport(db, [dir]);
    expect(summary.files.map((f) => [f.kind, f.warnings.length])).toEqual([
      ['forests', 0],
      ['not-inventory', 1],
    ]);
  });
});

describe('runImport: ActiveDirectory-module Export-Csv files', () => {
  const users = [
    user('Anna', SALES),
    user('Chloé Dubois', SALES, { Surname: 'Dubois', mail: 'chloe@contoso.com' }),
    user('Ben', IT, { UserPrincipalName: 'ben@corp.local' }),
    user('Zoë', IT, { SamAccountName: 'a-very-long-sam-account-name', proxyAddresses: 'SMTP:anna@contoso.com;smtp:zoe@contoso.com' }),
  ];
  const variants: [string, ExportCsvOptions][] = [
    ['Windows PowerShell 5.1, #TYPE line, ASCII', { edition: '5.1', typeName: 'Microsoft.ActiveDirectory.Management.ADUser' }],
    ['5.1 -NoTypeInformation -Encoding UTF8 (BOM)', { edition: '5.1', noTypeInformation: true, encoding: 'utf8bom' }],
    ['5.1 -Encoding Unicode (UTF-16 LE)', { edition: '5.1', typeName: 'Selected.Microsoft.ActiveDirectory.Management.ADUser', encoding: 'utf16le' }],
    ['5.1 -Encoding BigEndianUnicode (UTF-16 BE)', { edition: '5.1', encoding: 'utf16be' }],
    ['5.1 -Encoding Default (ANSI) -UseCulture', { edition: '5.1', encoding: 'ansi', delimiter: ';' }],
    ['PowerShell 7, UTF-8 without BOM, quotes as needed, LF', { edition: '7', useQuotes: 'AsNeeded', newline: '\n' }],
  ];
  for (const [name, options] of variants) {
    it(`rolls up a Get-ADUser export: ${name}`, async () => {
      const { db, dir } = await testWorkshop();
      const file = writeFixture(dir, 'users.csv', exportCsv(USER_COLUMNS, users, options));
      const summary = await runImport(db, [file]);
      const [read] = summary.files;
      expect(read).toMatchObject({ kind: 'ad-users', rows: 4, imported: 4, delimiter: options.delimiter ?? ',' });
      if (options.encoding === 'ansi') expect(read?.encoding).toBe('Windows-1252 (ANSI)');
      const inventory = readInventory(db);
      expect(inventory.domains.map((d) => [d.forest, d.domain, d.users, d.groups, d.computers])).toEqual([['corp.contoso.com', 'corp.contoso.com', 4, null, null]]);
      expect(inventory.ous.map((o) => [o.distinguishedName, o.users])).toEqual([
        [IT, 2],
        [SALES, 2],
      ]);
      const hygiene = Object.fromEntries(inventory.hygiene.map((h) => [h.check, [h.count, h.examples]]));
      expect(hygiene['non-routable-upn-suffix']).toEqual([1, ['ben@corp.local']]);
      expect(hygiene['samaccountname-too-long']).toEqual([1, ['a-very-long-sam-account-name']]);
      expect(hygiene['duplicate-proxy-address']).toEqual([1, ['SMTP:anna@contoso.com']]);
      expect(hygiene['duplicate-upn']).toEqual([0, []]);
    });
  }

  it('reads a value with non-ASCII characters in ANSI, UTF-16 and UTF-8 the same', async () => {
    for (const encoding of ['ansi', 'utf16le', 'utf8'] as const) {
      const { db, dir } = await testWorkshop();
      const row = user('Chloé', 'OU=Équipe,DC=corp,DC=contoso,DC=com');
      await runImport(db, [writeFixture(dir, 'u.csv', exportCsv(USER_COLUMNS, [row], { edition: '5.1', encoding }))]);
      expect(readInventory(db).ous.map((o) => o.distinguishedName)).toEqual(['OU=Équipe,DC=corp,DC=contoso,DC=com']);
    }
  });

  it('counts InetOrgPerson objects among the users when the export tells each objectClass, and leaves them unknown when it does not', async () => {
    const { db, dir } = await testWorkshop();
    const rows = [user('A', SALES), user('B', SALES, { ObjectClass: 'inetOrgPerson' }), user('C', IT, { ObjectClass: 'inetOrgPerson' })];
    await runImport(db, [writeFixture(dir, 'u.csv', exportCsv(USER_COLUMNS, rows, { edition: '5.1' }))]);
    expect(readInventory(db).domains.find((d) => d.domain === 'corp.contoso.com')).toMatchObject({ users: 3, inetOrgPersons: 2 });

    const other = await testWorkshop();
    await runImport(other.db, [samples('adrecon-sos-labs')]);
    expect(readInventory(other.db).domains[0]?.inetOrgPersons).toBeNull();
  });

  it('reports cells holding a type name as values lost in export and never stores them', async () => {
    const { db, dir } = await testWorkshop();
    const lost = 'Microsoft.ActiveDirectory.Management.ADPropertyValueCollection';
    const rows = [user('A', SALES, { proxyAddresses: lost }), user('B', SALES, { proxyAddresses: lost })];
    const summary = await runImport(db, [writeFixture(dir, 'u.csv', exportCsv(USER_COLUMNS, rows, { edition: '5.1' }))]);
    const warning = summary.files[0]?.warnings.find((w) => w.message.includes('values lost in export'));
    expect(warning).toMatchObject({ line: 3, column: expect.any(Number) });
    expect(warning?.message).toContain('column proxyAddresses: 2 cells hold "Microsoft.ActiveDirectory.Management.ADPropertyValueCollection"');
    expect(warning?.message).toContain('re-export with -join');
    const checks = readInventory(db).hygiene.map((h) => h.check);
    expect(checks).not.toContain('duplicate-proxy-address');
    expect(checks).toContain('duplicate-upn');

    const forest = exportCsv(
      ['Name', 'ForestMode', 'RootDomain', 'Domains', 'UPNSuffixes'],
      [{ Name: 'contoso.com', ForestMode: 'Windows2016Forest', RootDomain: 'contoso.com', Domains: 'System.Object[]', UPNSuffixes: 'System.String[]' }],
      { edition: '5.1', typeName: 'Microsoft.ActiveDirectory.Management.ADForest' },
    );
    const forestSummary = await runImport(db, [writeFixture(dir, 'forest.csv', forest)]);
    expect(forestSummary.files[0]?.warnings.filter((w) => w.message.includes('values lost'))).toHaveLength(2);
    expect(readInventory(db).forests.find((f) => f.forest === 'contoso.com')?.functionalLevel).toBe('Windows2016Forest');
  });

  it('reads Get-ADForest, Get-ADDomain, Get-ADOrganizationalUnit, Get-ADGroup with member counts, Get-ADComputer and Get-ADTrust', async () => {
    const { db, dir } = await testWorkshop();
    const ps = (typeName: string): ExportCsvOptions => ({ edition: '5.1', typeName: `Microsoft.ActiveDirectory.Management.${typeName}` });
    const files = [
      writeFixture(dir, 'forest.csv', exportCsv(['Name', 'ForestMode', 'RootDomain', 'Domains', 'UPNSuffixes'], [{ Name: 'contoso.com', ForestMode: 'Windows2016Forest', RootDomain: 'contoso.com', Domains: 'contoso.com;corp.contoso.com', UPNSuffixes: 'contoso.com;fabrikam.com' }], ps('ADForest'))),
      writeFixture(dir, 'domain.csv', exportCsv(['DistinguishedName', 'DNSRoot', 'DomainMode', 'Forest', 'NetBIOSName'], [{ DistinguishedName: 'DC=corp,DC=contoso,DC=com', DNSRoot: 'corp.contoso.com', DomainMode: 'Windows2016Domain', Forest: 'contoso.com', NetBIOSName: 'CORP' }], ps('ADDomain'))),
      writeFixture(dir, 'ous.csv', exportCsv(['City', 'DistinguishedName', 'LinkedGroupPolicyObjects', 'Name', 'ObjectClass', 'ObjectGUID'], [{ City: null, DistinguishedName: 'OU=Empty,DC=corp,DC=contoso,DC=com', LinkedGroupPolicyObjects: '', Name: 'Empty', ObjectClass: 'organizationalUnit', ObjectGUID: 'x' }], ps('ADOrganizationalUnit'))),
      writeFixture(dir, 'groups.csv', exportCsv(['DistinguishedName', 'GroupCategory', 'GroupScope', 'Name', 'ObjectClass', 'MemberCount'], [
        { DistinguishedName: `CN=All,${SALES}`, GroupCategory: 'Security', GroupScope: 'Global', Name: 'All', ObjectClass: 'group', MemberCount: '51000' },
        { DistinguishedName: `CN=Few,${SALES}`, GroupCategory: 'Security', GroupScope: 'Global', Name: 'Few', ObjectClass: 'group', MemberCount: '3' },
      ], { edition: '7' })),
      writeFixture(dir, 'computers.csv', exportCsv(['DistinguishedName', 'DNSHostName', 'Enabled', 'Name', 'ObjectClass'], [{ DistinguishedName: 'CN=PC1,OU=Workstations,DC=corp,DC=contoso,DC=com', DNSHostName: 'pc1.corp.contoso.com', Enabled: 'True', Name: 'PC1', ObjectClass: 'computer' }], { edition: '7' })),
      writeFixture(dir, 'trusts.csv', exportCsv(['Direction', 'ForestTransitive', 'Name', 'Source', 'Target', 'TrustType'], [{ Direction: 'BiDirectional', ForestTransitive: 'True', Name: 'fabrikam.com', Source: 'DC=contoso,DC=com', Target: 'fabrikam.com', TrustType: 'Uplevel' }], ps('ADTrust'))),
    ];
    const summary = await runImport(db, files);
    expect(summary.files.map((f) => [f.kind, f.source])).toEqual([
      ['ad-forest', 'Export-Csv (Get-ADForest)'],
      ['ad-domain', 'Export-Csv (Get-ADDomain)'],
      ['ad-ous', 'Export-Csv (Get-ADOrganizationalUnit)'],
      ['ad-groups', 'Export-Csv (Get-ADGroup)'],
      ['ad-computers', 'Export-Csv (Get-ADComputer)'],
      ['ad-trusts', 'Export-Csv (Get-ADTrust)'],
    ]);
    const inventory = readInventory(db);
    expect(inventory.domains.map((d) => [d.domain, d.forest, d.netbios, d.groups, d.computers, d.largestGroupMembers, d.upnSuffixes])).toEqual([
      ['contoso.com', 'contoso.com', null, null, null, null, ['contoso.com', 'fabrikam.com']],
      ['corp.contoso.com', 'contoso.com', 'CORP', 2, 1, 51000, ['contoso.com', 'fabrikam.com']],
    ]);
    expect(inventory.ous.map((o) => [o.distinguishedName, o.groups, o.computers])).toEqual([
      ['OU=Empty,DC=corp,DC=contoso,DC=com', 0, 0],
      [SALES, 2, 0],
      ['OU=Workstations,DC=corp,DC=contoso,DC=com', 0, 1],
    ]);
    expect(inventory.trusts).toEqual([{ source: 'contoso.com', target: 'fabrikam.com', direction: 'bidirectional', trustType: 'Uplevel', forestTransitive: true }]);
  });

  it('counts contacts from a Get-ADObject export by objectClass and skips other classes with a warning', async () => {
    const { db, dir } = await testWorkshop();
    const rows = [
      { DistinguishedName: `CN=Ext,${SALES}`, Name: 'Ext', ObjectClass: 'contact' },
      { DistinguishedName: `CN=Svc,${SALES}`, Name: 'Svc', ObjectClass: 'msDS-GroupManagedServiceAccount' },
    ];
    const summary = await runImport(db, [writeFixture(dir, 'o.csv', exportCsv(['DistinguishedName', 'Name', 'ObjectClass'], rows, { edition: '5.1', typeName: 'Microsoft.ActiveDirectory.Management.ADObject' }))]);
    expect(summary.files[0]?.warnings.map((w) => w.message)).toContain('1 row of objectClass msds-groupmanagedserviceaccount skipped: only users, groups, contacts and computers are counted');
    expect(readInventory(db).domains[0]).toMatchObject({ contacts: 1, users: null });
  });

  it('replaces a domain\'s counts, and its OUs\', with a later export of the same domain', async () => {
    const { db, dir } = await testWorkshop();
    const first = [user('A', SALES), user('B', SALES), user('C', IT)];
    await runImport(db, [writeFixture(dir, 'u1.csv', exportCsv(USER_COLUMNS, first, { edition: '7' }))]);
    await runImport(db, [writeFixture(dir, 'g.csv', exportCsv(['DistinguishedName', 'GroupScope'], [{ DistinguishedName: `CN=G,${IT}`, GroupScope: 'Global' }], { edition: '7' }))]);
    const later = [user('A', SALES), user('D', 'OU=New,DC=corp,DC=contoso,DC=com')];
    await runImport(db, [writeFixture(dir, 'u2.csv', exportCsv(USER_COLUMNS, later, { edition: '7' }))]);
    const inventory = readInventory(db);
    expect(inventory.domains[0]).toMatchObject({ users: 2, groups: 1 });
    expect(inventory.ous.map((o) => [o.distinguishedName, o.users, o.groups])).toEqual([
      [IT, 0, 1],
      // New since the groups export: its group count is unknown, not 0.
      ['OU=New,DC=corp,DC=contoso,DC=com', 1, null],
      [SALES, 1, 0],
    ]);
  });

  it('counts an object once when two files of one import hold it, and says so', async () => {
    const { db, dir } = await testWorkshop();
    const content = exportCsv(USER_COLUMNS, [user('A', SALES)], { edition: '7' });
    const summary = await runImport(db, [writeFixture(dir, 'a.csv', content), writeFixture(dir, 'b.csv', content)]);
    expect(summary.files[1]?.warnings.map((w) => w.message)).toContain('1 row skipped: the same distinguished name was already counted in this import');
    expect(readInventory(db).domains[0]?.users).toBe(1);
  });

  it('refuses a PowerShell 7 -UseQuotes Never export whose values hold the delimiter, at the first extra field', async () => {
    const { db, dir } = await testWorkshop();
    const file = writeFixture(dir, 'u.csv', exportCsv(USER_COLUMNS, [user('A', SALES)], { edition: '7', useQuotes: 'Never' }));
    const error = await rejection(runImport(db, [file]));
    expect(error.location).toMatchObject({ file, line: 2, column: expect.any(Number) });
    expect(error.message).toContain("more fields than the header's 12");
  });

  it('refuses a distinguished name without DC components at its line and column', async () => {
    const { db, dir } = await testWorkshop();
    const file = writeFixture(dir, 'u.csv', exportCsv(USER_COLUMNS, [user('A', SALES), user('B', 'OU=Nowhere')], { edition: '5.1', noTypeInformation: true }));
    const error = await rejection(runImport(db, [file]));
    expect(error.location).toEqual({ file, line: 3, column: 1 });
    expect(error.message).toContain('has no DC= components');
  });
});

describe('runImport: sources combined', () => {
  const ouExport = (dns: string[]) =>
    exportCsv(
      ['DistinguishedName', 'LinkedGroupPolicyObjects', 'Name', 'ObjectClass', 'ObjectGUID'],
      dns.map((dn) => ({ DistinguishedName: dn, LinkedGroupPolicyObjects: '', Name: 'x', ObjectClass: 'organizationalUnit', ObjectGUID: 'g' })),
      { edition: '5.1', typeName: 'Microsoft.ActiveDirectory.Management.ADOrganizationalUnit' },
    );

  it('gives every OU of a Connect-synced domain its scope from the OU filter, now and in later imports', async () => {
    const { db, dir } = await testWorkshop();
    const ous = writeFixture(dir, 'ous.csv', ouExport(['OU=CORP,DC=contoso,DC=com', 'OU=Users,OU=CORP,DC=contoso,DC=com', 'OU=Other,DC=contoso,DC=com']));
    await runImport(db, [samples('aadconnect-contoso'), ous]);
    const scope = () => Object.fromEntries(readInventory(db).ous.map((o) => [o.distinguishedName, o.inConnectScope]));
    expect(scope()).toEqual({
      'OU=CORP,DC=contoso,DC=com': true,
      'OU=Users,OU=CORP,DC=contoso,DC=com': true,
      'OU=Other,DC=contoso,DC=com': false,
    });
    await runImport(db, [writeFixture(dir, 'later.csv', ouExport(['OU=Sales,OU=CORP,DC=contoso,DC=com', 'OU=Legacy,DC=contoso,DC=com']))]);
    expect(scope()).toMatchObject({ 'OU=Sales,OU=CORP,DC=contoso,DC=com': true, 'OU=Legacy,DC=contoso,DC=com': false });
    // An explicit template value is kept.
    await runImport(db, [writeFixture(dir, 'ous-template.csv', 'distinguished_name,in_connect_scope\n"OU=Legacy,DC=contoso,DC=com",yes\n')]);
    expect(scope()['OU=Legacy,DC=contoso,DC=com']).toBe(true);
  });

  it('puts a domain without a forest column into the forest that lists it', async () => {
    const { db, dir } = await testWorkshop();
    const forest = exportCsv(['Name', 'ForestMode', 'Domains'], [{ Name: 'contoso.com', ForestMode: 'Windows2016Forest', Domains: 'contoso.com;emea.contoso.com' }], { edition: '7' });
    const users = exportCsv(USER_COLUMNS, [user('A', 'OU=Staff,DC=emea,DC=contoso,DC=com')], { edition: '7' });
    await runImport(db, [writeFixture(dir, 'forest.csv', forest), writeFixture(dir, 'users.csv', users)]);
    expect(readInventory(db).domains.map((d) => [d.domain, d.forest, d.users])).toEqual([
      ['contoso.com', 'contoso.com', null],
      ['emea.contoso.com', 'contoso.com', 1],
    ]);
  });

  it('takes a folder holding an ADRecon report (its CSV-Files folder) and a Connect export folder', async () => {
    const { db } = await testWorkshop();
    const estate = tempDir();
    cpSync(samples('adrecon-sos-labs'), join(estate, 'ADRecon-Report-20180828223537', 'CSV-Files'), { recursive: true });
    cpSync(samples('aadconnect-contoso'), join(estate, 'connect'), { recursive: true });
    const summary = await runImport(db, [estate, join(estate, 'ADRecon-Report-20180828223537')]);
    expect(summary.files.filter((f) => f.kind === 'connect-export')).toHaveLength(1);
    expect(summary.files.filter((f) => f.kind === 'ad-users')).toHaveLength(1);
    expect(readInventory(db).forests.map((f) => f.forest)).toEqual(['contoso.com', 'sos.labs']);
  });

  it('moves a domain from the forest of its own name to the forest that lists it later', async () => {
    const { db, dir } = await testWorkshop();
    await runImport(db, [writeFixture(dir, 'users.csv', exportCsv(USER_COLUMNS, [user('A', 'OU=Staff,DC=emea,DC=contoso,DC=com')], { edition: '7' }))]);
    expect(readInventory(db).forests.map((f) => f.forest)).toEqual(['emea.contoso.com']);
    const forest = exportCsv(['Name', 'ForestMode', 'Domains'], [{ Name: 'contoso.com', ForestMode: 'Windows2016Forest', Domains: 'contoso.com;emea.contoso.com' }], { edition: '7' });
    const summary = await runImport(db, [writeFixture(dir, 'forest.csv', forest)]);
    const inventory = readInventory(db);
    expect(inventory.forests.map((f) => f.forest)).toEqual(['contoso.com']);
    expect(inventory.domains.map((d) => [d.domain, d.forest, d.users])).toEqual([
      ['contoso.com', 'contoso.com', null],
      ['emea.contoso.com', 'contoso.com', 1],
    ]);
    expect(inventory.ous.map((o) => o.domain)).toEqual(['emea.contoso.com']);
    expect(summary.changes.forests).toBe(1);
  });

  it('warns when ADRecon group members cannot be given a domain, and imports the rest', async () => {
    const { db } = await testWorkshop();
    const summary = await runImport(db, [samples('adrecon-sos-labs/GroupMembers.csv')]);
    expect(summary.files[0]?.warnings.map((w) => w.message)).toContain(
      'the domain of these groups is unknown (the file has no distinguished names); import it together with the Domain.csv or Groups.csv of the same ADRecon folder',
    );
    expect(readInventory(db).domains).toEqual([]);
  });

  it('reads template booleans as true/false, yes/no, 1/0 in any case, and counts with thousands separators', async () => {
    const { db, dir } = await testWorkshop();
    await runImport(db, [
      writeFixture(dir, 'f.csv', 'forest,password_hash_sync,federation,seamless_sso,device_writeback\nx.com,YES,no,1,\n'),
      writeFixture(dir, 'd.csv', 'domain,users,groups,computers\nx.com,"1,250,000",1.500,12 000\n'),
    ]);
    const inventory = readInventory(db);
    expect(inventory.forests[0]?.features).toMatchObject({ password_hash_sync: true, federation: false, seamless_sso: true, device_writeback: null });
    expect(inventory.domains[0]).toMatchObject({ users: 1_250_000, groups: 1500, computers: 12_000 });
  });
});
