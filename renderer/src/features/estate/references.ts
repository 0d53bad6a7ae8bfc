import type { EditableEntity } from '../../../../shared/edit/edit-schema';
import type { Reference } from './EntityForm';

/** The rows other rows may name: the open workshop's model, or as much of it as a view has read. */
export interface KnownRows {
  forests: readonly { forest: string }[];
  domains: readonly { domain: string; forest: string }[];
  tenants: readonly { name: string }[];
}

/** What each field that names another row may name. */
export function referencesFor(entity: EditableEntity, model: KnownRows): Partial<Record<string, Reference>> {
  const forests = model.forests.map((f) => f.forest);
  const domains = model.domains.map((d) => d.domain);
  const forestOfDomain = new Map(model.domains.map((d) => [d.domain, d.forest]));
  const tenants = model.tenants.map((t) => t.name);
  switch (entity) {
    case 'forest':
      return { tenant: { kind: 'suggest', options: tenants } };
    case 'domain':
      return { forest: { kind: 'select', options: forests } };
    case 'ou':
      return { domain: { kind: 'select', options: domains } };
    case 'trust':
      return { source: { kind: 'suggest', options: domains }, target: { kind: 'suggest', options: [...new Set([...forests, ...domains])] } };
    case 'forestLink':
      return { forest: { kind: 'select', options: forests }, otherForest: { kind: 'select', options: forests } };
    case 'connectServer':
      return { forests: { kind: 'multi', options: forests }, tenant: { kind: 'suggest', options: tenants } };
    case 'agent':
      return { forest: { kind: 'select', options: forests }, domain: { kind: 'select', options: domains, within: { field: 'forest', parentOf: forestOfDomain } } };
    case 'tenant':
      return {};
  }
}
