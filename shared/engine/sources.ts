/**
 * The Microsoft Learn pages the facts file (shared/domain/sync-engines.md) names: one registry a
 * customer can open. Each entry has the page's own date (null where the facts file gives none) and the
 * date SyncPlan's reading of it was last checked. Findings cite pages by id; `decide --json` carries
 * `{ id, title, url, date }` per finding, and the short `source` text ("DG (2025-02-17)") beside it.
 */

/** When the facts were last checked against these pages (the corrections of 2026-11-30). */
export const SOURCES_CHECKED = '2026-11-30';

const HYBRID = 'https://learn.microsoft.com/en-us/entra/identity/hybrid/';

interface PageEntry {
  readonly title: string;
  /** Path below learn.microsoft.com/en-us/entra/identity/hybrid/, or a full URL for pages elsewhere on Learn. */
  readonly path: string;
  readonly date: string | null;
}

export const PAGES = {
  DG: { title: 'Microsoft Entra Connect Sync to Cloud Sync decision guide', path: 'cloud-sync/connect-to-cloud-sync-decision-guide', date: '2025-02-17' },
  WHAT: { title: 'What is Microsoft Entra Cloud Sync?', path: 'cloud-sync/what-is-cloud-sync', date: '2025-09-29' },
  PRE: { title: 'Prerequisites for Microsoft Entra Cloud Sync', path: 'cloud-sync/how-to-prerequisites', date: '2026-07-27' },
  FAQ: { title: 'Microsoft Entra Cloud Sync FAQ', path: 'cloud-sync/reference-cloud-sync-faq', date: '2026-03-30' },
  MFAQ: { title: 'Migrating to Microsoft Entra Cloud Sync: FAQ', path: 'cloud-sync/cloud-sync-migration-faq', date: '2026-05-04' },
  TOPO: { title: 'Supported topologies and scenarios for Microsoft Entra Cloud Sync', path: 'cloud-sync/plan-cloud-sync-topologies', date: '2025-04-09' },
  PILOT: { title: 'Migrate to Microsoft Entra Cloud Sync for a synced AD forest (pilot)', path: 'cloud-sync/migrate-azure-ad-connect-to-cloud-sync', date: '2026-10-06' },
  TOOL: { title: 'Migrate from Connect Sync to Cloud Sync with the guided migration tool', path: 'cloud-sync/migrate-connect-sync-cloud-sync-tool', date: '2026-09-16' },
  CTOPO: { title: 'Topologies for Microsoft Entra Connect', path: 'connect/plan-connect-topologies', date: null },
  CPRE: { title: 'Microsoft Entra Connect: Prerequisites', path: 'connect/how-to-connect-install-prerequisites', date: '2025-09-29' },
  COMMON: { title: 'Common hybrid identity scenarios', path: 'common-scenarios', date: null },
  GWB: { title: 'Migrate group writeback v2 to Cloud Sync group provisioning to AD', path: 'cloud-sync/migrate-group-writeback', date: '2025-09-29' },
  HARDEN: { title: 'Hardening update to Microsoft Entra Connect Sync', path: 'connect/harden-update-ad-fs-pingfederate', date: null },
  VERS: { title: 'Microsoft Entra Connect: Version release history', path: 'connect/reference-connect-version-history', date: null },
  SCHED: { title: 'Microsoft Entra Connect Sync: Scheduler', path: 'connect/how-to-connect-sync-feature-scheduler', date: null },
  GWP: { title: 'Group writeback in the Microsoft Entra admin center', path: 'https://learn.microsoft.com/en-us/entra/identity/users/groups-write-back-portal', date: null },
  GWV2: { title: 'Microsoft Entra Connect group writeback (v2)', path: 'connect/how-to-connect-group-writeback-v2', date: null },
  'cloud-sync/device-sync': { title: 'Device sync with Microsoft Entra Cloud Sync (preview)', path: 'cloud-sync/device-sync', date: '2026-07' },
  'cloud-sync/exchange-hybrid': { title: 'Exchange hybrid writeback with Microsoft Entra Cloud Sync', path: 'cloud-sync/exchange-hybrid', date: null },
  'cloud-sync/how-to-sso': { title: 'Seamless single sign-on with Microsoft Entra Cloud Sync', path: 'cloud-sync/how-to-sso', date: null },
} as const satisfies Record<string, PageEntry>;
export type Page = keyof typeof PAGES;

/** What a finding lists per page (docs/json-outputs.md), plus when SyncPlan checked it. */
export interface SourceRef {
  id: Page;
  title: string;
  url: string;
  /** The page's own date; null where it gives none. */
  date: string | null;
  checked: string;
}

export function pageUrl(page: Page): string {
  const { path } = PAGES[page] as PageEntry;
  return path.startsWith('https://') ? path : HYBRID + path;
}

export function sourceRef(page: Page): SourceRef {
  const entry: PageEntry = PAGES[page];
  return { id: page, title: entry.title, url: pageUrl(page), date: entry.date, checked: SOURCES_CHECKED };
}

function dated(page: Page, open: string, close: string): string {
  const date = (PAGES[page] as PageEntry).date;
  return date === null ? `${page} (undated)` : `${page} ${open}${date}${close}`;
}

/** For a finding's `source`: "DG (2025-02-17)", several pages joined by "; ". */
export function source(...pages: readonly Page[]): string {
  return pages.map((p) => dated(p, '(', ')')).join('; ');
}

/** For inside a message: "DG 2025-02-17". */
export function cite(...pages: Page[]): string {
  return pages.map((p) => dated(p, '', '')).join(', ');
}
