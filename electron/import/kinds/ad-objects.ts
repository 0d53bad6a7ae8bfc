import { dirname } from 'node:path';
import type { ImportKind } from '../../../shared/import/summary.js';
import type { Cell } from '../csv/parse.js';
import { checksFor, type ObjectCategory } from '../hygiene.js';
import { CATEGORIES, Rollup, type Container } from '../rollup.js';
import { isBlank, isTypeName, LostValues, type LostValue } from './cell-values.js';
import type { KindReader, RowHandler } from './context.js';

/** What a per-object reader took from part of a file, to merge into the reader of the rest (split-read.ts). */
export interface ObjectsPart {
  perDomain: { domain: string; counts: number[]; containers: string[] }[];
  otherClasses: { cls: string; count: number; line: number }[];
  withoutDn: { count: number; line: number };
  duplicates: { count: number; line: number };
  membersKnown: boolean;
  lost: [string, LostValue][];
  imported: number;
}

/**
 * Per-object exports (Get-ADUser, Get-ADGroup, Get-ADComputer, Get-ADObject, ADRecon's Users, Groups
 * and Computers): every row is one object, counted in its domain and parent container, and checked
 * for hygiene. This is the hot path of a million-row import, so it reads cells by index.
 */
const FIELDS = [
  { field: 'dn', columns: ['DistinguishedName', 'Distinguished Name', 'DN'] },
  { field: 'objectClass', columns: ['ObjectClass'] },
  { field: 'upn', columns: ['UserPrincipalName'] },
  { field: 'sam', columns: ['SamAccountName', 'UserName'] },
  { field: 'mail', columns: ['mail', 'EmailAddress', 'Email'] },
  { field: 'proxies', columns: ['proxyAddresses'] },
  { field: 'memberCount', columns: ['MemberCount', 'MembersCount', 'Member Count'] },
  { field: 'members', columns: ['Members', 'Member'] },
] as const;

const CLASS_CATEGORY: Record<string, ObjectCategory> = {
  user: 'user',
  inetorgperson: 'user',
  group: 'group',
  computer: 'computer',
  contact: 'contact',
};

const PLURAL: Record<ObjectCategory, string> = { user: 'users', group: 'groups', contact: 'contacts', computer: 'computers' };

const DEFAULT_CATEGORY: Partial<Record<ImportKind, ObjectCategory>> = {
  'ad-users': 'user',
  'ad-groups': 'group',
  'ad-computers': 'computer',
};

/** Members of a group, from a count column or a list joined with ";" (DNs escape their own ";" as "\;"). */
function memberCount(count: Cell, members: Cell): number | null {
  if (!isBlank(count) && /^\d+$/.test(count.trim())) return Number(count.trim());
  if (members === null || members === undefined) return null;
  if (/^\d+$/.test(members.trim())) return Number(members.trim());
  return members.split(/(?<!\\);/).filter((m) => m.trim() !== '').length;
}

function objectsReader(kind: ImportKind): KindReader {
  const defaultCategory = DEFAULT_CATEGORY[kind] ?? null;
  return {
    kind,
    fields: FIELDS,
    required: kind === 'ad-objects' ? ['dn', 'objectClass'] : ['dn'],
    start(ctx, map): RowHandler & Required<Pick<RowHandler, 'part' | 'merge'>> {
      const { rollup, hygiene } = ctx.batch;
      const at = (field: string) => map.index.get(field) ?? -1;
      const [dnAt, classAt, upnAt, samAt, mailAt, proxiesAt, countAt, membersAt] = FIELDS.map((f) => at(f.field)) as number[] as [
        number, number, number, number, number, number, number, number,
      ];
      const name = (i: number) => map.mapping[i]?.column ?? '';
      const lost = new LostValues();
      const folder = dirname(ctx.path);
      /** Per domain: objects by category, and the containers (by key) this file counted into, to say "in N OUs". */
      const perDomain = new Map<string, { counts: number[]; containers: Set<string> }>();
      const otherClasses = new Map<string, { count: number; line: number }>();
      let withoutDn = 0;
      let firstWithoutDn = 0;
      let duplicates = 0;
      let firstDuplicate = 0;
      let membersKnown = false;
      let imported = 0;
      // Rows come grouped by OU, so the last container is checked first.
      let lastContainer: Container | null = null;
      let lastDomain = '';
      let lastMine: { counts: number[]; containers: Set<string> } | undefined;

      const value = (cells: readonly Cell[], i: number, line: number, columns: readonly number[]): string | null => {
        if (i < 0) return null;
        const cell = cells[i];
        if (cell === null || cell === undefined || cell === '' || (cell.charCodeAt(0) <= 32 && cell.trim() === '')) return null;
        if (isTypeName(cell)) {
          lost.record(name(i), line, columns[i] ?? 1, cell);
          return null;
        }
        return cell;
      };

      return {
        row(cells, line, columns) {
          const dn = dnAt >= 0 ? cells[dnAt] : null;
          if (isBlank(dn)) {
            if (withoutDn++ === 0) firstWithoutDn = line;
            return;
          }
          let category = defaultCategory;
          const objectClass = classAt >= 0 ? cells[classAt] : null;
          let cls: string | null = null;
          if (!isBlank(objectClass)) {
            cls = objectClass.trim().toLowerCase();
            const mapped = CLASS_CATEGORY[cls];
            if (mapped === undefined) {
              const seen = otherClasses.get(cls);
              if (seen) seen.count++;
              else otherClasses.set(cls, { count: 1, line });
              return;
            }
            category = mapped;
          }
          if (category === null) {
            const seen = otherClasses.get('');
            if (seen) seen.count++;
            else otherClasses.set('', { count: 1, line });
            return;
          }
          const location = rollup.locate(dn);
          if (typeof location === 'string') return ctx.fail(location, line, columns[dnAt]);
          if (!rollup.firstSighting(dn, location)) {
            if (duplicates++ === 0) firstDuplicate = line;
            return;
          }
          rollup.count(location, category);
          if (category === 'user' && cls !== null) rollup.userClass(location.domain, cls === 'inetorgperson');
          let mine = location.domain === lastDomain ? lastMine : perDomain.get(location.domain);
          if (!mine) {
            perDomain.set(location.domain, (mine = { counts: [0, 0, 0, 0], containers: new Set() }));
            ctx.batch.noteFolderDomain(folder, location.domain);
          }
          lastDomain = location.domain;
          lastMine = mine;
          mine.counts[Rollup.slot(category)] = (mine.counts[Rollup.slot(category)] ?? 0) + 1;
          if (location.container && location.container !== lastContainer) {
            lastContainer = location.container;
            mine.containers.add(lastContainer.key);
          }
          if (category !== 'computer') {
            hygiene.scan(location.domain, category, {
              upn: value(cells, upnAt, line, columns),
              sam: value(cells, samAt, line, columns),
              mail: value(cells, mailAt, line, columns),
              proxies: value(cells, proxiesAt, line, columns),
            });
          }
          if (category === 'group' && (countAt >= 0 || membersAt >= 0)) {
            const members = memberCount(value(cells, countAt, line, columns), value(cells, membersAt, line, columns));
            if (members !== null) {
              rollup.groupMembers(location.domain, members);
              membersKnown = true;
            }
          }
          imported++;
        },

        part(): ObjectsPart {
          return {
            perDomain: [...perDomain].map(([domain, mine]) => ({ domain, counts: mine.counts, containers: [...mine.containers] })),
            otherClasses: [...otherClasses].map(([cls, seen]) => ({ cls, ...seen })),
            withoutDn: { count: withoutDn, line: firstWithoutDn },
            duplicates: { count: duplicates, line: firstDuplicate },
            membersKnown,
            lost: lost.entries(),
            imported,
          };
        },

        merge(part, lineOffset) {
          const line = (l: number) => l + lineOffset;
          for (const d of part.perDomain) {
            let mine = perDomain.get(d.domain);
            if (!mine) {
              perDomain.set(d.domain, (mine = { counts: [0, 0, 0, 0], containers: new Set() }));
              ctx.batch.noteFolderDomain(folder, d.domain);
            }
            for (let i = 0; i < 4; i++) mine.counts[i] = (mine.counts[i] ?? 0) + (d.counts[i] ?? 0);
            for (const key of d.containers) mine.containers.add(key);
          }
          for (const o of part.otherClasses) {
            const seen = otherClasses.get(o.cls);
            if (seen) seen.count += o.count;
            else otherClasses.set(o.cls, { count: o.count, line: line(o.line) });
          }
          if (part.withoutDn.count > 0 && withoutDn === 0) firstWithoutDn = line(part.withoutDn.line);
          withoutDn += part.withoutDn.count;
          if (part.duplicates.count > 0 && duplicates === 0) firstDuplicate = line(part.duplicates.line);
          duplicates += part.duplicates.count;
          membersKnown ||= part.membersKnown;
          lost.merge(part.lost, lineOffset);
          imported += part.imported;
          lastContainer = null;
          lastDomain = '';
        },

        finish() {
          ctx.imported(imported);
          lost.report(ctx);
          const usable = (i: number) => i >= 0 && !lost.has(name(i));
          const checks = checksFor({ upn: usable(upnAt), sam: usable(samAt), mail: usable(mailAt), proxies: usable(proxiesAt) });
          for (const [domain, mine] of perDomain) {
            if (defaultCategory) rollup.cover(domain, defaultCategory);
            if (mine.counts[0]) hygiene.markEvaluated(domain, checks);
            const parts = CATEGORIES.map((c, i) => [c, mine.counts[i] ?? 0] as const)
              .filter(([, n]) => n > 0)
              .map(([c, n]) => `${n.toLocaleString('en-US')} ${PLURAL[c]}`);
            const containers = mine.containers.size;
            ctx.understood(`${domain}: ${parts.join(', ') || 'no objects'} in ${containers} OU${containers === 1 ? '' : 's'} and containers`);
          }
          if (membersKnown) ctx.understood('group member counts: the largest group per domain is recorded');
          if (withoutDn) ctx.warn(`${withoutDn} row${withoutDn === 1 ? '' : 's'} without a distinguished name skipped`, firstWithoutDn);
          if (duplicates) {
            ctx.warn(`${duplicates} row${duplicates === 1 ? '' : 's'} skipped: the same distinguished name was already counted in this import`, firstDuplicate);
          }
          for (const [cls, { count, line }] of otherClasses) {
            ctx.warn(
              cls === ''
                ? `${count} row${count === 1 ? '' : 's'} skipped: no objectClass, so SyncPlan cannot tell users from groups`
                : `${count} row${count === 1 ? '' : 's'} of objectClass ${cls} skipped: only users, groups, contacts and computers are counted`,
              line,
            );
          }
        },
      };
    },
  };
}

export const objectReaders = {
  'ad-users': objectsReader('ad-users'),
  'ad-groups': objectsReader('ad-groups'),
  'ad-computers': objectsReader('ad-computers'),
  'ad-objects': objectsReader('ad-objects'),
} satisfies Partial<Record<ImportKind, KindReader>>;
