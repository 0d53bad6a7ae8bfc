import type { ForestLinkRef } from '../../../../shared/engine/decision-schema';

const KIND: Record<ForestLinkRef['kind'], string> = {
  merge: 'merge',
  references: 'references',
  trust: 'trust',
  'resource-for': 'resource forest for',
};

/** "contoso.com → fabrikam.com (merge, forest_links template)". */
export function linkLabel(link: ForestLinkRef): string {
  const origin = link.origin === 'forest_links' ? 'forest_links template' : 'trust from the AD export';
  const arrow = link.direction === 'two-way' ? '↔' : '→';
  return `${link.forest} ${arrow} ${link.otherForest} (${KIND[link.kind]}, ${origin})`;
}
