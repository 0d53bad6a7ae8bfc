import type { Agent } from '../../model/inventory.js';
import { collect, collectPhrase } from '../collect.js';
import type { FindingDraft, Rule } from '../rule.js';
import { hostNames } from '../rule-helpers.js';
import { cite } from '../sources.js';
import { windowsRelease } from '../versions.js';

type Verdict = 'unsupported' | 'ws2025' | 'extended-support' | 'supported' | 'unknown';

function classify(agent: Agent): Verdict {
  const release = windowsRelease(agent.os);
  if (release === null) return 'unknown';
  if (release.kind !== 'server' || release.year < 2016) return 'unsupported';
  if (release.year === 2016 || release.year === 2019) return 'extended-support';
  if (release.year === 2025) return 'ws2025';
  return 'supported';
}

const osEvidence = (agents: readonly Agent[]) => ({ agents: agents.map((a) => ({ host: a.host, os: a.os })) });

export const agentOs: Rule = {
  id: 'agent-os',
  capability: 'agent host: operating system',
  sources: ['PRE'],
  evaluate(ctx) {
    const groups = new Map<Verdict, Agent[]>();
    for (const a of ctx.agents) {
      const v = classify(a);
      const list = groups.get(v);
      if (list) list.push(a);
      else groups.set(v, [a]);
    }
    const drafts: FindingDraft[] = [];
    const unsupported = groups.get('unsupported') ?? [];
    if (unsupported.length > 0) {
      drafts.push({
        effect: 'needs-remediation',
        subject: 'unsupported',
        message: `The provisioning agent runs on Windows Server 2016 or later (${cite('PRE')}); ${unsupported
          .map((a) => `${a.host} runs ${a.os}`)
          .join(', ')}.`,
        remediation: `Install the agent on Windows Server 2022 (or 2025 with KB5070773) instead of ${hostNames(unsupported)}.`,
        evidence: osEvidence(unsupported),
      });
    }
    const ws2025 = groups.get('ws2025') ?? [];
    if (ws2025.length > 0) {
      const supported = ctx.assumptions.windowsServer2025Agents === 'supported-with-kb5070773';
      const assumption = {
        name: 'windowsServer2025Agents',
        reading: ctx.assumptions.windowsServer2025Agents,
        alternative: supported ? 'not-supported' : 'supported-with-kb5070773',
      };
      const pages = `older pages and the seed article say 2025 is not supported, ${cite('PRE')} supports it with KB5070773 (2025-10-20) or later`;
      drafts.push(
        supported
          ? {
              effect: 'informational',
              severity: 'warning',
              subject: 'windows-server-2025',
              message: `${hostNames(ws2025)} ${ws2025.length === 1 ? 'runs' : 'run'} Windows Server 2025. SyncPlan follows the reading that it is supported with KB5070773 or later (setting windowsServer2025Agents); ${pages}.`,
              remediation: `Make sure KB5070773 or a later cumulative update is installed on ${hostNames(ws2025)}.`,
              evidence: osEvidence(ws2025),
              assumption,
            }
          : {
              effect: 'needs-remediation',
              subject: 'windows-server-2025',
              message: `${hostNames(ws2025)} ${ws2025.length === 1 ? 'runs' : 'run'} Windows Server 2025. SyncPlan follows the reading that 2025 is not supported for the agent (setting windowsServer2025Agents); ${pages}.`,
              remediation: `Install the agent on Windows Server 2022 instead of ${hostNames(ws2025)}, or switch the setting if KB5070773 is installed.`,
              evidence: osEvidence(ws2025),
              assumption,
            },
      );
    }
    const extended = groups.get('extended-support') ?? [];
    if (extended.length > 0) {
      drafts.push({
        effect: 'informational',
        severity: 'warning',
        subject: 'extended-support',
        message: `${extended.map((a) => `${a.host} runs ${a.os}`).join(', ')}: the agent works on Windows Server 2016 and 2019, but they are in extended support; 2022 or 2025 is recommended (${cite('PRE')}).`,
        remediation: `Plan new agent hosts on Windows Server 2022 or 2025 to replace ${hostNames(extended)}.`,
        evidence: osEvidence(extended),
      });
    }
    const unknown = groups.get('unknown') ?? [];
    if (unknown.length > 0) {
      const fields = unknown.map((a) => collect('agents', 'os', a.host));
      drafts.push({
        effect: 'unknown-data',
        couldBecome: 'needs-remediation',
        subject: 'unknown',
        message: `The Windows Server release of ${hostNames(unknown)} is not recorded or not readable; the agent needs Windows Server 2016 or later (${cite('PRE')}). ${collectPhrase(fields)}`,
        remediation: `Record the operating system of ${hostNames(unknown)}, e.g. "Windows Server 2022 Datacenter".`,
        evidence: osEvidence(unknown),
        collect: fields,
      });
    }
    return drafts;
  },
};
