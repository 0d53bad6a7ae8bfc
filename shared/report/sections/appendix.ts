import { html, thead, type SafeHtml } from '../html.js';
import { count } from '../../engine/format.js';
import { group as groupBy } from '../../engine/estate-index.js';
import { reportDetail, type Chapter, type ForestEntry, type ReportInput } from '../report-input.js';
import { FEATURE_LABELS } from '../../model/feature-labels.js';
import { FEATURE_NAMES, type Domain, type Ou } from '../../model/inventory.js';

const unknown = html`<span class="unknown">unknown</span>`;
const text = (value: string | null): SafeHtml | string => value ?? unknown;
const n = (value: number | null): SafeHtml | string => (value === null ? unknown : count(value));
const flag = (value: boolean | null): SafeHtml | string => (value === null ? unknown : value ? 'yes' : 'no');

type ByForest = <T extends { forest: string }>(items: T[]) => T[];

function domainsTable(domains: Domain[], byForest: ByForest): SafeHtml {
  return html`<table class="dense">${thead([{ label: 'Domain', width: 18 }, { label: 'Forest', width: 15 }, { label: 'NetBIOS', width: 10 }, { label: 'Users', width: 9, numeric: true }, { label: 'Groups', width: 8, numeric: true }, { label: 'Contacts', width: 8, numeric: true }, { label: 'Computers', width: 9, numeric: true }, { label: 'Largest group', width: 9, numeric: true }, { label: 'UPN suffixes', width: 14 }])}
<tbody>${byForest(domains).map(
  (d) => html`<tr><td>${d.domain}</td><td>${d.forest}</td><td>${text(d.netbios)}</td><td class="num">${n(d.users)}</td><td class="num">${n(d.groups)}</td><td class="num">${n(d.contacts)}</td><td class="num">${n(d.computers)}</td><td class="num">${n(d.largestGroupMembers)}</td><td>${d.upnSuffixes.join(', ')}</td></tr>`,
)}</tbody></table>`;
}

/** Large estates: the domains with their OUs counted; each OU stays in the workshop file and in syncplan show --json. */
function ouSummary(domains: Domain[], ous: Ou[], byForest: ByForest): SafeHtml {
  const byDomain = groupBy(ous, (o) => o.domain);
  return html`<p>The estate has ${count(ous.length)} OUs: they are counted per domain here. Each OU with its counts is in the workshop file
and in <code>syncplan show --json</code>; the OUs each pilot and wave moves are named in its runbook.</p>
<table class="dense">${thead([{ label: 'Domain', width: 27 }, { label: 'Forest', width: 22 }, { label: 'Users', width: 9, numeric: true }, { label: 'Groups', width: 8, numeric: true }, { label: 'Contacts', width: 8, numeric: true }, { label: 'Computers', width: 9, numeric: true }, { label: 'OUs', width: 7, numeric: true }, { label: 'In scope', width: 10, numeric: true }])}
<tbody>${byForest(domains).map((d) => {
  const list = byDomain.get(d.domain) ?? [];
  return html`<tr><td>${d.domain}</td><td>${d.forest}</td><td class="num">${n(d.users)}</td><td class="num">${n(d.groups)}</td><td class="num">${n(d.contacts)}</td><td class="num">${n(d.computers)}</td><td class="num">${count(list.length)}</td><td class="num">${count(list.filter((o) => o.inConnectScope === true).length)}</td></tr>`;
})}</tbody></table>`;
}

/** The inventory the decisions and the plan were made from, as imported. */
export function appendixChapter(input: ReportInput, forests: ForestEntry[]): Chapter {
  const inv = input.inventory;
  const { everyOu } = reportDetail(input);
  const order = new Map(forests.map((f, i) => [f.forest, i]));
  const byForest = <T extends { forest: string }>(items: T[]) => [...items].sort((a, b) => (order.get(a.forest) ?? 0) - (order.get(b.forest) ?? 0));
  const domainForest = new Map(inv.domains.map((d) => [d.domain, d.forest]));
  const ous = [...inv.ous].sort((a, b) => (order.get(domainForest.get(a.domain) ?? '') ?? 0) - (order.get(domainForest.get(b.domain) ?? '') ?? 0) || a.domain.localeCompare(b.domain));

  const body = html`
<h2 id="appendix-forests">Forests</h2>
<table class="dense">${thead([{ label: 'Forest', width: 16 }, { label: 'Tenant', width: 20 }, { label: 'Cloud', width: 9 }, { label: 'Network', width: 11 }, { label: 'Today', width: 11 }, { label: 'Source anchor', width: 13 }, { label: 'Role', width: 9 }, { label: 'Functional level', width: 11 }])}
<tbody>${byForest(inv.forests).map(
  (f) => html`<tr><td>${f.forest}</td><td>${text(f.tenant)}</td><td>${text(f.cloud)}</td><td>${text(f.network)}</td><td>${text(f.currentEngine)}</td><td>${text(f.sourceAnchor)}</td><td>${text(f.topologyRole)}</td><td>${text(f.functionalLevel)}</td></tr>`,
)}</tbody></table>
<h3>Features in use today</h3>
<table class="dense">${thead([{ label: 'Forest', width: 20 }, { label: 'In use', width: 45 }, { label: 'Not known', width: 35 }])}
<tbody>${byForest(inv.forests).map((f) => {
  const used = FEATURE_NAMES.filter((name) => f.features[name] === true).map((name) => FEATURE_LABELS[name]);
  const open = FEATURE_NAMES.filter((name) => f.features[name] === null).map((name) => FEATURE_LABELS[name]);
  return html`<tr><td>${f.forest}</td><td>${used.join(', ') || 'none'}</td><td>${open.join(', ')}</td></tr>`;
})}</tbody></table>
<h2 id="appendix-domains">Domains</h2>
${everyOu ? domainsTable(inv.domains, byForest) : ouSummary(inv.domains, ous, byForest)}
${everyOu ? html`<h2 id="appendix-ous">Organisational units</h2>
${ous.length === 0 ? html`<p class="muted">No OUs were imported.</p>` : html`<table class="dense">${thead([{ label: 'Distinguished name', width: 40 }, { label: 'Domain', width: 18 }, { label: 'Users', width: 8, numeric: true }, { label: 'Groups', width: 8, numeric: true }, { label: 'Contacts', width: 8, numeric: true }, { label: 'Computers', width: 9, numeric: true }, { label: 'In Connect scope', width: 9 }])}
<tbody>${ous.map(
  (o) => html`<tr><td class="dn">${o.distinguishedName}</td><td>${o.domain}</td><td class="num">${n(o.users)}</td><td class="num">${n(o.groups)}</td><td class="num">${n(o.contacts)}</td><td class="num">${n(o.computers)}</td><td>${flag(o.inConnectScope)}</td></tr>`,
)}</tbody></table>`}` : ''}
<h2 id="appendix-servers">Connect servers and Cloud Sync agents</h2>
${inv.connectServers.length === 0 ? html`<p class="muted">No Connect servers were imported.</p>` : html`<table class="dense">${thead([{ label: 'Server', width: 22 }, { label: 'Mode', width: 9 }, { label: 'Version', width: 11 }, { label: 'Forests', width: 24 }, { label: 'Database', width: 11 }, { label: 'Custom rules', width: 10, numeric: true }, { label: 'Sign-on', width: 13 }])}
<tbody>${inv.connectServers.map(
  (s) => html`<tr><td>${s.server}</td><td>${text(s.mode)}</td><td>${text(s.version)}</td><td>${s.forests.join(', ')}</td><td>${text(s.database)}</td><td class="num">${n(s.customRules)}</td><td>${text(s.signOnMethod)}</td></tr>`,
)}</tbody></table>`}
${inv.agents.length === 0 ? html`<p class="muted">No Cloud Sync agent hosts were imported.</p>` : html`<table class="dense">${thead([{ label: 'Agent host', width: 22 }, { label: 'Forest', width: 18 }, { label: 'OS', width: 14 }, { label: 'RAM (GB)', width: 7, numeric: true }, { label: '.NET', width: 7 }, { label: 'TLS 1.2', width: 7 }, { label: 'Ports 389 / 3268 / 443', width: 13 }, { label: 'Agent', width: 12 }])}
<tbody>${byForest(inv.agents).map(
  (a) => html`<tr><td>${a.host}</td><td>${a.forest}</td><td>${text(a.os)}</td><td class="num">${n(a.ramGb)}</td><td>${text(a.dotnet)}</td><td>${flag(a.tls12)}</td><td>${flag(a.ldap389)} / ${flag(a.gc3268)} / ${flag(a.outbound443)}</td><td>${text(a.agentVersion)}</td></tr>`,
)}</tbody></table>`}
${inv.hygiene.length > 0 ? html`<h2 id="appendix-hygiene">Directory hygiene</h2>
<table class="dense">${thead([{ label: 'Domain', width: 22 }, { label: 'Check', width: 20 }, { label: 'Objects', width: 10, numeric: true }, { label: 'Examples', width: 48 }])}
<tbody>${inv.hygiene.map((h) => html`<tr><td>${h.domain}</td><td>${h.check}</td><td class="num">${count(h.count)}</td><td class="dn">${h.examples.join(', ')}</td></tr>`)}</tbody></table>` : ''}
${inv.forestLinks.length > 0 ? html`<h2 id="appendix-links">Links between forests</h2>
<table class="dense">${thead([{ label: 'Forest', width: 20 }, { label: 'Link', width: 12 }, { label: 'Other forest', width: 20 }, { label: 'Direction', width: 12 }, { label: 'Notes', width: 36 }])}
<tbody>${inv.forestLinks.map((l) => html`<tr><td>${l.forest}</td><td>${l.kind}</td><td>${l.otherForest}</td><td>${text(l.direction)}</td><td>${l.notes}</td></tr>`)}</tbody></table>` : ''}`;
  return {
    id: 'appendix',
    title: 'Appendix: inventory',
    body,
    entries: [
      { id: 'appendix-forests', title: 'Forests' },
      { id: 'appendix-domains', title: 'Domains' },
      ...(everyOu ? [{ id: 'appendix-ous', title: 'Organisational units' }] : []),
      { id: 'appendix-servers', title: 'Connect servers and Cloud Sync agents' },
      ...(inv.hygiene.length > 0 ? [{ id: 'appendix-hygiene', title: 'Directory hygiene' }] : []),
      ...(inv.forestLinks.length > 0 ? [{ id: 'appendix-links', title: 'Links between forests' }] : []),
    ],
  };
}
