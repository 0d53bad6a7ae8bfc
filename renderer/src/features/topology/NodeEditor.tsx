import { useState, type ReactNode } from 'react';
import type { EstateModel } from '../../../../shared/model/inventory';
import type { PositionedBox } from '../../../../shared/topology/layout';
import type { AgentsNode, ExternalNode, ForestNode, ServerNode, TenantGroup } from '../../../../shared/topology/topology-graph';
import { EntityForm } from '../estate/EntityForm';
import { FeaturesFieldset } from '../estate/EstatePanel';
import { referencesFor } from '../estate/references';

type Sub = { kind: 'domain'; name: string } | { kind: 'agent'; host: string } | null;

/** A box with nothing to edit in itself: what it is, what it holds, and Close. */
function InfoPanel({ title, children, onClose }: { title?: string; children: ReactNode; onClose(): void }) {
  return (
    <div className="panel">
      {title && <h3>{title}</h3>}
      {children}
      <div className="row end">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}

/** The editor of what a box of the diagram stands for, beside the diagram: save and the diagram redraws. */
export function NodeEditor({ box, model, onClose }: { box: PositionedBox; model: EstateModel; onClose(): void }) {
  const [sub, setSub] = useState<Sub>(null);
  const close = () => {
    setSub(null);
    onClose();
  };

  if (sub?.kind === 'domain') {
    const domain = model.domains.find((d) => d.domain === sub.name);
    if (domain) return <EntityForm key={domain.domain} entity="domain" initial={domain} previous={[domain.domain]} references={referencesFor('domain', model)} onCancel={() => setSub(null)} onSaved={close} />;
  }
  if (sub?.kind === 'agent') {
    const agent = model.agents.find((a) => a.host === sub.host);
    if (agent) return <EntityForm key={agent.host} entity="agent" initial={agent} previous={[agent.host]} references={referencesFor('agent', model)} onCancel={() => setSub(null)} onSaved={close} />;
  }

  switch (box.kind) {
    case 'forest': {
      const name = (box.source as ForestNode).forest;
      const forest = model.forests.find((f) => f.forest === name);
      if (!forest) return null;
      const domains = model.domains.filter((d) => d.forest === name);
      return (
        <>
          <EntityForm
            key={name}
            entity="forest"
            initial={forest}
            previous={[name]}
            references={referencesFor('forest', model)}
            extra={(value, set) => <FeaturesFieldset forest={value} onChange={set} />}
            onCancel={close}
            onSaved={close}
          />
          {domains.length > 0 && (
            <div className="panel">
              <h3>Domains of {name}</h3>
              <ul className="plain-list">
                {domains.map((d) => (
                  <li key={d.domain}>
                    <button type="button" className="link" onClick={() => setSub({ kind: 'domain', name: d.domain })}>
                      Edit domain {d.domain}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      );
    }
    case 'server': {
      const name = (box.source as ServerNode).server;
      const server = model.connectServers.find((s) => s.server === name);
      if (!server) return null;
      return <EntityForm key={name} entity="connectServer" initial={server} previous={[name]} references={referencesFor('connectServer', model)} onCancel={close} onSaved={close} />;
    }
    case 'agents': {
      const node = box.source as AgentsNode;
      return (
        <InfoPanel title={`Agent hosts for ${node.forest}`} onClose={close}>
          <ul className="plain-list">
            {node.hosts.map((h) => (
              <li key={h.host}>
                <button type="button" className="link" onClick={() => setSub({ kind: 'agent', host: h.host })}>
                  Edit agent host {h.host}
                </button>
              </li>
            ))}
          </ul>
        </InfoPanel>
      );
    }
    case 'tenant': {
      const group = box.source as TenantGroup;
      const tenant = group.name === null ? undefined : model.tenants.find((t) => t.name.toLowerCase() === group.name?.toLowerCase());
      if (!tenant) {
        return (
          <InfoPanel onClose={close}>
            <p>These forests name no tenant. Set one on each forest, or add a tenant under Estate → Tenants.</p>
          </InfoPanel>
        );
      }
      return <EntityForm key={tenant.name} entity="tenant" initial={tenant} previous={[tenant.name]} onCancel={close} onSaved={close} />;
    }
    case 'external':
      return (
        <InfoPanel title={(box.source as ExternalNode).name} onClose={close}>
          <p>A trust names this domain, but the workshop has no forest or domain of that name. Add it under Estate if it belongs to the estate.</p>
        </InfoPanel>
      );
  }
}
