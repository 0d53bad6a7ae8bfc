import { describe, expect, it } from 'vitest';
import { connectorKey, readConnector, type AdConnector } from './connectors.js';
import { forestScope } from './ou-scope.js';
import type { ImportWarning } from '../../../shared/import/summary.js';
import { parseXmlText } from './xml-file.js';

const partition = (dn: string, selected: boolean, included: string[], excluded: string[], isDomain = '1') => `<partition>
  <name>${dn}</name><selected>${selected ? 1 : 0}</selected>
  <filter><object-classes><object-class>user</object-class></object-classes>
    <containers><exclusions>${excluded.map((e) => `<exclusion>${e}</exclusion>`).join('')}</exclusions>
    <inclusions>${included.map((i) => `<inclusion>${i}</inclusion>`).join('')}</inclusions></containers></filter>
  <custom-data><adma-partition-data><is-domain>${isDomain}</is-domain></adma-partition-data></custom-data>
</partition>`;

function adConnectorXml(partitions: string[], groupFilter = '<parameter name="Connector.GroupFilteringGroupDn" type="string" />'): string {
  return `<ma-data><id>{AE4DB4CC-B16B-4EB2-ACF5-837CA84E4D7D}</id><name>Fabrikam.com</name><category>AD</category>
  <private-configuration><adma-configuration><forest-name>Fabrikam.com</forest-name>
    <password-hash-sync-config><enabled>1</enabled></password-hash-sync-config>
    <parameter-values>${groupFilter}</parameter-values></adma-configuration></private-configuration>
  <ma-partition-data>${partitions.join('')}</ma-partition-data></ma-data>`;
}

function read(text: string, warnings: ImportWarning[] = []) {
  return readConnector(parseXmlText('connector.xml', text), warnings);
}

describe('readConnector', () => {
  it('reads an AD connector: forest, domain partitions, group filter, hash sync', () => {
    const connector = read(
      adConnectorXml(
        [
          partition('DC=fabrikam,DC=com', true, ['OU=Staff,DC=fabrikam,DC=com'], []),
          partition('DC=DomainDnsZones,DC=fabrikam,DC=com', false, [], [], '0'),
        ],
        '<parameter name="Connector.GroupFilteringGroupDn" type="string">CN=Sync,DC=fabrikam,DC=com</parameter>',
      ),
    );
    expect(connector).toMatchObject({
      kind: 'ad',
      id: 'ae4db4cc-b16b-4eb2-acf5-837ca84e4d7d',
      forest: 'fabrikam.com',
      groupFilterDn: 'CN=Sync,DC=fabrikam,DC=com',
      passwordHashSync: true,
      partitions: [{ dn: 'DC=fabrikam,DC=com', selected: true, included: ['OU=Staff,DC=fabrikam,DC=com'], excluded: [], objectClasses: ['user'] }],
    });
  });

  it('warns about an OU filter entry that is not a DN', () => {
    const warnings: ImportWarning[] = [];
    read(adConnectorXml([partition('DC=fabrikam,DC=com', true, ['Staff'], [])]), warnings);
    expect(warnings).toEqual([{ file: 'connector.xml', line: 9, message: expect.stringContaining('"Staff" is not a valid DN') }]);
  });

  it('reads the Entra connector tenant from its service account, else from its name', () => {
    const entra = (userName: string) => `<ma-data><id>{B891884F-051E-4A83-95AF-2544101C9083}</id><name>fabrikam.onmicrosoft.com - AAD</name>
      <category>Extensible2</category><subtype>Windows Azure Active Directory (Microsoft)</subtype>
      <private-configuration><MAConfig><parameter-values>${userName}</parameter-values>
      <aad-password-reset-config><enabled>1</enabled></aad-password-reset-config></MAConfig></private-configuration></ma-data>`;
    expect(read(entra('<parameter name="UserName">Sync_SRV1_0123456789ab@Fabrikam.onmicrosoft.com</parameter>'))).toMatchObject({
      kind: 'entra',
      tenant: 'fabrikam.onmicrosoft.com',
      serviceAccount: 'Sync_SRV1_0123456789ab@Fabrikam.onmicrosoft.com',
      passwordWriteback: true,
    });
    expect(read(entra(''))).toMatchObject({ kind: 'entra', tenant: 'fabrikam.onmicrosoft.com', serviceAccount: null });
  });

  it('keeps other connectors as such and ignores files that are not connectors', () => {
    const warnings: ImportWarning[] = [];
    expect(read('<ma-data><id>{1}</id><name>HR</name><category>Extensible2</category><subtype>Generic SQL (Microsoft)</subtype></ma-data>', warnings)).toEqual({
      kind: 'other',
      id: '1',
      name: 'HR',
      type: 'Generic SQL (Microsoft)',
    });
    expect(warnings[0]?.message).toContain('"HR" (Extensible2) is neither Active Directory nor Entra');
    expect(read('<synchronizationRule />')).toBeUndefined();
  });

  it('matches connector ids whatever their case and braces', () => {
    expect(connectorKey('{AE4DB4CC-B16B}')).toBe(connectorKey('ae4db4cc-b16b'));
  });
});

describe('forestScope', () => {
  it('turns an unselected domain into an excluded root and drops duplicate DNs', () => {
    const connector = read(
      adConnectorXml([
        partition('DC=fabrikam,DC=com', true, ['OU=Staff,DC=fabrikam,DC=com', 'ou=staff,dc=FABRIKAM,dc=com'], ['DC=fabrikam,DC=com']),
        partition('DC=emea,DC=fabrikam,DC=com', false, ['DC=emea,DC=fabrikam,DC=com'], []),
      ]),
    ) as AdConnector;
    expect(forestScope('fabrikam.com', [connector])).toEqual({
      forest: 'fabrikam.com',
      includedOus: ['OU=Staff,DC=fabrikam,DC=com'],
      excludedOus: ['DC=fabrikam,DC=com', 'DC=emea,DC=fabrikam,DC=com'],
    });
  });
});
