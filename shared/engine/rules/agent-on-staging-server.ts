import { collect, collectPhrase } from '../collect.js';
import { shortHostName } from '../estate-index.js';
import type { FindingDraft, Rule } from '../rule.js';
import { cite, source } from '../sources.js';

/** An agent may share a host with the active Connect server or a DC, never with a staging server (FAQ). */
export const agentOnStagingServer: Rule = {
  id: 'agent-on-staging-server',
  capability: 'agent host: not a Connect staging server',
  source: source('FAQ'),
  evaluate(ctx) {
    const staging: { host: string; server: string }[] = [];
    const unknownMode: { host: string; server: string }[] = [];
    for (const a of ctx.agents) {
      for (const s of ctx.estate.serversByHost.get(shortHostName(a.host)) ?? []) {
        if (s.mode === 'staging') staging.push({ host: a.host, server: s.server });
        else if (s.mode === null) unknownMode.push({ host: a.host, server: s.server });
      }
    }
    const drafts: FindingDraft[] = [];
    if (staging.length > 0) {
      drafts.push({
        effect: 'needs-remediation',
        subject: 'staging server',
        message: `${staging.map((s) => s.host).join(', ')} ${staging.length === 1 ? 'is a' : 'are'} Connect Sync staging server${staging.length === 1 ? '' : 's'}; the provisioning agent may run on a domain controller or the active Connect server, not on a staging server (${cite('FAQ')}).`,
        remediation: 'Move the agent to another host.',
        evidence: { agents: staging },
      });
    }
    if (unknownMode.length > 0) {
      const fields = unknownMode.map((s) => collect('connect_servers', 'mode', s.server));
      drafts.push({
        effect: 'unknown-data',
        couldBecome: 'needs-remediation',
        subject: 'unknown',
        message: `${unknownMode.map((s) => s.host).join(', ')} also ${unknownMode.length === 1 ? 'hosts a Connect server' : 'host Connect servers'} whose mode is not recorded; an agent must not run on a staging server (${cite('FAQ')}). ${collectPhrase(fields)}`,
        remediation: 'Record whether the Connect server is active or in staging mode.',
        evidence: { agents: unknownMode },
        collect: fields,
      });
    }
    return drafts;
  },
};
