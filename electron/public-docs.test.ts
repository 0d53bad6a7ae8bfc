import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TEMPLATE_COLUMNS, TEMPLATE_KEYS, TEMPLATE_KINDS } from '../shared/import/template-catalog.js';
import { inventoryView } from '../shared/model/inventory-view.js';
import { bareForest, unknownFeatures } from '../shared/model/inventory.js';
import { blankRow } from '../shared/model/entity.js';
import { agentEntity, connectServerEntity, domainEntity, forestLinkEntity, ouEntity, tenantEntity } from '../shared/model/entities.js';
import { commands } from './cli/commands/index.js';
import { LATEST_VERSION } from './store/migrations.js';

/**
 * The public formats live in docs/; these checks keep the documents current with the code that
 * defines the formats: a template column, a command or a JSON field the docs do not name fails here.
 */
const doc = (name: string) => readFileSync(join(resolve(import.meta.dirname, '..'), 'docs', name), 'utf8');

/** The text of a `## heading` section up to the next one. */
function section(text: string, heading: string): string {
  const start = text.indexOf(`\n## ${heading}\n`);
  expect(start, `a section "## ${heading}"`).toBeGreaterThanOrEqual(0);
  const end = text.indexOf('\n## ', start + 1);
  return text.slice(start, end === -1 ? undefined : end);
}

describe('docs/ are current with the code', () => {
  it('templates.md lists every template with its key and every column, in order', () => {
    const text = doc('templates.md');
    for (const kind of TEMPLATE_KINDS) {
      const part = section(text, `\`${kind}\``);
      const documented = [...part.matchAll(/^\| `([a-z0-9_]+)` \|/gm)].map((m) => m[1]);
      expect(documented, kind).toEqual(TEMPLATE_COLUMNS[kind]);
      for (const key of TEMPLATE_KEYS[kind]) expect(part.split('\n').find((l) => l.startsWith('Key'))).toContain(`\`${key}\``);
    }
  });

  it('workshop-file.md names the current format and the history of every format', () => {
    const text = doc('workshop-file.md');
    expect(text).toContain(`This SyncPlan writes format **${LATEST_VERSION}**.`);
    const history = section(text, 'Format history');
    for (let version = 1; version <= LATEST_VERSION; version++) expect(history).toMatch(new RegExp(`^\\| ${version} \\|`, 'm'));
  });

  it('cli.md describes every command', () => {
    const text = doc('cli.md');
    for (const command of commands) {
      expect(text).toContain(`| \`syncplan ${command.name} `);
      expect(text).toContain(`### \`${command.name}\``);
    }
  });

  it('json-outputs.md names every field `show --json` prints', () => {
    const part = section(doc('json-outputs.md'), '`show --json`');
    const forest = { ...bareForest('a.com'), features: unknownFeatures() };
    const view = inventoryView({
      tenants: [blankRow(tenantEntity, { name: 'contoso.onmicrosoft.com' })],
      forests: [forest],
      domains: [blankRow(domainEntity, { domain: 'a.com', forest: 'a.com' })],
      ous: [blankRow(ouEntity, { domain: 'a.com', distinguishedName: 'OU=A,DC=a,DC=com' })],
      connectServers: [blankRow(connectServerEntity, { server: 's' })],
      agents: [blankRow(agentEntity, { host: 'h', forest: 'a.com' })],
      trusts: [],
      forestLinks: [blankRow(forestLinkEntity, { forest: 'a.com', otherForest: 'b.com', kind: 'trust' })],
      hygiene: [],
    });
    const names = new Set<string>();
    const collect = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) {
          if (key !== 'features') collect(inner);
          names.add(key);
        }
      }
    };
    collect(view);
    for (const name of names) expect(part, name).toMatch(new RegExp(`"${name}"`));
  });
});
