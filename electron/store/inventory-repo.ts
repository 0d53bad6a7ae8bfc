import type { Db } from './workshop-db.js';
import {
  FEATURE_NAMES,
  type Agent,
  type ConnectServer,
  type Domain,
  type EstateModel,
  type FeatureName,
  type Forest,
  type ForestLink,
  type HygieneFinding,
  type Inventory,
  type Ou,
  type Tenant,
  type Trust,
} from '../../shared/model/inventory.js';
import {
  agentEntity,
  connectServerEntity,
  domainEntity,
  forestEntity,
  forestLinkEntity,
  hygieneEntity,
  ouEntity,
  tenantEntity,
  trustEntity,
} from '../../shared/model/entities.js';
import { blankRow } from '../../shared/model/entity.js';
import { entityTable } from './entity-table.js';
import type { EstateOutline, EstateSectionId, ForestSummary } from '../../shared/ipc/contracts/forests.js';

const toBit = (value: boolean | null): number | null => (value === null ? null : value ? 1 : 0);

const tenants = entityTable(tenantEntity);
const forests = entityTable(forestEntity);
const domains = entityTable(domainEntity);
const ous = entityTable(ouEntity);
const servers = entityTable(connectServerEntity);
const agents = entityTable(agentEntity);
const trusts = entityTable(trustEntity);
const forestLinks = entityTable(forestLinkEntity);
const hygiene = entityTable(hygieneEntity);

/** Features live in forest_features, one row per forest and feature; a feature without a row is unknown. */
export function listForests(db: Db): Forest[] {
  const list = forests.all(db);
  const byName = new Map(list.map((f) => [f.forest, f]));
  for (const row of db.prepare('SELECT forest, feature, value FROM forest_features').all() as { forest: string; feature: string; value: number | null }[]) {
    const forest = byName.get(row.forest);
    if (forest && (FEATURE_NAMES as readonly string[]).includes(row.feature)) {
      forest.features[row.feature as FeatureName] = row.value === null ? null : row.value === 1;
    }
  }
  return list;
}

/** Tenant names compare case-insensitively, as Entra's domain names do. */
const tenantKey = (name: string) => name.toLowerCase();

/** The tenant rows, and a bare tenant for each name a forest or Connect server gives that has no row (imports only write the names). */
export function listTenants(db: Db): Tenant[] {
  const list = tenants.all(db);
  const known = new Set(list.map((t) => tenantKey(t.name)));
  const named = db
    .prepare(
      `SELECT tenant FROM forests WHERE tenant IS NOT NULL AND trim(tenant) <> ''
       UNION SELECT tenant FROM connect_servers WHERE tenant IS NOT NULL AND trim(tenant) <> '' ORDER BY 1`,
    )
    .pluck()
    .all() as string[];
  for (const name of named) {
    if (known.has(tenantKey(name))) continue;
    known.add(tenantKey(name));
    list.push(blankRow(tenantEntity, { name }));
  }
  return list.sort((a, b) => a.name.localeCompare(b.name));
}

export const saveTenant = (db: Db, tenant: Tenant): void => tenants.save(db, tenant);

/** Renames a tenant's row (if it has one) and every forest and Connect server that names it. */
export function renameTenant(db: Db, tenant: Tenant, previousName: string): void {
  db.transaction(() => {
    if (!tenants.update(db, tenant, previousName)) tenants.save(db, tenant);
    db.prepare('UPDATE forests SET tenant = ? WHERE tenant = ? COLLATE NOCASE').run(tenant.name, previousName);
    db.prepare('UPDATE connect_servers SET tenant = ? WHERE tenant = ? COLLATE NOCASE').run(tenant.name, previousName);
  })();
}

function readEntities(db: Db): Omit<Inventory, 'ous'> {
  return {
    tenants: listTenants(db),
    forests: listForests(db),
    domains: domains.all(db),
    connectServers: servers.all(db),
    agents: agents.all(db),
    trusts: trusts.all(db),
    forestLinks: forestLinks.all(db),
    hygiene: hygiene.all(db),
  };
}

export function readInventory(db: Db): Inventory {
  return db.transaction(() => ({ ...readEntities(db), ous: ous.all(db) }))();
}

/** The inventory without its OU rows, which SQLite counts per domain instead (shared/model/inventory.ts). */
export function readEstateModel(db: Db): EstateModel {
  return db.transaction(() => {
    const counts = db.prepare('SELECT domain, COUNT(*) AS n FROM ous GROUP BY domain').all() as { domain: string; n: number }[];
    return { ...readEntities(db), ouCounts: Object.fromEntries(counts.map((c) => [c.domain, c.n])) };
  })();
}

/**
 * What the Forests list shows, summed by SQLite: per forest its domains, its users (null as soon as one
 * domain's count is unknown, since a partial sum would read as the whole) and its OUs.
 */
export function forestSummaries(db: Db): ForestSummary[] {
  return db.transaction(() => {
    const totals = db
      .prepare(
        `SELECT d.forest AS forest, COUNT(*) AS domains, CASE WHEN COUNT(d.users) = COUNT(*) THEN SUM(d.users) END AS users, COALESCE(SUM(o.n), 0) AS ous
         FROM domains d LEFT JOIN (SELECT domain, COUNT(*) AS n FROM ous GROUP BY domain) o ON o.domain = d.domain
         GROUP BY d.forest`,
      )
      .all() as { forest: string; domains: number; users: number | null; ous: number }[];
    const byForest = new Map(totals.map((t) => [t.forest, t]));
    return listForests(db).map((forest) => {
      const t = byForest.get(forest.forest);
      return { forest, domains: t?.domains ?? 0, users: t ? t.users : null, ous: t?.ous ?? 0 };
    });
  })();
}

/** Each section's rows in the workshop; tenants are counted with the names forests and servers give. */
const SECTION_TABLES = { forests, domains, ous, trusts, forestLinks, connectServers: servers, agents } as const satisfies Record<Exclude<EstateSectionId, 'tenants'>, { count(db: Db): number }>;

/** The Estate view's outline: counted by SQLite, so that opening the view does not send every row of every entity. */
export function estateOutline(db: Db): EstateOutline {
  return db.transaction(() => {
    const tenantRows = listTenants(db);
    const counts = Object.fromEntries(Object.entries(SECTION_TABLES).map(([section, table]) => [section, table.count(db)]));
    return { counts: { ...counts, tenants: tenantRows.length } as EstateOutline['counts'], tenants: tenantRows };
  })();
}

/**
 * Inserts or replaces a forest. `previousName` renames it: domains follow through ON UPDATE CASCADE.
 */
export function saveForest(db: Db, forest: Forest, previousName?: string): void {
  db.transaction(() => {
    if (previousName === undefined || !forests.update(db, forest, previousName)) forests.save(db, forest);
    saveFeatures(db, forest.forest, forest.features);
  })();
}

export function saveFeatures(db: Db, forest: string, features: Partial<Record<FeatureName, boolean | null>>): void {
  const upsert = db.prepare(
    `INSERT INTO forest_features (forest, feature, value) VALUES (?, ?, ?)
     ON CONFLICT (forest, feature) DO UPDATE SET value = excluded.value`,
  );
  for (const [feature, value] of Object.entries(features)) {
    upsert.run(forest, feature, toBit(value ?? null));
  }
}

export function deleteForest(db: Db, forest: string): boolean {
  return db.prepare('DELETE FROM forests WHERE forest = ?').run(forest).changes > 0;
}

export const saveDomain = (db: Db, domain: Domain): void => domains.save(db, domain);
export const saveOu = (db: Db, ou: Ou): void => ous.save(db, ou);
export const saveConnectServer = (db: Db, server: ConnectServer): void => servers.save(db, server);
export const saveAgent = (db: Db, agent: Agent): void => agents.save(db, agent);
export const saveTrust = (db: Db, trust: Trust): void => trusts.save(db, trust);
export const saveForestLink = (db: Db, link: ForestLink): void => forestLinks.save(db, link);
export const saveHygiene = (db: Db, finding: HygieneFinding): void => hygiene.save(db, finding);

export function getMeta(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    value,
  );
}

/** One row per committed import: when, and its summary as JSON. */
export function appendImportLog(db: Db, summaryJson: string): void {
  db.prepare('INSERT INTO import_log (imported_at, summary) VALUES (?, ?)').run(new Date().toISOString(), summaryJson);
}
