import { useMemo, useState } from 'react';
import { EDITABLE_ENTITIES, type EditableEntity, type EditableValue } from '../../../../shared/edit/edit-schema';
import { blankRow, type AnyEntity, type AnyField } from '../../../../shared/model/entity';
import { FEATURE_NAMES, unknownFeatures, type EstateModel, type FeatureName, type Forest, type Tenant } from '../../../../shared/model/inventory';
import { FEATURE_LABELS } from '../../../../shared/model/feature-labels';
import { useRead } from '../../api/workshop-data';
import { ReadState } from '../workshop/ReadState';
import { EntityList, type ExtraColumn } from './EntityList';
import { KnownCount } from './FieldValue';
import { OuTable } from './OuTable';
import './estate.css';

export const ESTATE_SECTIONS = [
  { id: 'tenants', label: 'Tenants' },
  { id: 'forests', label: 'Forests' },
  { id: 'domains', label: 'Domains' },
  { id: 'ous', label: 'OUs' },
  { id: 'trusts', label: 'Trusts' },
  { id: 'forestLinks', label: 'Forest links' },
  { id: 'connectServers', label: 'Connect servers' },
  { id: 'agents', label: 'Agent hosts' },
] as const;
export type EstateSection = (typeof ESTATE_SECTIONS)[number]['id'];

/** A new row of an entity: nothing known but blanks for its required fields. */
export function newRow<E extends EditableEntity>(entity: E, given: Record<string, unknown> = {}): EditableValue<E> {
  const spec: AnyEntity = EDITABLE_ENTITIES[entity];
  const required = Object.fromEntries((Object.entries(spec.fields) as [string, AnyField][]).flatMap(([key, field]) => (field.required ? [[key, given[key] ?? '']] : [])));
  return blankRow(spec, required) as EditableValue<E>;
}

const tri = (value: boolean | null) => (value === null ? '' : value ? 'yes' : 'no');
const fromTri = (value: string) => (value === '' ? null : value === 'yes');

/** A forest's features: the sync_features template's flags, yes, no or unknown. */
export function FeaturesFieldset({ forest, onChange }: { forest: Forest; onChange(forest: Forest): void }) {
  const features = forest.features ?? unknownFeatures();
  const set = (name: FeatureName, value: boolean | null) => onChange({ ...forest, features: { ...features, [name]: value } });
  return (
    <fieldset className="features">
      <legend>{EDITABLE_ENTITIES.forest.fields.features.label}</legend>
      {FEATURE_NAMES.map((name) => (
        <div className="field inline" key={name}>
          <label htmlFor={`feature-${name}`}>{FEATURE_LABELS[name]}</label>
          <select id={`feature-${name}`} value={tri(features[name])} onChange={(e) => set(name, fromTri(e.target.value))}>
            <option value="">Unknown</option>
            <option value="yes">Yes</option>
            <option value="no">No</option>
          </select>
        </div>
      ))}
    </fieldset>
  );
}

/** The Forests list: the workshop's per-forest summaries, so that opening a workshop sends what it shows. */
function ForestsSection({ tenants }: { tenants: readonly Tenant[] }) {
  const summaries = useRead('forests.summaries', {});
  const rows = useMemo(() => (summaries.data ?? []).map((s) => s.forest), [summaries.data]);
  const byForest = useMemo(() => new Map((summaries.data ?? []).map((s) => [s.forest.forest, s])), [summaries.data]);
  if (!summaries.data) return <ReadState read={summaries} loading="Reading the forests…" />;
  const extra: ExtraColumn<Forest>[] = [
    { label: 'Domains', numeric: true, cell: (f) => byForest.get(f.forest)?.domains ?? 0 },
    { label: 'Users', numeric: true, cell: (f) => <KnownCount value={byForest.get(f.forest)?.users} /> },
    { label: 'OUs', numeric: true, cell: (f) => (byForest.get(f.forest)?.ous ?? 0).toLocaleString('en-US') },
  ];
  return (
    <EntityList
      entity="forest"
      title="Forests"
      rows={rows}
      known={{ forests: rows, domains: [], tenants }}
      columns={['tenant', 'network', 'currentEngine', 'sourceAnchor', 'topologyRole']}
      extraColumns={extra}
      newRow={() => newRow('forest')}
      empty="No forests yet. Add one by hand, or import the customer's inventory."
      formExtra={(value, set) => <FeaturesFieldset forest={value} onChange={set} />}
    />
  );
}

function TenantsSection({ tenants }: { tenants: readonly Tenant[] }) {
  const summaries = useRead('forests.summaries', {});
  if (!summaries.data) return <ReadState read={summaries} loading="Reading the forests…" />;
  const forests = summaries.data.map((s) => s.forest);
  const forestsOf = (name: string) => forests.filter((f) => f.tenant?.toLowerCase() === name.toLowerCase()).length;
  const extra: ExtraColumn<EditableValue<'tenant'>>[] = [{ label: 'Forests', numeric: true, cell: (t) => forestsOf(t.name) }];
  return (
    <EntityList
      entity="tenant"
      title="Tenants"
      rows={tenants}
      known={{ forests, domains: [], tenants }}
      columns={['cloud', 'notes']}
      extraColumns={extra}
      newRow={() => newRow('tenant')}
      empty="No tenants yet. Add one, or name a tenant on a forest or Connect server."
    />
  );
}

type ModelSectionId = Exclude<EstateSection, 'forests' | 'tenants'>;

/** The sections whose rows, or whose choices, need the whole model (OU rows aside). */
function ModelSection({ section }: { section: ModelSectionId }) {
  const read = useRead('inventory.get', {});
  return read.data ? <ModelSectionRows section={section} model={read.data} /> : <ReadState read={read} loading="Reading the estate…" />;
}

function ModelSectionRows({ section, model }: { section: ModelSectionId; model: EstateModel }) {
  const [forestFilter, setForestFilter] = useState('');
  const forestSelect = (
    <label className="inline-filter">
      Show{' '}
      <select aria-label="Show the rows of forest" value={forestFilter} onChange={(e) => setForestFilter(e.target.value)}>
        <option value="">All forests</option>
        {model.forests.map((f) => (
          <option key={f.forest}>{f.forest}</option>
        ))}
      </select>
    </label>
  );

  switch (section) {
    case 'domains':
      return (
        <EntityList
          entity="domain"
          title="Domains"
          rows={forestFilter ? model.domains.filter((d) => d.forest === forestFilter) : model.domains}
          known={model}
          columns={['forest', 'netbios', 'functionalLevel', 'users', 'groups', 'contacts', 'computers']}
          extraColumns={[{ label: 'OUs', numeric: true, cell: (d) => (model.ouCounts[d.domain] ?? 0).toLocaleString('en-US') }]}
          tools={forestSelect}
          newRow={() => newRow('domain', { forest: forestFilter || model.forests[0]?.forest || '' })}
          empty="No domains yet. Add one to a forest, or import Get-ADDomain or the domains template."
        />
      );
    case 'ous':
      return <OuTable model={model} />;
    case 'trusts':
      return (
        <EntityList
          entity="trust"
          title="Trusts"
          rows={model.trusts}
          known={model}
          columns={['target', 'direction', 'trustType', 'forestTransitive']}
          newRow={() => newRow('trust')}
          empty="No trusts yet. Add one, or import Get-ADTrust."
        />
      );
    case 'forestLinks':
      return (
        <EntityList
          entity="forestLink"
          title="Forest links"
          rows={model.forestLinks}
          known={model}
          columns={['otherForest', 'kind', 'direction', 'notes']}
          newRow={() => newRow('forestLink')}
          empty="No links between forests yet (merge, references, trust, resource forest)."
        />
      );
    case 'connectServers':
      return (
        <EntityList
          entity="connectServer"
          title="Connect servers"
          rows={model.connectServers}
          known={model}
          columns={['forests', 'tenant', 'version', 'mode', 'database', 'os']}
          newRow={() => newRow('connectServer')}
          empty="No Connect servers yet. Add one, or import an Entra Connect configuration export."
        />
      );
    case 'agents':
      return (
        <EntityList
          entity="agent"
          title="Agent hosts"
          rows={forestFilter ? model.agents.filter((a) => a.forest === forestFilter) : model.agents}
          known={model}
          columns={['forest', 'domain', 'os', 'serverCore', 'ramGb', 'dotnet', 'tls12', 'domainJoined', 'ldap389', 'gc3268', 'outbound443']}
          tools={forestSelect}
          newRow={() => newRow('agent', { forest: forestFilter || model.forests[0]?.forest || '' })}
          empty="No Cloud Sync agent hosts yet: add the servers where the agents will run."
        />
      );
  }
}

/** Every entity of the model, editable: a list per entity beside the estate's own navigation. */
export function EstatePanel({ section, onSection }: { section: EstateSection; onSection(section: EstateSection): void }) {
  const outline = useRead('estate.outline', {});
  const counts = outline.data?.counts;
  return (
    <div className="estate">
      <nav className="estate-nav" aria-label="Estate">
        <ul>
          {ESTATE_SECTIONS.map((s) => (
            <li key={s.id}>
              <button type="button" aria-current={s.id === section ? 'page' : undefined} onClick={() => onSection(s.id)}>
                <span>{s.label}</span>
                {counts && <span className="muted count">{counts[s.id].toLocaleString('en-US')}</span>}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="estate-section">
        {!outline.data ? (
          <ReadState read={outline} loading="Reading the estate…" />
        ) : section === 'forests' ? (
          <ForestsSection tenants={outline.data.tenants} />
        ) : section === 'tenants' ? (
          <TenantsSection tenants={outline.data.tenants} />
        ) : (
          <ModelSection key={section} section={section} />
        )}
      </div>
    </div>
  );
}
