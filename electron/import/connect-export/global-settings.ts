import { UserError } from '../../../shared/result.js';
import type { ImportWarning } from '../../../shared/import/summary.js';
import { attributeOf, element, parameterValues } from './xml-tree.js';
import { lineOf, type XmlFile } from './xml-file.js';

/** The global parameters Connect keeps beside the metaverse schema (Get-ADSyncGlobalSettings). */
export const PARAM = {
  version: 'Microsoft.Synchronize.ServerConfigurationVersion',
  stagingMode: 'Microsoft.Synchronize.StagingMode',
  sourceAnchor: 'Microsoft.SynchronizationOption.AnchorAttribute',
  passwordHashSync: 'Microsoft.OptionalFeature.PasswordHashSync',
  passwordWriteback: 'Microsoft.OptionalFeature.PasswordWriteback',
  hybridExchange: 'Microsoft.OptionalFeature.HybridExchange',
  deviceSync: 'Microsoft.OptionalFeature.DeviceWriteUp',
  deviceWriteback: 'Microsoft.OptionalFeature.DeviceWriteBack',
  deviceWritebackForest: 'Microsoft.DeviceWriteBack.Forest',
  groupWriteback: 'Microsoft.OptionalFeature.GroupWriteBack',
  groupWritebackForest: 'Microsoft.GroupWriteBack.Forest',
  directoryExtensions: 'Microsoft.OptionalFeature.DirectoryExtension',
  groupFiltering: 'Microsoft.OptionalFeature.GroupFiltering',
  appAndAttributeFilter: 'Microsoft.OptionalFeature.FilterAAD',
  signOnMethod: 'Microsoft.UserSignIn.SignOnMethod',
  seamlessSso: 'Microsoft.UserSignIn.DesktopSsoEnabled',
} as const;
export type ParamName = (typeof PARAM)[keyof typeof PARAM];

export class GlobalSettings {
  constructor(
    readonly file: XmlFile,
    /** The server the export was taken on, from the root element's `server` attribute. */
    readonly server: string | null,
    private readonly values: ReadonlyMap<string, string>,
    private readonly warnings: ImportWarning[],
  ) {}

  /** The parameter's text ("" when present but empty), or undefined when the export lacks it. */
  text(name: ParamName): string | undefined {
    return this.values.get(name.toLowerCase());
  }

  /** True/False parameters; undefined when absent or unreadable (with a warning for the latter). */
  flag(name: ParamName): boolean | undefined {
    const value = this.text(name);
    if (value === undefined) return undefined;
    if (/^true$/i.test(value)) return true;
    if (/^false$/i.test(value)) return false;
    this.warn(name, `${name} is "${value}", expected True or False; the feature is left unknown`);
    return undefined;
  }

  warn(name: ParamName, message: string): void {
    const line = lineOf(this.file.text, `"${name}"`) ?? lineOf(this.file.text, `'${name}'`);
    this.warnings.push(line === undefined ? { file: this.file.path, message } : { file: this.file.path, line, message });
  }
}

export function readGlobalSettings(file: XmlFile, warnings: ImportWarning[]): GlobalSettings {
  const root = element(file.doc, 'saved-mv-configuration');
  if (root === undefined) {
    throw new UserError('bad-connect-export', 'MV.xml does not hold a saved metaverse configuration (<saved-mv-configuration>)', {
      file: file.path,
    });
  }
  const server = attributeOf(root, 'server') || null;
  return new GlobalSettings(file, server, parameterValues(element(root, 'mv-data', 'parameter-values')), warnings);
}
