import type { ConnectServer, Features } from '../../../shared/model/inventory.js';
import { UserError } from '../../../shared/result.js';
import type { ImportWarning } from '../../../shared/import/summary.js';
import { readConnector, type AdConnector, type Connector, type EntraConnector, type OtherConnector } from './connectors.js';
import { exportLayout } from './export-folder.js';
import { forestFeatures, serverFeatures, sourceAnchorOf, type ServerFeatures } from './features.js';
import { PARAM, readGlobalSettings, type GlobalSettings } from './global-settings.js';
import { forestScope } from './ou-scope.js';
import { changesJoins, isCustomInUse, isPilotNoFlowRule, readSyncRule, valueFilteringRules, type SyncRule } from './sync-rules.js';
import { readXmlFile, readXmlFiles } from './xml-file.js';

export { isConnectExportFolder } from './export-folder.js';

export interface ConnectExportForest {
  /** Lower-case DNS name. */
  forest: string;
  sourceAnchor: 'ms-DS-ConsistencyGuid' | 'objectGUID' | 'other' | null;
  /** Only what the export tells; an absent feature is unknown, never "no". */
  features: Partial<Features>;
  /**
   * Container filter DNs as written. As in Connect, the most specific entry decides: excluding a
   * domain root while including one of its OUs syncs only that OU. A domain the connector does not
   * sync at all appears here as an excluded domain root.
   */
  includedOus: string[];
  excludedOus: string[];
}

export interface ConnectExport {
  server: ConnectServer;
  forests: ConnectExportForest[];
  customRuleNames: string[];
  warnings: ImportWarning[];
}

/**
 * MV.xml's root element names the server it was exported on. Should it be missing, the Entra
 * connector's service account still carries the name: Connect creates it as
 * Sync_<server>_<12 hex digits>@<tenant>, and server names cannot contain "@".
 */
function serverName(fromMetaverse: string | null, entra: EntraConnector | undefined): string | null {
  if (fromMetaverse) return fromMetaverse;
  const match = /^Sync_(.+)_[0-9a-f]{12}@/i.exec(entra?.serviceAccount ?? '');
  return match?.[1] ?? null;
}

async function readConnectors(paths: readonly string[], warnings: ImportWarning[]): Promise<Connector[]> {
  const connectors: Connector[] = [];
  for (const file of await readXmlFiles(paths)) {
    const connector = readConnector(file, warnings);
    if (connector) connectors.push(connector);
    else warnings.push({ file: file.path, message: 'not a connector definition (no <ma-data> element); ignored' });
  }
  return connectors;
}

async function readRules(folder: string, paths: readonly string[], warnings: ImportWarning[]): Promise<SyncRule[]> {
  const rules: SyncRule[] = [];
  for (const file of await readXmlFiles(paths)) {
    const rule = readSyncRule(file);
    if (rule) rules.push(rule);
    else warnings.push({ file: file.path, message: 'not a synchronization rule (no <synchronizationRule> element); ignored' });
  }
  if (rules.length === 0) {
    warnings.push({
      file: folder,
      message: 'the SynchronizationRules/ folder holds no rules: rule counts and custom rules are unknown',
    });
  }
  const disabledCustom = rules.filter((r) => !r.standard && r.disabled);
  if (disabledCustom.length > 0) {
    warnings.push({
      file: disabledCustom[0]?.file ?? folder,
      message: `disabled custom rules are not counted as in use: ${disabledCustom.map((r) => r.name).join(', ')}`,
    });
  }
  return rules;
}

function readForests(
  adConnectors: readonly AdConnector[],
  settings: GlobalSettings,
  server: ServerFeatures,
  rules: readonly SyncRule[],
): ConnectExportForest[] {
  const byForest = new Map<string, AdConnector[]>();
  for (const connector of adConnectors) byForest.set(connector.forest, [...(byForest.get(connector.forest) ?? []), connector]);
  const context = {
    settings,
    server,
    forestCount: byForest.size,
    adConnectorIds: new Set(adConnectors.map((c) => c.id)),
    rules: rules.length > 0 ? rules : null,
    valueFiltering: valueFilteringRules(rules),
  };
  const sourceAnchor = sourceAnchorOf(settings);

  return [...byForest].map(([forest, connectors]) => {
    const features: Partial<Features> = {};
    for (const connector of connectors) {
      // Two connectors for one forest are unusual; a feature either of them uses is in use.
      for (const [name, value] of Object.entries(forestFeatures({ ...context, connector })) as [keyof Features, boolean][]) {
        features[name] = (features[name] ?? false) || value;
      }
    }
    const { includedOus, excludedOus } = forestScope(forest, connectors);
    return { forest, sourceAnchor, features, includedOus, excludedOus };
  });
}

export async function readConnectExport(folder: string): Promise<ConnectExport> {
  const layout = await exportLayout(folder);
  const warnings: ImportWarning[] = [];
  const settings = readGlobalSettings(await readXmlFile(layout.metaverse), warnings);

  const connectors = await readConnectors(layout.connectors, warnings);
  const adConnectors = connectors.filter((c): c is AdConnector => c.kind === 'ad');
  const entra = connectors.find((c): c is EntraConnector => c.kind === 'entra');
  if (adConnectors.length === 0) {
    warnings.push({
      file: layout.connectors[0] ?? folder,
      message: 'the export has no Active Directory connector, so no forest was found',
    });
  }
  const server = serverName(settings.server, entra);
  if (!server) {
    const message = 'the export does not say which server it was taken on (no server attribute in MV.xml)';
    throw new UserError('bad-connect-export', message, { file: settings.file.path });
  }
  const rules = await readRules(folder, layout.rules, warnings);

  const version = settings.text(PARAM.version) || null;
  if (!version) settings.warn(PARAM.version, `${PARAM.version} is missing: the Connect version is unknown`);
  const staging = settings.flag(PARAM.stagingMode);
  if (staging === undefined) settings.warn(PARAM.stagingMode, 'the export does not say whether the server is in staging mode');
  if (settings.flag(PARAM.appAndAttributeFilter)) {
    settings.warn(
      PARAM.appAndAttributeFilter,
      'Entra app and attribute filtering is on: some attributes are not exported to Entra; ' +
        'check which before moving to Cloud Sync',
    );
  }

  const features = serverFeatures(settings, version, entra);
  const forests = readForests(adConnectors, settings, features, rules);
  const customRules = rules.filter(isCustomInUse);
  const nonAd = connectors.filter((c): c is OtherConnector => c.kind === 'other' && c.type !== '');
  const ruleCount = (count: number): number | null => (rules.length > 0 ? count : null);

  return {
    server: {
      server,
      forests: forests.map((f) => f.forest),
      tenant: entra?.tenant ?? null,
      version,
      mode: staging === undefined ? null : staging ? 'staging' : 'active',
      os: null,
      database: null,
      standardRules: ruleCount(rules.filter((r) => r.standard).length),
      customRules: ruleCount(customRules.length),
      disabledRules: ruleCount(rules.filter((r) => r.disabled).length),
      signOnMethod: features.signOnMethod,
      scopes: forests.map((f) => ({ forest: f.forest, includedOus: [...f.includedOus], excludedOus: [...f.excludedOus] })),
      pilotNoFlowRules: ruleCount(rules.filter(isPilotNoFlowRule).length),
      joinRules: ruleCount(rules.filter(changesJoins).length),
      nonAdConnectors: nonAd.map((c) => ({ name: c.name, type: c.type })),
      syncsUserType: rules.length > 0 ? rules.some((r) => !r.disabled && r.destinations.includes('usertype')) : null,
    },
    forests,
    customRuleNames: customRules.map((r) => r.name),
    warnings,
  };
}
