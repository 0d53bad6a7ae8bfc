import { UserError } from '../../shared/result.js';
import { EDITABLE_ENTITIES, keyOf, type DeleteEdit, type Edit, type EditableEntity, type OuSelection, type SaveEdit } from '../../shared/edit/edit-schema.js';
import type { Agent, ConnectServer, Domain, Forest, ForestLink, Ou, Trust } from '../../shared/model/inventory.js';
import { DOMAIN_COUNTS, OU_COUNTS } from '../../shared/model/entities.js';
import { dnKey, domainOfRdns, parseDn } from '../../shared/model/distinguished-name.js';
import { useImportedCount, withTypedCounts } from '../../shared/model/typed-counts.js';
import { fromSqlRow, type AnyEntity } from '../../shared/model/entity.js';
import { entityTable } from './entity-table.js';
import { listTenants, renameTenant, saveFeatures } from './inventory-repo.js';
import { ouWhere } from './ou-query.js';
import type { Db } from './workshop-db.js';
import { plural } from '../../shared/engine/format.js';

/**
 * Applies one edit to the workshop: checks what the model's references need (a domain's forest exists,
 * a name is not taken), then writes the row and keeps the rows that name it consistent (a renamed
 * forest's agents and Connect servers follow it; a deleted forest takes its domains, OUs, agents and
 * links with it). Runs inside the caller's transaction, which records it for undo. Returns the edit's
 * name as Undo will say it.
 */
export function applyEdit(db: Db, edit: Edit): string {
  switch (edit.op) {
    case 'save':
      return save(db, edit);
    case 'delete':
      return remove(db, edit);
    case 'ou-scope':
      return setOuScope(db, edit.ous, edit.inConnectScope);
    case 'use-imported':
      return useImported(db, edit.entity, edit.key, edit.counts);
  }
}

const tables = {
  tenant: entityTable(EDITABLE_ENTITIES.tenant),
  forest: entityTable(EDITABLE_ENTITIES.forest),
  domain: entityTable(EDITABLE_ENTITIES.domain),
  ou: entityTable(EDITABLE_ENTITIES.ou),
  trust: entityTable(EDITABLE_ENTITIES.trust),
  forestLink: entityTable(EDITABLE_ENTITIES.forestLink),
  connectServer: entityTable(EDITABLE_ENTITIES.connectServer),
  agent: entityTable(EDITABLE_ENTITIES.agent),
};

/** Where each entity's key lives in its table, and how a key is folded for comparison. */
const KEY_SQL: Record<EditableEntity, { where: string; fold: (key: string[]) => unknown[] }> = {
  tenant: { where: 'name = ?', fold: (k) => k },
  forest: { where: 'forest = ?', fold: (k) => k.map((n) => n.toLowerCase()) },
  domain: { where: 'domain = ?', fold: (k) => k.map((n) => n.toLowerCase()) },
  ou: { where: 'dn_key = ?', fold: (k) => k.map(dnKey) },
  trust: { where: 'source = ? AND target = ?', fold: (k) => k.map((n) => n.toLowerCase()) },
  forestLink: { where: 'forest = ? AND other_forest = ? AND kind = ?', fold: (k) => [k[0]?.toLowerCase(), k[1]?.toLowerCase(), k[2]] },
  connectServer: { where: 'server = ?', fold: (k) => k },
  agent: { where: 'host = ?', fold: (k) => k },
};

function find<E extends EditableEntity>(db: Db, entity: E, key: string[]): Record<string, unknown> | null {
  const spec: AnyEntity = EDITABLE_ENTITIES[entity];
  const row = db.prepare(`SELECT * FROM ${spec.table} WHERE ${KEY_SQL[entity].where}`).get(...(KEY_SQL[entity].fold(key) as string[])) as
    | Record<string, unknown>
    | undefined;
  return row ? (fromSqlRow(spec, row) as Record<string, unknown>) : null;
}

const exists = (db: Db, entity: EditableEntity, key: string[]) => find(db, entity, key) !== null;
const sameKey = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v.toLowerCase() === b[i]?.toLowerCase());
const keyText = (key: readonly string[]) => key.join(' → ');
const noun = (entity: EditableEntity) => EDITABLE_ENTITIES[entity].noun;

/** The field an entity's (first) key is entered in, where a form shows "already exists". */
const keyField = (entity: EditableEntity) => `edit.value.${EDITABLE_ENTITIES[entity].key[0]}`;

function requireForest(db: Db, forest: string, field: string): void {
  if (!exists(db, 'forest', [forest])) throw new UserError('not-found', `Forest ${forest} is not in this workshop; add it first.`, undefined, { field });
}

function requireDomain(db: Db, domain: string, field: string): Domain {
  const found = find(db, 'domain', [domain]) as Domain | null;
  if (!found) throw new UserError('not-found', `Domain ${domain} is not in this workshop; add it first.`, undefined, { field });
  return found;
}

function checkReferences(db: Db, edit: SaveEdit): void {
  switch (edit.entity) {
    case 'domain':
      return requireForest(db, edit.value.forest, 'edit.value.forest');
    case 'ou': {
      requireDomain(db, edit.value.domain, 'edit.value.domain');
      const parsed = parseDn(edit.value.distinguishedName);
      if (!parsed.ok) throw new UserError('invalid-input', `Not a distinguished name: ${parsed.message}`, undefined, { field: 'edit.value.distinguishedName' });
      const domain = domainOfRdns(parsed.rdns);
      if (domain !== edit.value.domain) {
        throw new UserError(
          'invalid-input',
          domain ? `This distinguished name is in domain ${domain}, not ${edit.value.domain}.` : 'The distinguished name has no DC= parts naming its domain.',
          undefined,
          { field: 'edit.value.distinguishedName' },
        );
      }
      return;
    }
    case 'trust':
      if (edit.value.source === edit.value.target) throw new UserError('invalid-input', 'A trust joins two different domains or forests.', undefined, { field: 'edit.value.target' });
      return;
    case 'forestLink':
      requireForest(db, edit.value.forest, 'edit.value.forest');
      requireForest(db, edit.value.otherForest, 'edit.value.otherForest');
      if (edit.value.forest === edit.value.otherForest) throw new UserError('invalid-input', 'A link joins two different forests.', undefined, { field: 'edit.value.otherForest' });
      return;
    case 'connectServer':
      for (const forest of edit.value.forests) requireForest(db, forest, 'edit.value.forests');
      return;
    case 'agent': {
      requireForest(db, edit.value.forest, 'edit.value.forest');
      if (edit.value.domain !== null) {
        const domain = requireDomain(db, edit.value.domain, 'edit.value.domain');
        if (domain.forest !== edit.value.forest) throw new UserError('invalid-input', `Domain ${domain.domain} is in forest ${domain.forest}, not ${edit.value.forest}.`, undefined, { field: 'edit.value.domain' });
      }
      return;
    }
    case 'tenant':
    case 'forest':
      return;
  }
}

function save(db: Db, edit: SaveEdit): string {
  const key = keyOf(edit.entity, edit.value as never);
  const previous = edit.previous;
  const what = `${noun(edit.entity)} ${keyText(key)}`;
  const taken = (edit.entity === 'tenant' ? listTenants(db).some((t) => t.name.toLowerCase() === key[0]?.toLowerCase()) : exists(db, edit.entity, key));
  if (previous === undefined) {
    if (taken) throw new UserError('exists', `A ${what} is already in this workshop.`, undefined, { field: keyField(edit.entity) });
  } else {
    const stored = edit.entity === 'tenant' ? listTenants(db).some((t) => t.name.toLowerCase() === previous[0]?.toLowerCase()) : exists(db, edit.entity, previous);
    if (!stored) throw new UserError('not-found', `The ${noun(edit.entity)} ${keyText(previous)} is no longer in this workshop; it may have been deleted.`);
    if (!sameKey(previous, key) && taken) throw new UserError('exists', `A ${what} is already in this workshop.`, undefined, { field: keyField(edit.entity) });
  }
  checkReferences(db, edit);
  const renamed = previous !== undefined && !sameKey(previous, key);
  const prior = previous === undefined ? [] : previous;
  switch (edit.entity) {
    case 'tenant':
      if (previous !== undefined) renameTenant(db, edit.value, prior[0] as string);
      else tables.tenant.save(db, edit.value);
      break;
    case 'forest':
      saveForestEdit(db, edit.value, renamed ? (prior[0] as string) : undefined);
      break;
    case 'domain':
      saveDomainEdit(db, edit.value, previous === undefined ? null : (prior[0] as string));
      break;
    case 'ou':
      saveOuEdit(db, edit.value, previous === undefined ? null : (prior[0] as string));
      break;
    case 'trust':
    case 'forestLink':
      // Composite keys: a changed key is the old row gone and a new one written.
      if (renamed) db.prepare(`DELETE FROM ${EDITABLE_ENTITIES[edit.entity].table} WHERE ${KEY_SQL[edit.entity].where}`).run(...(KEY_SQL[edit.entity].fold(prior) as string[]));
      (tables[edit.entity].save as (db: Db, value: Trust | ForestLink) => void)(db, edit.value);
      break;
    case 'connectServer':
      if (!renamed || !tables.connectServer.update(db, edit.value, prior[0] as string)) tables.connectServer.save(db, edit.value as ConnectServer);
      break;
    case 'agent':
      if (!renamed || !tables.agent.update(db, edit.value, prior[0] as string)) tables.agent.save(db, edit.value as Agent);
      break;
  }
  if (previous === undefined) return `Add ${what}`;
  return renamed ? `Rename ${noun(edit.entity)} ${keyText(previous)} to ${keyText(key)}` : `Edit ${what}`;
}

/** A renamed forest's agents and Connect servers follow it; its domains, features and links follow by ON UPDATE CASCADE. */
function saveForestEdit(db: Db, forest: Forest, previousName: string | undefined): void {
  if (previousName === undefined || !tables.forest.update(db, forest, previousName)) tables.forest.save(db, forest);
  saveFeatures(db, forest.forest, forest.features);
  if (previousName === undefined) return;
  db.prepare('UPDATE agents SET forest = ? WHERE forest = ?').run(forest.forest, previousName);
  replaceServerForest(db, previousName, forest.forest);
}

/** Renames (or, with null, removes) a forest in the list of forests each Connect server syncs. */
function replaceServerForest(db: Db, from: string, to: string | null): void {
  const servers = db.prepare("SELECT server, forests FROM connect_servers WHERE EXISTS (SELECT 1 FROM json_each(forests) WHERE value = ?)").all(from) as {
    server: string;
    forests: string;
  }[];
  const update = db.prepare('UPDATE connect_servers SET forests = ? WHERE server = ?');
  for (const { server, forests } of servers) {
    const list = (JSON.parse(forests) as string[]).flatMap((f) => (f !== from ? [f] : to === null ? [] : [to]));
    update.run(JSON.stringify([...new Set(list)]), server);
  }
}


/** Counts typed here are kept apart from imported ones; a renamed domain's OUs follow by cascade, its other references here. */
function saveDomainEdit(db: Db, domain: Domain, previousName: string | null): void {
  const stored = previousName === null ? null : (find(db, 'domain', [previousName]) as Domain | null);
  const value = withTypedCounts(stored, domain, DOMAIN_COUNTS);
  if (previousName === null || previousName === domain.domain) {
    tables.domain.save(db, value);
    return;
  }
  tables.domain.update(db, value, previousName);
  db.prepare('UPDATE hygiene SET domain = ? WHERE domain = ?').run(domain.domain, previousName);
  db.prepare('UPDATE agents SET domain = ? WHERE domain = ?').run(domain.domain, previousName);
  db.prepare('UPDATE trusts SET source = ? WHERE source = ?').run(domain.domain, previousName);
  db.prepare('UPDATE trusts SET target = ? WHERE target = ?').run(domain.domain, previousName);
}

/** A renamed OU keeps the wave the plan moved it to. */
function saveOuEdit(db: Db, ou: Ou, previousDn: string | null): void {
  const stored = previousDn === null ? null : (find(db, 'ou', [previousDn]) as Ou | null);
  const value = withTypedCounts(stored, ou, OU_COUNTS);
  const previousKey = previousDn === null ? null : dnKey(previousDn);
  if (previousKey === null || previousKey === dnKey(ou.distinguishedName)) {
    tables.ou.save(db, value);
    return;
  }
  tables.ou.update(db, value, previousKey);
  db.prepare('UPDATE plan_wave_moves SET ou_key = ? WHERE ou_key = ?').run(dnKey(ou.distinguishedName), previousKey);
}

function remove(db: Db, edit: DeleteEdit): string {
  const { entity, key } = edit;
  const what = `${noun(entity)} ${keyText(key)}`;
  if (entity === 'tenant') {
    const name = key[0] as string;
    if (!listTenants(db).some((t) => t.name.toLowerCase() === name.toLowerCase())) throw new UserError('not-found', `Tenant ${name} is not in this workshop.`);
    db.prepare('DELETE FROM tenants WHERE name = ?').run(name);
    // Forests and servers keep existing, with their tenant unknown.
    db.prepare('UPDATE forests SET tenant = NULL WHERE tenant = ? COLLATE NOCASE').run(name);
    db.prepare('UPDATE connect_servers SET tenant = NULL WHERE tenant = ? COLLATE NOCASE').run(name);
    return `Delete ${what}`;
  }
  if (!exists(db, entity, key)) throw new UserError('not-found', `The ${what} is no longer in this workshop.`);
  const folded = KEY_SQL[entity].fold(key) as string[];
  if (entity === 'forest') {
    const forest = folded[0] as string;
    // Its agent hosts go first: what is left to name its domains is what other forests hold.
    db.prepare('DELETE FROM agents WHERE forest = ?').run(forest);
    const domains = db.prepare('SELECT domain FROM domains WHERE forest = ?').pluck().all(forest) as string[];
    for (const domain of domains) removeDomainReferences(db, domain);
    replaceServerForest(db, forest, null);
  }
  if (entity === 'domain') removeDomainReferences(db, folded[0] as string);
  db.prepare(`DELETE FROM ${EDITABLE_ENTITIES[entity].table} WHERE ${KEY_SQL[entity].where}`).run(...folded);
  return `Delete ${what}`;
}

/** What names a domain that is going: its hygiene findings and trusts go, its agents no longer name it. */
function removeDomainReferences(db: Db, domain: string): void {
  db.prepare('DELETE FROM hygiene WHERE domain = ?').run(domain);
  db.prepare('DELETE FROM trusts WHERE source = ? OR target = ?').run(domain, domain);
  db.prepare('UPDATE agents SET domain = NULL WHERE domain = ?').run(domain);
}

const SCOPE_WORDS = { true: 'in Connect scope', false: 'out of Connect scope', null: 'to an unknown Connect scope' } as const;

function setOuScope(db: Db, selection: OuSelection, inConnectScope: boolean | null): string {
  const value = inConnectScope === null ? null : inConnectScope ? 1 : 0;
  let changed = 0;
  if ('keys' in selection) {
    const update = db.prepare('UPDATE ous SET in_connect_scope = ? WHERE dn_key = ?');
    for (const dn of selection.keys) changed += update.run(value, dnKey(dn)).changes;
  } else {
    const { sql, params } = ouWhere(selection.filter);
    changed = db.prepare(`UPDATE ous SET in_connect_scope = ? ${sql}`).run(value, ...params).changes;
  }
  if (changed === 0) throw new UserError('not-found', 'None of those OUs is in this workshop any more.');
  return `Set ${plural(changed, 'OU', 'OUs')} ${SCOPE_WORDS[String(inConnectScope) as keyof typeof SCOPE_WORDS]}`;
}

function useImported(db: Db, entity: 'domain' | 'ou', key: string, counts: readonly string[]): string {
  const stored = find(db, entity, [key]) as Domain | Ou | null;
  if (!stored) throw new UserError('not-found', `The ${noun(entity)} ${key} is no longer in this workshop.`);
  let value = stored;
  for (const count of counts) value = useImportedCount(value, count);
  if (entity === 'domain') tables.domain.save(db, value as Domain);
  else tables.ou.save(db, value as Ou);
  const labels = counts.map((c) => EDITABLE_ENTITIES[entity].fields[c as keyof (typeof EDITABLE_ENTITIES)[typeof entity]['fields']]?.label.toLowerCase() ?? c);
  return `Use the imported ${labels.join(', ')} of ${noun(entity)} ${key}`;
}
