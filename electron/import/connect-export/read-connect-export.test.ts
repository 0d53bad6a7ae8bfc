import { mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/result.js';
import { isConnectExportFolder, readConnectExport, type ConnectExport } from './read-connect-export.js';

/** The shared samples sit beside the checkout, both here and in CI. */
const SAMPLE = fileURLToPath(new URL('../../../../shared/samples/aadconnect-contoso', import.meta.url));
const AD_CONNECTOR = 'Connectors/Connector_{ae4db4cc-b16b-4eb2-acf5-837ca84e4d7d}.xml';
const USER_JOIN_RULE = 'SynchronizationRules/SynchronizationRule_{0b088913-b613-4d9d-9563-9988b7719ed6}.xml';
const MV = 'GlobalSettings/MV.xml';

let work: string;
/** The sample's files without connector schemas (most of its bytes), so that each variant reads quickly. */
let slimFiles: Map<string, string>;
let sample: ConnectExport;
let variants = 0;

function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const next = text.replace(from, to);
  if (next === text) throw new Error(`fixture edit found nothing to replace: ${String(from)}`);
  return next;
}

/** Writes the slim sample to a new folder, each edit applied to its file ("" for a file to add). */
async function variant(...edits: [file: string, edit: (text: string) => string][]): Promise<string> {
  const dir = join(work, `variant-${++variants}`);
  const files = new Map(slimFiles);
  for (const [file, edit] of edits) files.set(file, edit(files.get(file) ?? ''));
  await Promise.all(['Connectors', 'GlobalSettings', 'SynchronizationRules'].map((sub) => mkdir(join(dir, sub), { recursive: true })));
  await Promise.all([...files].map(([file, text]) => writeFile(join(dir, file), text)));
  return dir;
}

const setParameter = (name: string, value: string) => (text: string) =>
  replaceOnce(text, new RegExp(`(name="${name.replace(/\./g, '\\.')}"[^>]*?)(?: />|>[^<]*</parameter>)`), `$1>${value}</parameter>`);

/** Adds a copy of the standard "In from AD - User Join" rule turned into a custom rule. */
function withCustomRule(edit: (text: string) => string = (t) => t): Promise<string> {
  const standard = slimFiles.get(USER_JOIN_RULE) ?? '';
  const custom = replaceOnce(
    replaceOnce(
      replaceOnce(standard, /<immutable-tag>[^<]*<\/immutable-tag>/, '<immutable-tag />'),
      '<name>In from AD - User Join</name>',
      '<name>In from AD - User Join (Contoso)</name>',
    ),
    /0b088913-b613-4d9d-9563-9988b7719ed6/g,
    '0b088913-0000-0000-0000-000000000001',
  );
  return variant(['SynchronizationRules/SynchronizationRule_{custom}.xml', () => edit(custom)]);
}

async function failure(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'syncplan-connect-export-'));
  const entries = await readdir(SAMPLE, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => relative(SAMPLE, join(e.parentPath, e.name)).split(sep).join('/'));
  slimFiles = new Map(
    await Promise.all(
      files.map(async (file) => {
        const text = await readFile(join(SAMPLE, file), 'utf8');
        return [file, file.startsWith('Connectors') ? replaceOnce(text, /<schema>[\s\S]*<\/schema>/, '<schema />') : text] as const;
      }),
    ),
  );
  sample = await readConnectExport(SAMPLE);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the real Contoso export', () => {
  it('describes the Connect server', () => {
    expect(sample.server).toEqual({
      server: 'CONTOSO-SYNC01',
      forests: ['contoso.com'],
      tenant: 'contoso.onmicrosoft.com',
      version: '1.1.130.0',
      mode: 'active',
      os: null,
      database: null,
      standardRules: 62,
      customRules: 0,
      disabledRules: 0,
      signOnMethod: null,
      scopes: [{ forest: 'contoso.com', includedOus: ['OU=CORP,DC=contoso,DC=com'], excludedOus: ['DC=contoso,DC=com'] }],
      pilotNoFlowRules: 0,
      joinRules: 0,
      nonAdConnectors: [],
      syncsUserType: false,
    });
    expect(sample.customRuleNames).toEqual([]);
    expect(sample.warnings).toEqual([]);
  });

  it('describes the forest, its OU filter and source anchor', () => {
    expect(sample.forests).toHaveLength(1);
    const [forest] = sample.forests;
    expect(forest?.forest).toBe('contoso.com');
    expect(forest?.sourceAnchor).toBe('objectGUID');
    expect(forest?.includedOus).toEqual(['OU=CORP,DC=contoso,DC=com']);
    expect(forest?.excludedOus).toEqual(['DC=contoso,DC=com']);
  });

  it('reports the features the export tells and leaves the rest unknown', () => {
    expect(sample.forests[0]?.features).toEqual({
      password_hash_sync: false,
      exchange_hybrid_writeback: true,
      password_writeback: false,
      directory_extensions: false,
      device_sync: true,
      device_writeback: false,
      group_writeback_v1: false,
      group_writeback_v2: false,
      custom_sync_rules: false,
      attribute_filtering: false,
      group_filtering: false,
      cross_forest_references: false,
      merge_across_forests: false,
    });
    // No sign-on parameter in a 1.1.130.0 export: these stay unknown rather than "no".
    for (const name of ['pass_through_auth', 'federation', 'seamless_sso', 'entra_domain_services'] as const) {
      expect(sample.forests[0]?.features).not.toHaveProperty(name);
    }
  });

  it('reads the same from the slimmed copy the other tests edit', async () => {
    expect(await readConnectExport(await variant())).toEqual(sample);
  });
});

describe('isConnectExportFolder', () => {
  it('recognises the export by its three folders, whatever their case', async () => {
    expect(isConnectExportFolder(SAMPLE)).toBe(true);
    const dir = await variant();
    await rename(join(dir, 'GlobalSettings'), join(dir, 'globalsettings'));
    await rename(join(dir, 'Connectors'), join(dir, 'CONNECTORS'));
    expect(isConnectExportFolder(dir)).toBe(true);
    expect((await readConnectExport(dir)).server.server).toBe('CONTOSO-SYNC01');
  });

  it('rejects folders without them', async () => {
    const dir = await variant();
    await rm(join(dir, 'SynchronizationRules'), { recursive: true });
    expect(isConnectExportFolder(dir)).toBe(false);
    expect(isConnectExportFolder(join(work, 'does-not-exist'))).toBe(false);
    const error = await failure(readConnectExport(dir));
    expect(error.message).toContain('SynchronizationRules/ folder is missing');
  });
});

/** The manual pilot's rules (PILOT step 3): inbound Join flowing a constant into cloudNoFlow, outbound JoinNoFlow. */
const PILOT_IN = `<synchronizationRule><name>In from AD - User NoFlow</name><immutable-tag /><direction>Inbound</direction><disabled>False</disabled>
  <connector>{ae4db4cc-b16b-4eb2-acf5-837ca84e4d7d}</connector><linkType>Join</linkType><precedence>50</precedence>
  <attribute-mappings><mapping><dest>cloudNoFlow</dest><expression>True</expression></mapping></attribute-mappings>
  <synchronizationCriteria><conditions><scope><csAttribute>dn</csAttribute><csOperator>ENDSWITH</csOperator><csValue>OU=Pilot,DC=contoso,DC=com</csValue></scope></conditions></synchronizationCriteria>
</synchronizationRule>`;
const PILOT_OUT = `<synchronizationRule><name>Out to AAD - User NoFlow</name><immutable-tag /><direction>Outbound</direction><disabled>False</disabled>
  <connector>{b891884f-051e-4a83-95af-2544101c9083}</connector><linkType>JoinNoFlow</linkType><precedence>51</precedence>
  <attribute-mappings />
  <synchronizationCriteria><conditions><scope><csAttribute>cloudNoFlow</csAttribute><csOperator>EQUAL</csOperator><csValue>True</csValue></scope></conditions></synchronizationCriteria>
</synchronizationRule>`;

describe('pilot no-flow rules, non-AD connectors and userType', () => {
  it('counts the pilot no-flow rules apart: they are not the customer\'s custom rules', async () => {
    const dir = await variant(['SynchronizationRules/SynchronizationRule_{pilot-in}.xml', () => PILOT_IN], ['SynchronizationRules/SynchronizationRule_{pilot-out}.xml', () => PILOT_OUT]);
    const result = await readConnectExport(dir);
    expect(result.server).toMatchObject({ standardRules: 62, customRules: 0, pilotNoFlowRules: 2, joinRules: 0, syncsUserType: false, nonAdConnectors: [] });
    expect(result.forests[0]?.features).toMatchObject({ custom_sync_rules: false, attribute_filtering: false });
  });

  it('lists connectors to other sources and sees a userType flow', async () => {
    const sql = '<ma-data><id>{11111111-2222-3333-4444-555555555555}</id><name>HR</name><category>Extensible2</category><subtype>Generic SQL (Microsoft)</subtype></ma-data>';
    const dir = await variant(['Connectors/Connector_{hr}.xml', () => sql], [USER_JOIN_RULE, (t) => replaceOnce(t, '<attribute-mappings>', '<attribute-mappings><mapping><dest>userType</dest><expression>"Guest"</expression></mapping>')]);
    const result = await readConnectExport(dir);
    expect(result.server.nonAdConnectors).toEqual([{ name: 'HR', type: 'Generic SQL (Microsoft)' }]);
    expect(result.server.syncsUserType).toBe(true);
  });
});

describe('sync rules', () => {
  it('counts a rule with an empty immutable-tag as custom', async () => {
    const result = await readConnectExport(await withCustomRule());
    expect(result.server).toMatchObject({ standardRules: 62, customRules: 1, disabledRules: 0, pilotNoFlowRules: 0 });
    expect(result.customRuleNames).toEqual(['In from AD - User Join (Contoso)']);
    // A copy of a join rule brings its own join conditions: it changes how objects join.
    expect(result.server.joinRules).toBe(1);
    expect(result.forests[0]?.features).toMatchObject({ custom_sync_rules: true, attribute_filtering: false });
  });

  it('sees attribute filtering in a custom rule scoped on an attribute value', async () => {
    const noSync =
      '<scope><csAttribute>extensionAttribute15</csAttribute><csOperator>NOTEQUAL</csOperator><csValue>NoSync</csValue></scope>';
    const result = await readConnectExport(await withCustomRule((t) => replaceOnce(t, /(<synchronizationCriteria>\s*<conditions>)/, `$1${noSync}`)));
    expect(result.forests[0]?.features).toMatchObject({ custom_sync_rules: true, attribute_filtering: true });
  });

  it('does not count a disabled custom rule as in use', async () => {
    const result = await readConnectExport(await withCustomRule((t) => replaceOnce(t, '<disabled>False</disabled>', '<disabled>True</disabled>')));
    expect(result.server).toMatchObject({ standardRules: 62, customRules: 0, disabledRules: 1 });
    expect(result.forests[0]?.features.custom_sync_rules).toBe(false);
    expect(result.warnings.map((w) => w.message)).toEqual([expect.stringContaining('In from AD - User Join (Contoso)')]);
  });

  it('leaves rule counts unknown when the export holds no rules', async () => {
    const dir = await variant();
    await rm(join(dir, 'SynchronizationRules'), { recursive: true });
    await mkdir(join(dir, 'SynchronizationRules'));
    const result = await readConnectExport(dir);
    expect(result.server).toMatchObject({ standardRules: null, customRules: null, disabledRules: null });
    expect(result.forests[0]?.features).not.toHaveProperty('custom_sync_rules');
    expect(result.forests[0]?.features).not.toHaveProperty('attribute_filtering');
  });
});

describe('global settings and connectors', () => {
  it('reports staging mode', async () => {
    const result = await readConnectExport(await variant([MV, setParameter('Microsoft.Synchronize.StagingMode', 'True')]));
    expect(result.server.mode).toBe('staging');
  });

  it('reads the group filter of the real connector file', async () => {
    const result = await readConnectExport(
      await variant([AD_CONNECTOR, setParameter('Connector.GroupFilteringGroupDn', 'CN=Pilot,OU=CORP,DC=contoso,DC=com')]),
    );
    expect(result.forests[0]?.features.group_filtering).toBe(true);
  });

  it('takes the server name from the Entra service account when MV.xml lacks it', async () => {
    const result = await readConnectExport(await variant([MV, (t) => replaceOnce(t, "server='CONTOSO-SYNC01' ", '')]));
    expect(result.server.server).toBe('CONTOSO-SYNC01');
  });
});

describe('damaged exports', () => {
  it('names the file, line and column of malformed XML', async () => {
    const dir = await variant([USER_JOIN_RULE, (t) => replaceOnce(t, '<direction>Inbound</direction>', '<direction>Inbound</directoin>')]);
    const error = await failure(readConnectExport(dir));
    expect(error.code).toBe('bad-connect-export');
    expect(error.message).toMatch(/not well-formed XML/);
    // Line 8 is "  <direction>Inbound</directoin>": column 21 is where the wrong closing tag starts.
    expect(error.location).toEqual({ file: join(dir, USER_JOIN_RULE), line: 8, column: 21 });
  });

  it('says plainly that MV.xml is missing', async () => {
    const dir = await variant();
    await rm(join(dir, MV));
    const error = await failure(readConnectExport(dir));
    expect(error.code).toBe('bad-connect-export');
    expect(error.message).toContain('GlobalSettings/MV.xml is missing');
    expect(error.location?.file).toBe(join(dir, MV));
  });

  it('refuses an export that cannot name its server', async () => {
    const dir = await variant(
      [MV, (t) => replaceOnce(t, "server='CONTOSO-SYNC01' ", '')],
      ['Connectors/Connector_{b891884f-051e-4a83-95af-2544101c9083}.xml', (t) => replaceOnce(t, /Sync_CONTOSO-SYNC01_e3c03195e061@/, 'admin@')],
    );
    const error = await failure(readConnectExport(dir));
    expect(error.message).toContain('which server');
  });
});
