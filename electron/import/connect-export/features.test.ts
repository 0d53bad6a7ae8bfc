import { describe, expect, it } from 'vitest';
import type { AdConnector } from './connectors.js';
import { compareVersions, forestFeatures, serverFeatures, sourceAnchorOf, type ForestContext } from './features.js';
import { PARAM, readGlobalSettings } from './global-settings.js';
import type { ImportWarning } from '../../../shared/import/summary.js';
import { parseXmlText } from './xml-file.js';

function settingsWith(parameters: Record<string, string>, warnings: ImportWarning[] = []) {
  const lines = Object.entries(parameters).map(([name, value]) => `<parameter name="${name}" type="string">${value}</parameter>`);
  const text = `<saved-mv-configuration server='SYNC1'>\n<mv-data><parameter-values>\n${lines.join('\n')}\n</parameter-values></mv-data>\n</saved-mv-configuration>`;
  return readGlobalSettings(parseXmlText('MV.xml', text), warnings);
}

const adConnector = (overrides: Partial<AdConnector> = {}): AdConnector => ({
  kind: 'ad',
  id: 'ad1',
  name: 'contoso.com',
  forest: 'contoso.com',
  partitions: [{ dn: 'DC=contoso,DC=com', selected: true, included: [], excluded: [], objectClasses: ['user', 'computer'] }],
  groupFilterDn: '',
  passwordHashSync: undefined,
  ...overrides,
});

function featuresOf(
  parameters: Record<string, string>,
  connector: Partial<AdConnector> = {},
  context: Partial<ForestContext> = {},
  warnings: ImportWarning[] = [],
) {
  const settings = settingsWith(parameters, warnings);
  return forestFeatures({
    connector: adConnector(connector),
    settings,
    server: serverFeatures(settings, settings.text(PARAM.version) ?? null),
    forestCount: 1,
    adConnectorIds: new Set(['ad1']),
    rules: null,
    valueFiltering: new Set(),
    ...context,
  });
}

describe('sign-on method', () => {
  it.each([
    ['PassThroughAuthentication', { pass_through_auth: true, federation: false }],
    ['Federation', { pass_through_auth: false, federation: true }],
    ['PasswordHashSync', { pass_through_auth: false, federation: false }],
  ])('%s', (method, expected) => {
    expect(featuresOf({ [PARAM.signOnMethod]: method })).toMatchObject(expected);
    expect(serverFeatures(settingsWith({ [PARAM.signOnMethod]: method }), null).signOnMethod).toBe(method);
  });

  it('leaves pass-through and federation unknown when the wizard does not manage sign-in', () => {
    const features = featuresOf({ [PARAM.signOnMethod]: 'NotConfigured' });
    expect(features).not.toHaveProperty('pass_through_auth');
    expect(features).not.toHaveProperty('federation');
  });

  it('warns about a method it does not know, at its line', () => {
    const warnings: ImportWarning[] = [];
    const features = featuresOf({ [PARAM.version]: '2.4.18.0', [PARAM.signOnMethod]: 'Smartcards' }, {}, {}, warnings);
    expect(features).not.toHaveProperty('federation');
    expect(warnings).toEqual([{ file: 'MV.xml', line: 4, message: expect.stringContaining('"Smartcards"') }]);
  });

  it('reads seamless SSO', () => {
    expect(featuresOf({ [PARAM.seamlessSso]: 'True' }).seamless_sso).toBe(true);
    expect(featuresOf({})).not.toHaveProperty('seamless_sso');
  });
});

describe('group writeback', () => {
  it('can only be v1 before Connect 2.0.89.0', () => {
    const features = featuresOf({ [PARAM.version]: '1.6.16.0', [PARAM.groupWriteback]: 'True' });
    expect(features).toMatchObject({ group_writeback_v1: true, group_writeback_v2: false });
  });

  it('leaves v2 unknown on later versions, where the tenant decides', () => {
    const warnings: ImportWarning[] = [];
    const features = featuresOf({ [PARAM.version]: '2.3.20.0', [PARAM.groupWriteback]: 'True' }, {}, {}, warnings);
    expect(features.group_writeback_v1).toBe(true);
    expect(features).not.toHaveProperty('group_writeback_v2');
    expect(warnings[0]?.message).toContain('GroupWritebackV2');
  });

  it('is off for a forest other than its target', () => {
    const features = featuresOf({ [PARAM.groupWriteback]: 'True', [PARAM.groupWritebackForest]: 'fabrikam.com' });
    expect(features).toMatchObject({ group_writeback_v1: false, group_writeback_v2: false });
  });

  it('is unknown when the export does not mention it', () => {
    expect(featuresOf({})).not.toHaveProperty('group_writeback_v1');
  });
});

describe('per-forest features', () => {
  it('needs password hash sync both switched on and enabled on the connector', () => {
    expect(featuresOf({ [PARAM.passwordHashSync]: 'True' }, { passwordHashSync: true }).password_hash_sync).toBe(true);
    expect(featuresOf({ [PARAM.passwordHashSync]: 'True' }, { passwordHashSync: false }).password_hash_sync).toBe(false);
    expect(featuresOf({ [PARAM.passwordHashSync]: 'False' }, { passwordHashSync: true }).password_hash_sync).toBe(false);
    expect(featuresOf({}, { passwordHashSync: undefined })).not.toHaveProperty('password_hash_sync');
  });

  it('syncs devices only from a forest whose connector takes computers', () => {
    expect(featuresOf({ [PARAM.deviceSync]: 'True' }).device_sync).toBe(true);
    const usersOnly = [{ dn: 'DC=contoso,DC=com', selected: true, included: [], excluded: [], objectClasses: ['user'] }];
    expect(featuresOf({ [PARAM.deviceSync]: 'True' }, { partitions: usersOnly }).device_sync).toBe(false);
  });

  it('writes devices back only to the target forest', () => {
    expect(featuresOf({ [PARAM.deviceWriteback]: 'True', [PARAM.deviceWritebackForest]: 'Contoso.com' }).device_writeback).toBe(true);
    expect(featuresOf({ [PARAM.deviceWriteback]: 'True', [PARAM.deviceWritebackForest]: 'fabrikam.com' }).device_writeback).toBe(false);
  });

  it('sees group filtering on the connector, or falls back to the global switch', () => {
    expect(featuresOf({}, { groupFilterDn: 'CN=Pilot,DC=contoso,DC=com' }).group_filtering).toBe(true);
    expect(featuresOf({ [PARAM.groupFiltering]: 'True' }, { groupFilterDn: '' }).group_filtering).toBe(false);
    expect(featuresOf({ [PARAM.groupFiltering]: 'True' }, { groupFilterDn: undefined }).group_filtering).toBe(true);
  });

  it('rules out cross-forest features only when the server syncs one forest', () => {
    expect(featuresOf({})).toMatchObject({ cross_forest_references: false, merge_across_forests: false });
    expect(featuresOf({}, {}, { forestCount: 2 })).not.toHaveProperty('merge_across_forests');
  });

  it('reads custom rules on its own connector and on the Entra connector, not on other forests', () => {
    const rule = (connector: string) => ({ file: 'r.xml', name: 'r', connector, standard: false, disabled: false, scope: [], filterFlows: [], linkType: 'join', joinConditions: 0, destinations: ['department'] });
    const context = (connector: string) => ({ rules: [rule(connector)], adConnectorIds: new Set(['ad1', 'ad2']), forestCount: 2 });
    expect(featuresOf({}, {}, context('ad1')).custom_sync_rules).toBe(true);
    expect(featuresOf({}, {}, context('entra')).custom_sync_rules).toBe(true);
    expect(featuresOf({}, {}, context('ad2')).custom_sync_rules).toBe(false);
  });

  it('falls back to the Entra connector for password writeback', () => {
    const entra = { kind: 'entra', id: 'e', name: 'x - AAD', tenant: null, serviceAccount: null, passwordWriteback: true } as const;
    expect(serverFeatures(settingsWith({}), null, entra).common.password_writeback).toBe(true);
    expect(serverFeatures(settingsWith({ [PARAM.passwordWriteback]: 'False' }), null, entra).common.password_writeback).toBe(false);
  });

  it('warns about an unreadable flag and leaves it unknown', () => {
    const warnings: ImportWarning[] = [];
    expect(featuresOf({ [PARAM.hybridExchange]: 'Yes' }, {}, {}, warnings)).not.toHaveProperty('exchange_hybrid_writeback');
    expect(warnings).toEqual([{ file: 'MV.xml', line: 3, message: expect.stringContaining('expected True or False') }]);
  });
});

describe('helpers', () => {
  it('maps the source anchor', () => {
    expect(sourceAnchorOf(settingsWith({ [PARAM.sourceAnchor]: 'objectGUID' }))).toBe('objectGUID');
    expect(sourceAnchorOf(settingsWith({ [PARAM.sourceAnchor]: 'mS-DS-ConsistencyGuid' }))).toBe('ms-DS-ConsistencyGuid');
    expect(sourceAnchorOf(settingsWith({ [PARAM.sourceAnchor]: 'employeeID' }))).toBe('other');
    expect(sourceAnchorOf(settingsWith({}))).toBeNull();
  });

  it('compares dotted versions numerically', () => {
    expect(compareVersions('1.1.130.0', '2.0.89.0')).toBe(-1);
    expect(compareVersions('2.0.89', '2.0.89.0')).toBe(0);
    expect(compareVersions('2.0.100.0', '2.0.89.0')).toBe(1);
  });
});
