import type { CollectField, ForestDecision, ForestLinkRef } from '../decision-schema.js';
import { firstHop } from '../links.js';
import type { Rule } from '../rule.js';
import { cite } from '../sources.js';

const KIND: Record<ForestLinkRef['kind'], string> = {
  merge: 'merge (the same people in both, joined by Connect)',
  references: 'references (group members or managers across the two)',
  'resource-for': 'account/resource (linked mailboxes)',
  trust: 'trust',
};

export function describeLink(link: ForestLinkRef): string {
  const from = link.origin === 'forest_links' ? 'forest_links template' : 'a trust in the AD export';
  return `${link.forest} → ${link.otherForest}, ${KIND[link.kind]}; from the ${from}`;
}

/** What to collect for a partner whose verdict is open: the fields its own verdict waits for. */
function openFields(partner: ForestDecision): CollectField[] {
  const deciding = new Set(partner.decidedBy);
  const unknown = partner.findings.filter((f) => f.effect === 'unknown-data');
  const wanted = unknown.filter((f) => deciding.has(f.rule));
  return (wanted.length > 0 ? wanted : unknown).flatMap((f) => f.collect);
}

/**
 * A forest merged with another, holding references into it, or paired with it as account and resource
 * forest moves with it or not at all: Connect keeps both ends of a reference and both halves of a merged
 * person until cutover (PILOT), and Cloud Sync matches nothing across forests (TOPO). Runs in the
 * second pass of `decide`, when the linked forests' own decisions are known.
 */
export const forestLinks: Rule = {
  id: 'forest-links',
  capability: 'linked forests move together (merge, references, account/resource)',
  sources: ['TOPO', 'PILOT'],
  evaluate(ctx) {
    const f = ctx.forest.forest;
    const self = ctx.partners.get(f);
    if (ctx.partners.size === 0 || self === undefined || self.verdict === 'stay-on-connect') return [];
    const others = [...ctx.partners.values()].filter((d) => d.forest !== f);
    const staying = new Set(others.filter((d) => d.verdict === 'stay-on-connect').map((d) => d.forest));
    const stays = firstHop(f, staying, ctx.estate.tyingByForest);
    if (stays) {
      const partner = ctx.partners.get(stays.reached);
      return [
        {
          effect: 'blocks-cloud-sync',
          subject: stays.reached,
          link: stays.link,
          message: `Forest ${f} is tied to ${stays.reached} (${describeLink(stays.link)}), which stays on Connect Sync: ${partner?.reason ?? ''} Linked forests move together or not at all: Connect Sync must keep both ends of a merge or a reference until cutover (${cite('PILOT')}), and Cloud Sync matches nothing across forests (${cite('TOPO')}). On its own, ${f} would be ${self.verdict}.`,
          remediation: `Keep ${f} on Connect Sync with ${stays.reached}, or remove what ties them (the merge or the references) and decide again.`,
          evidence: { linkedTo: stays.reached, linkedVerdict: 'stay-on-connect', aloneVerdict: self.verdict },
        },
      ];
    }
    const open = new Set(others.filter((d) => d.verdict === 'insufficient-data').map((d) => d.forest));
    const waits = self.verdict === 'insufficient-data' ? null : firstHop(f, open, ctx.estate.tyingByForest);
    if (waits) {
      const partner = ctx.partners.get(waits.reached);
      const fields = partner ? openFields(partner) : [];
      return [
        {
          effect: 'unknown-data',
          couldBecome: 'blocks-cloud-sync',
          subject: waits.reached,
          link: waits.link,
          message: `Forest ${f} is tied to ${waits.reached} (${describeLink(waits.link)}), whose verdict is open; if ${waits.reached} stays on Connect Sync, ${f} stays with it, since linked forests move together or not at all (${cite('PILOT', 'TOPO')}).`,
          remediation: `Collect what ${waits.reached} lacks; both forests are decided together.`,
          evidence: { linkedTo: waits.reached, linkedVerdict: 'insufficient-data', aloneVerdict: self.verdict },
          collect: fields,
        },
      ];
    }
    return [];
  },
};
