import type { Features } from '../../../shared/model/inventory.js';
import type { AdConnector, EntraConnector } from './connectors.js';
import { PARAM, type GlobalSettings, type ParamName } from './global-settings.js';
import { isCustomInUse, type SyncRule } from './sync-rules.js';

export type SourceAnchor = 'ms-DS-ConsistencyGuid' | 'objectGUID' | 'other' | null;

export function sourceAnchorOf(settings: GlobalSettings): SourceAnchor {
  const value = settings.text(PARAM.sourceAnchor);
  if (!value) return null;
  if (/^objectGUID$/i.test(value)) return 'objectGUID';
  if (/^ms-DS-ConsistencyGuid$/i.test(value)) return 'ms-DS-ConsistencyGuid';
  return 'other';
}

/** Dotted numeric versions ("1.1.130.0"); missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}

/** Group writeback v2 shipped (as a preview) with Connect 2.0.89.0; earlier servers can only run v1. */
const GROUP_WRITEBACK_V2_SINCE = '2.0.89.0';

export interface ServerFeatures {
  signOnMethod: string | null;
  /** Holds for every forest the server syncs. */
  common: Partial<Features>;
  groupWriteback: { v1?: boolean; v2?: boolean };
}

function signOnFeatures(method: string | null, settings: GlobalSettings): Partial<Features> {
  if (method === null || /^(NotConfigured|DoNotConfigure)$/i.test(method)) return {};
  if (/PassThrough/i.test(method)) return { pass_through_auth: true, federation: false };
  if (/Federat/i.test(method)) return { pass_through_auth: false, federation: true };
  if (/^PasswordHashSync$|^PasswordSync$/i.test(method)) return { pass_through_auth: false, federation: false };
  settings.warn(
    PARAM.signOnMethod,
    `sign-on method "${method}" is not one SyncPlan knows; pass-through and federation are left unknown`,
  );
  return {};
}

export function serverFeatures(settings: GlobalSettings, version: string | null, entra?: EntraConnector): ServerFeatures {
  const signOnMethod = settings.text(PARAM.signOnMethod) || null;
  const common: Partial<Features> = {
    exchange_hybrid_writeback: settings.flag(PARAM.hybridExchange),
    // The Entra connector keeps its own copy of the switch, for exports whose MV.xml predates the parameter.
    password_writeback: settings.flag(PARAM.passwordWriteback) ?? entra?.passwordWriteback,
    directory_extensions: settings.flag(PARAM.directoryExtensions),
    seamless_sso: settings.flag(PARAM.seamlessSso),
    ...signOnFeatures(signOnMethod, settings),
  };

  const groupWriteback = settings.flag(PARAM.groupWriteback);
  let writeback: ServerFeatures['groupWriteback'] = {};
  if (groupWriteback === false) writeback = { v1: false, v2: false };
  if (groupWriteback === true) {
    // v2 runs on top of the original writeback and is switched on in the tenant
    // (Set-ADSyncAADCompanyFeature -GroupWritebackV2), which the export does not record.
    const v2Possible = version === null || compareVersions(version, GROUP_WRITEBACK_V2_SINCE) >= 0;
    writeback = v2Possible ? { v1: true } : { v1: true, v2: false };
    if (v2Possible) {
      settings.warn(
        PARAM.groupWriteback,
        'group writeback is on, but the export cannot tell whether v2 is enabled: ' +
          'run Get-ADSyncAADCompanyFeature on the server and look at GroupWritebackV2',
      );
    }
  }
  return { signOnMethod, common, groupWriteback: writeback };
}

export interface ForestContext {
  connector: AdConnector;
  settings: GlobalSettings;
  server: ServerFeatures;
  forestCount: number;
  adConnectorIds: ReadonlySet<string>;
  /** Null when the export holds no rule files, so nothing can be said about rules. */
  rules: readonly SyncRule[] | null;
  valueFiltering: ReadonlySet<SyncRule>;
}

/** Writeback features name their target forest; an empty target means the only one the wizard offered. */
function targets(settings: GlobalSettings, name: ParamName, connector: AdConnector): boolean {
  const target = (settings.text(name) ?? '').toLowerCase();
  return target === '' || target === connector.forest || target === connector.name.toLowerCase();
}

const drop = (features: Partial<Features>): Partial<Features> =>
  Object.fromEntries(Object.entries(features).filter(([, v]) => v !== undefined)) as Partial<Features>;

export function forestFeatures(ctx: ForestContext): Partial<Features> {
  const { connector, settings, server } = ctx;

  const hashSyncOn = settings.flag(PARAM.passwordHashSync);
  // The global switch says whether the feature runs at all; each AD connector says whether its forest takes part.
  const passwordHashSync = hashSyncOn === false ? false : (connector.passwordHashSync ?? hashSyncOn);

  const classes = connector.partitions.filter((p) => p.selected).flatMap((p) => p.objectClasses.map((c) => c.toLowerCase()));
  const deviceSyncOn = settings.flag(PARAM.deviceSync);
  const deviceSync = deviceSyncOn && classes.length > 0 ? classes.includes('computer') : deviceSyncOn;

  const deviceWritebackOn = settings.flag(PARAM.deviceWriteback);
  const deviceWriteback =
    deviceWritebackOn && !targets(settings, PARAM.deviceWritebackForest, connector) ? false : deviceWritebackOn;
  const writeback = server.groupWriteback;
  const groupWriteback =
    writeback.v1 === true && !targets(settings, PARAM.groupWritebackForest, connector) ? { v1: false, v2: false } : writeback;

  // Rules on the Entra connector shape every forest's objects; rules on another AD connector do not.
  const rules = ctx.rules?.filter((r) => r.connector === connector.id || !ctx.adConnectorIds.has(r.connector));

  // One connected forest cannot reference or merge with another through this server.
  const acrossForests = ctx.forestCount === 1 ? false : undefined;

  return drop({
    ...server.common,
    password_hash_sync: passwordHashSync,
    device_sync: deviceSync,
    device_writeback: deviceWriteback,
    group_writeback_v1: groupWriteback.v1,
    group_writeback_v2: groupWriteback.v2,
    custom_sync_rules: rules?.some(isCustomInUse),
    attribute_filtering: rules?.some((r) => ctx.valueFiltering.has(r)),
    // The connector names its scoping group; the global switch only says that some connector has one.
    group_filtering: connector.groupFilterDn !== undefined ? connector.groupFilterDn !== '' : settings.flag(PARAM.groupFiltering),
    cross_forest_references: acrossForests,
    merge_across_forests: acrossForests,
  });
}
