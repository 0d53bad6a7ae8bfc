import type { ImportChanges, ImportKind, ImportWarning } from '../../../../shared/import/summary';
import { plural } from '../../../../shared/engine/format';
import { formatError, type AppError } from '../../../../shared/result';
import { shortPath } from './paths';

export const KIND_LABELS: Record<ImportKind, string> = {
  forests: 'Forests template',
  domains: 'Domains template',
  ous: 'OUs template',
  sync_features: 'Sync features template',
  connect_servers: 'Connect servers template',
  agents: 'Agents template',
  forest_links: 'Forest links template',
  'ad-forest': 'AD forest',
  'ad-domain': 'AD domain',
  'ad-ous': 'AD OUs',
  'ad-users': 'AD users',
  'ad-groups': 'AD groups',
  'ad-computers': 'AD computers',
  'ad-objects': 'AD objects',
  'ad-group-members': 'AD group members',
  'ad-trusts': 'AD trusts',
  'ad-domain-controllers': 'AD domain controllers',
  'connect-export': 'Entra Connect export',
  'not-inventory': 'Not inventory (skipped)',
};

export function delimiterLabel(delimiter: string | null): string {
  switch (delimiter) {
    case null:
      return '—';
    case ',':
      return 'comma';
    case ';':
      return 'semicolon';
    case '\t':
      return 'tab';
    case '|':
      return 'pipe';
    default:
      return JSON.stringify(delimiter);
  }
}

/** "adrecon/Users.csv, line 3, column 7: message", with the file relative to what the user chose. */
export function describeError(error: AppError, bases: readonly string[]): string {
  if (!error.location) return error.message;
  return formatError({ ...error, location: { ...error.location, file: shortPath(error.location.file, bases) } });
}

export function describeWarning(warning: ImportWarning, bases: readonly string[]): string {
  const { message, ...location } = warning;
  return describeError({ code: 'warning', message, location }, bases);
}


export const CHANGE_LABELS: { key: keyof ImportChanges; label: (n: number) => string }[] = [
  { key: 'forests', label: (n) => plural(n, 'forest', 'forests') },
  { key: 'domains', label: (n) => plural(n, 'domain', 'domains') },
  { key: 'ous', label: (n) => plural(n, 'OU', 'OUs') },
  { key: 'connectServers', label: (n) => plural(n, 'Connect server', 'Connect servers') },
  { key: 'agents', label: (n) => plural(n, 'agent', 'agents') },
  { key: 'trusts', label: (n) => plural(n, 'trust', 'trusts') },
  { key: 'forestLinks', label: (n) => plural(n, 'forest link', 'forest links') },
  { key: 'hygiene', label: (n) => plural(n, 'hygiene check', 'hygiene checks') },
];

export const files = (n: number) => plural(n, 'file', 'files');
