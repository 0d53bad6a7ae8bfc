import { dirname } from 'node:path';
import { headerKey } from '../columns.js';
import { DnsName } from '../../../shared/model/inventory.js';
import { text } from './cell-values.js';
import type { FileContext, KindReader, RowHandler } from './context.js';

/**
 * ADRecon's files that have no Export-Csv twin: the key/value Forest.csv and Domain.csv (keys may
 * repeat, e.g. one "Domain" row per domain), GroupMembers.csv and DomainControllers.csv.
 */
export const adreconKeyValueReader: KindReader = {
  kind: 'ad-forest',
  fields: [
    { field: 'key', columns: ['Category'] },
    { field: 'value', columns: ['Value'] },
  ],
  required: ['key', 'value'],
  start(ctx, map): RowHandler {
    const keyAt = map.index.get('key') as number;
    const valueAt = map.index.get('value') as number;
    const entries: { key: string; value: string; line: number; column: number }[] = [];
    return {
      row(cells, line, columns) {
        const key = text(cells[keyAt]);
        const value = text(cells[valueAt]);
        if (key !== undefined && value !== undefined) entries.push({ key: headerKey(key), value, line, column: columns[valueAt] ?? 1 });
      },
      finish() {
        const keys = new Set(entries.map((e) => e.key));
        const first = (key: string) => entries.find((e) => e.key === key);
        const dns = (key: string) => {
          const entry = first(key);
          if (!entry) return undefined;
          const parsed = DnsName.safeParse(entry.value);
          return parsed.success ? parsed.data : ctx.fail(`"${entry.value}" is not a DNS name`, entry.line, entry.column);
        };
        if (keys.has('domainnamingmaster') || keys.has('schemamaster') || keys.has('domaincount')) {
          const forest = dns('name') ?? dns('rootdomain');
          if (forest === undefined) return ctx.fail('this ADRecon forest file has no "Name" row', 1);
          const memberDomains = entries
            .filter((e) => e.key === 'domain')
            .map((e) => DnsName.safeParse(e.value))
            .flatMap((p) => (p.success ? [p.data] : []));
          ctx.batch.forest({ forest, functionalLevel: first('functionallevel')?.value, memberDomains });
          ctx.imported(entries.length);
          ctx.understood(`forest ${forest}${memberDomains.length ? ` with domain${memberDomains.length === 1 ? '' : 's'} ${memberDomains.join(', ')}` : ''}`);
          return;
        }
        if (keys.has('netbios') || keys.has('domainsid')) {
          const domain = dns('name');
          if (domain === undefined) return ctx.fail('this ADRecon domain file has no "Name" row', 1);
          ctx.reclassify('ad-domain');
          ctx.batch.domain({ domain, netbios: first('netbios')?.value, functionalLevel: first('functionallevel')?.value });
          ctx.batch.noteFolderDomain(dirname(ctx.path), domain);
          ctx.imported(entries.length);
          ctx.understood(`domain ${domain}`);
          return;
        }
        ctx.reclassify('not-inventory');
        ctx.warn(`a key/value file that is neither ADRecon's Forest.csv nor its Domain.csv; ${entries.length} rows read, nothing stored`);
      },
    };
  },
};

export const adreconGroupMembersReader: KindReader = {
  kind: 'ad-group-members',
  fields: [
    { field: 'group', columns: ['Group Name'] },
    { field: 'member', columns: ['Member Name', 'Member UserName'] },
  ],
  required: ['group'],
  start(ctx, map): RowHandler {
    const groupAt = map.index.get('group') as number;
    const members = new Map<string, { name: string; count: number }>();
    return {
      row(cells) {
        const group = text(cells[groupAt]);
        if (group === undefined) return;
        const key = group.toLowerCase();
        const entry = members.get(key);
        if (entry) entry.count++;
        else members.set(key, { name: group, count: 1 });
        ctx.imported();
      },
      finish() {
        let largest = 0;
        let group = '';
        for (const { name, count } of members.values()) if (count > largest) [largest, group] = [count, name];
        ctx.batch.pendingMembers.push({ file: ctx.file, folder: dirname(ctx.path), largest, group });
        ctx.understood(`direct members of ${members.size} groups; the largest has ${largest}`);
      },
    };
  },
};

/** For files read only to say, once, why none of their rows were stored. */
function countRowsThenWarn(ctx: FileContext, message: (rows: number) => string): RowHandler {
  let rows = 0;
  return {
    row() {
      rows++;
    },
    finish() {
      ctx.warn(message(rows));
    },
  };
}

export const domainControllersReader: KindReader = {
  kind: 'ad-domain-controllers',
  fields: [
    { field: 'domain', columns: ['Domain'] },
    { field: 'name', columns: ['Name', 'HostName'] },
  ],
  required: [],
  start: (ctx) =>
    countRowsThenWarn(ctx, (rows) => `${rows} domain controller${rows === 1 ? '' : 's'} read; the inventory has no place for domain controllers, so nothing was stored`),
};

export const notInventoryReader: KindReader = {
  kind: 'not-inventory',
  fields: [],
  required: [],
  start: (ctx) =>
    countRowsThenWarn(ctx, (rows) => `not an inventory file SyncPlan knows (its columns match no kind); ${rows} row${rows === 1 ? '' : 's'} read, nothing stored`),
};
