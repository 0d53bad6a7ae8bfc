/**
 * The Microsoft Learn pages the facts file (shared/domain/sync-engines.md) names, with the pages' own
 * dates. Findings cite them in two spellings: `source` fields read "DG (2025-02-17)", messages read
 * "(DG 2025-02-17)" so a sentence stays readable.
 */
export const PAGES = {
  DG: '2025-02-17',
  WHAT: '2025-09-29',
  PRE: '2026-07-27',
  FAQ: '2026-03-30',
  MFAQ: '2026-05-04',
  TOPO: '2025-04-09',
  PILOT: '2026-10-06',
  TOOL: '2026-09-16',
  CPRE: '2025-09-29',
  GWB: '2025-09-29',
  // The facts file gives no date for these pages.
  CTOPO: null,
  COMMON: null,
  // Pages the capability matrix cites by path; dated by the matrix row that names them.
  'cloud-sync/device-sync': '2026-07',
  'cloud-sync/exchange-hybrid': null,
  'cloud-sync/how-to-sso': null,
} as const satisfies Record<string, string | null>;
export type Page = keyof typeof PAGES;

/** Each page's path under https://learn.microsoft.com/en-us/entra/identity/hybrid/ (the facts file's short names). */
export const PAGE_PATHS: Record<Page, string> = {
  DG: 'cloud-sync/connect-to-cloud-sync-decision-guide',
  WHAT: 'cloud-sync/what-is-cloud-sync',
  PRE: 'cloud-sync/how-to-prerequisites',
  FAQ: 'cloud-sync/reference-cloud-sync-faq',
  MFAQ: 'cloud-sync/cloud-sync-migration-faq',
  TOPO: 'cloud-sync/plan-cloud-sync-topologies',
  PILOT: 'cloud-sync/migrate-azure-ad-connect-to-cloud-sync',
  TOOL: 'cloud-sync/migrate-connect-sync-cloud-sync-tool',
  CPRE: 'connect/how-to-connect-install-prerequisites',
  GWB: 'cloud-sync/migrate-group-writeback',
  CTOPO: 'connect/plan-connect-topologies',
  COMMON: 'common-scenarios',
  'cloud-sync/device-sync': 'cloud-sync/device-sync',
  'cloud-sync/exchange-hybrid': 'cloud-sync/exchange-hybrid',
  'cloud-sync/how-to-sso': 'cloud-sync/how-to-sso',
};

export const LEARN_BASE_URL = 'https://learn.microsoft.com/en-us/entra/identity/hybrid/';

function dated(page: Page, open: string, close: string): string {
  const date = PAGES[page];
  return date === null ? `${page} (undated)` : `${page} ${open}${date}${close}`;
}

/** For a finding's `source`: "DG (2025-02-17)", several pages joined by "; ". */
export function source(...pages: Page[]): string {
  return pages.map((p) => dated(p, '(', ')')).join('; ');
}

/** For inside a message: "DG 2025-02-17". */
export function cite(...pages: Page[]): string {
  return pages.map((p) => dated(p, '', '')).join(', ');
}
