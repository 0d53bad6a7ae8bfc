import { collect, collectPhrase } from '../collect.js';
import { shortHostName } from '../estate-index.js';
import type { FindingDraft, Rule } from '../rule.js';
import { cite } from '../sources.js';

/**
 * An agent may run on a DC or the Connect server; the FAQ's answer about a Connect staging server is
 * ambiguous, so an agent there is a warning to resolve, not a blocker (corrected 2026-11-30).
 */
export const agentOnStagingServer: Rule = {
  id: 'agent-on-staging-server',
  capability: 'agent host: not a Connect staging server',
  sources: ['FAQ'],
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
        effect: 'informational',
        severity: 'warning',
        subject: 'staging server',
        message: `${staging.map((s) => s.host).join(', ')} ${staging.length === 1 ? 'is a' : 'are'} Connect Sync staging server${staging.length === 1 ? '' : 's'}; the provisioning agent may run on a domain controller or the Connect server, and the FAQ's answer about a staging server is ambiguous (${cite('FAQ')}).`,
        remediation: 'Prefer another host for the agent; if it stays, test failover of the staging server with the agent installed.',
        evidence: { agents: staging },
      });
    }
    if (unknownMode.length > 0) {
      const fields = unknownMode.map((s) => collect('connect_servers', 'mode', s.server));
      drafts.push({
        effect: 'unknown-data',
        couldBecome: 'informational',
        subject: 'unknown',
        message: `${unknownMode.map((s) => s.host).join(', ')} also ${unknownMode.length === 1 ? 'hosts a Connect server' : 'host Connect servers'} whose mode is not recorded; an agent on a staging server is a warning, as the FAQ is ambiguous about it (${cite('FAQ')}). ${collectPhrase(fields)}`,
        remediation: 'Record whether the Connect server is active or in staging mode.',
        evidence: { agents: unknownMode },
        collect: fields,
      });
    }
    return drafts;
  },
};
