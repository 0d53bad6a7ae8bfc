import { beforeAll, describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decide } from '../engine/decide.js';
import { defaultAssumptions } from '../model/assumptions.js';
import type { Inventory } from '../model/inventory.js';
import { VERDICT_LABELS } from '../engine/labels.js';
import { generateLargeEstate } from '../engine/test-support/large-estate.js';
import { agent, connectServer, estate, forest } from '../engine/test-support/estate-builder.js';
import { openWorkshop, closeWorkshop } from '../../electron/store/workshop-db.js';
import { readInventory } from '../../electron/store/inventory-repo.js';
import { runImport } from '../../electron/import/run-import.js';
import { tempDir } from '../../electron/import/test-support/workshop.js';
import { bundledElk } from './bundled-elk.js';
import { topologySvg } from './topology-svg.js';
import { defaultCollapsed, topologyGraph } from './topology-graph.js';

const elk = bundledElk();
const HOSTILE = ['<img src=x onerror=alert(1)>', ']]>', '&', '"quoted" & \'apostrophe\''];

/** Every element of the document, depth first, with its attributes (parsed, so entities are decoded). */
type Element = { tag: string; attrs: Record<string, string>; text: string };
function elements(svg: string): Element[] {
  const tree = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, trimValues: false, htmlEntities: true }).parse(svg) as unknown[];
  const out: Element[] = [];
  const walk = (nodes: unknown[]) => {
    for (const node of nodes as Record<string, unknown>[]) {
      const tag = Object.keys(node).find((k) => k !== ':@');
      if (!tag || tag === '#text') continue;
      const children = node[tag] as Record<string, unknown>[];
      const text = children.filter((c) => '#text' in c).map((c) => String(c['#text'])).join('');
      out.push({ tag, attrs: (node[':@'] ?? {}) as Record<string, string>, text });
      walk(children);
    }
  };
  walk(tree);
  return out;
}
const withAttribute = (all: Element[], name: string) => all.filter((e) => name in e.attrs).map((e) => e.attrs[name]);
const counted = (values: (string | undefined)[]) => {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
};

describe('the topology SVG of the sample workshop', () => {
  let sample: Inventory;
  let svg: string;
  beforeAll(async () => {
    const dir = tempDir('syncplan-topology-');
    const { db } = await openWorkshop(join(dir, 'sample.syncplan'), { mode: 'create' });
    try {
      await runImport(db, [resolve(import.meta.dirname, '../../resources/sample-workshop')]);
      sample = readInventory(db);
    } finally {
      closeWorkshop(db);
    }
    // The sample records no trusts: two are added, one to a domain outside the workshop.
    const [first, second] = sample.forests;
    sample.trusts = [
      { source: first!.forest, target: second!.forest, direction: 'bidirectional', trustType: 'Forest', forestTransitive: true },
      { source: second!.forest, target: 'partner.example', direction: 'outbound', trustType: 'External', forestTransitive: false },
    ];
    svg = await topologySvg(sample, decide(sample, defaultAssumptions()), elk, { title: 'Sample' });
  });

  it('is well-formed XML', () => {
    expect(XMLValidator.validate(svg)).toBe(true);
  });

  it('draws every forest, domain, Connect server and agent host exactly once, and every trust', () => {
    const all = elements(svg);
    const once = (values: (string | undefined)[], expected: string[]) => {
      const counts = counted(values);
      expect([...counts.keys()].sort()).toEqual([...expected].sort());
      for (const [name, n] of counts) expect(n, name).toBe(1);
    };
    once(withAttribute(all, 'data-forest'), sample.forests.map((f) => f.forest));
    once(withAttribute(all, 'data-domain'), sample.domains.map((d) => d.domain));
    once(withAttribute(all, 'data-server'), sample.connectServers.map((s) => s.server));
    once(withAttribute(all, 'data-host'), sample.agents.map((a) => a.host));
    const trusts = withAttribute(all, 'data-trust');
    expect(trusts).toEqual(expect.arrayContaining([`${sample.forests[0]!.forest} → ${sample.forests[1]!.forest}`, `${sample.forests[1]!.forest} → partner.example`]));
    expect(trusts).toHaveLength(2 + sample.forestLinks.filter((l) => l.kind === 'trust').length);
    expect(withAttribute(all, 'data-external')).toEqual(['partner.example']);
    // The links between forests of the forest_links template are drawn too.
    expect(all.filter((e) => /sp-edge-(merge|references|resource-for|trust)\b/.test(e.attrs.class ?? '')).length).toBe(sample.forestLinks.length + 2);
  });

  it('writes each verdict out beside its colour, and carries its legend, fonts and colours inside', () => {
    const decisions = decide(sample, defaultAssumptions());
    const texts = elements(svg).filter((e) => e.tag === 'text').map((e) => e.text);
    for (const d of decisions.forests) expect(texts).toContain(VERDICT_LABELS[d.verdict]);
    expect(texts).toContain('Verdict per forest');
    expect(texts).toContain('Planned engine per domain');
    expect(svg).toMatch(/<style>[^<]*font-family/);
    expect(svg).not.toMatch(/href=|@import|url\((?!#sp-topo-)/);
  });
});

describe('inventory strings in the SVG', () => {
  it('come out as text, whatever they hold', async () => {
    const inventory = estate().forest('contoso.com', { tenant: HOSTILE[0] }).domain('contoso.com').build();
    inventory.connectServers = [connectServer(HOSTILE[1] as string, ['contoso.com'], { tenant: HOSTILE[0] as string, version: HOSTILE[2] as string })];
    inventory.agents = [agent('contoso.com', HOSTILE[0] as string, { os: HOSTILE[3] as string })];
    inventory.trusts = [{ source: 'contoso.com', target: 'elsewhere.example', direction: 'inbound', trustType: HOSTILE[0] as string, forestTransitive: null }];
    const svg = await topologySvg(inventory, decide(inventory, defaultAssumptions()), elk, { title: HOSTILE[0] as string });
    expect(XMLValidator.validate(svg)).toBe(true);
    const all = elements(svg);
    expect(all.some((e) => e.tag === 'img')).toBe(false);
    expect(svg).not.toContain('<img');
    const texts = all.map((e) => e.text).join('\n');
    for (const hostile of HOSTILE) expect(texts).toContain(hostile);
    expect(withAttribute(all, 'data-server')).toEqual([HOSTILE[1]]);
    expect(withAttribute(all, 'data-host')).toEqual([HOSTILE[0]]);
  });
});

describe('large estates', () => {
  it('draw 200 forests as their tenants, collapsed, each with its forests counted by verdict', async () => {
    const inventory = generateLargeEstate({ forests: 200, domainsPerForest: 3, ousPerDomain: 1 });
    const collapsed = defaultCollapsed(inventory);
    const graph = topologyGraph(inventory, decide(inventory, defaultAssumptions()), collapsed);
    expect(graph.tenants.every((t) => t.collapsed && t.children.length === 0)).toBe(true);
    expect(graph.tenants.reduce((n, t) => n + t.forests, 0)).toBe(200);
    for (const t of graph.tenants) expect(Object.values(t.verdicts).reduce((a, b) => a + b, 0)).toBe(t.forests);
    const svg = await topologySvg(inventory, decide(inventory, defaultAssumptions()), elk, { title: 'Large' });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(withAttribute(elements(svg), 'data-forest')).toEqual([]);
  });

  it('draw a small estate whole', () => {
    const inventory = estate().forest('a.com').forest('b.com').build();
    expect(defaultCollapsed(inventory).size).toBe(0);
    inventory.forests.push(forest('c.com'));
    expect(topologyGraph(inventory, null).tenants[0]?.children.map((c) => c.id)).toEqual(['forest:a.com', 'forest:b.com', 'forest:c.com']);
  });
});
