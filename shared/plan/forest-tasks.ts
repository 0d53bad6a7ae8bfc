import type { Finding } from '../engine/decision-schema.js';
import { count, list } from '../engine/format.js';
import type { PhaseKind, PlanEdits, PlanSettings, Runbook, TaskKind, WaveOu } from './plan-schema.js';
import { kindDuration } from './durations.js';
import type { ForestTrack } from './forest-track.js';
import {
  accidentalDeleteRunbook,
  backupRunbook,
  cutoverRunbook,
  domainCountRunbook,
  groupWritebackRunbook,
  noFlowRuleCount,
  noFlowRunbook,
  verifyRunbook,
  waveRunbook,
  type NoFlowScope,
} from './runbooks.js';
import { FINDING_KIND, KIND_TEXT } from './task-text.js';
import type { WaveGrouping } from './waves.js';

/** A task before scheduling: everything but its dates and whether it is critical. */
export interface DraftTask {
  id: string;
  phase: string;
  title: string;
  kind: TaskKind;
  /** null for a task of the whole estate (a Connect server to upgrade whatever the verdicts). */
  forest: string | null;
  domain: string | null;
  ownerRole: (typeof KIND_TEXT)[TaskKind]['owner'];
  duration: number;
  durationEdited: boolean;
  dependsOn: string[];
  entryCriteria: string[];
  exitCriteria: string[];
  rollback: string | null;
  runbook: Runbook | null;
  findings: string[];
}

export interface DraftPhase {
  id: string;
  forest: string | null;
  domain: string | null;
  kind: PhaseKind;
  name: string;
  ous: WaveOu[];
  domains: string[];
  wave: number | null;
  objects: number;
  tasks: DraftTask[];
}

export interface ForestTaskInput {
  forest: string;
  tenant: string | null;
  track: ForestTrack;
  grouping: WaveGrouping | null;
  /** AD connectors in Connect Sync for this forest; empty when no Connect server is recorded. */
  connectors: string[];
  /** Users, groups and contacts per moving domain; null where the inventory does not count them. */
  domainObjects: { domain: string; objects: number | null }[];
  /** Connect Sync serves only this forest, so it can be turned off at cutover. */
  connectOnlyForThisForest: boolean;
  settings: PlanSettings;
  edits: PlanEdits;
  /** Hands out unique no-flow rule precedences on this forest's Connect servers. */
  nextPrecedence: (count: number) => number;
  /** The whole estate's tasks that upgrade this forest's outdated Connect servers: its readiness waits for them. */
  connectUpgrades: readonly string[];
}

/** What a task adds to its kind's owner, criteria, rollback and default duration. */
export interface TaskExtra {
  runbook?: Runbook | null;
  findings?: string[];
  entry?: string[];
  exit?: string[];
  rollback?: string | null;
  duration?: number;
}

/** A task of `phase`, with its kind's owner, criteria and rollback, and its duration as the user set it or the kind's. */
export function draftTask(
  phase: DraftPhase,
  key: string,
  kind: TaskKind,
  title: string,
  dependsOn: readonly string[],
  extra: TaskExtra,
  planning: { settings: PlanSettings; edits: PlanEdits },
): DraftTask {
  const id = `${phase.id}/${key}`;
  const text = KIND_TEXT[kind];
  const edited = planning.edits.durations[id];
  return {
    id,
    phase: phase.id,
    title,
    kind,
    forest: phase.forest,
    domain: phase.domain,
    ownerRole: text.owner,
    duration: edited ?? extra.duration ?? kindDuration(planning.settings, kind),
    durationEdited: edited !== undefined,
    dependsOn: [...new Set(dependsOn)],
    entryCriteria: [...(extra.entry ?? []), ...text.entry],
    exitCriteria: [...(extra.exit ?? []), ...text.exit],
    rollback: extra.rollback === undefined ? text.rollback : extra.rollback,
    runbook: extra.runbook ?? null,
    findings: extra.findings ?? [],
  };
}

const sum = (ous: readonly WaveOu[]) => ous.reduce((n, ou) => n + ou.objects, 0);
const strip = (ou: WaveOu): WaveOu => ({ distinguishedName: ou.distinguishedName, domain: ou.domain, objects: ou.objects });

/** A name (a part kept on Connect, a server) as a piece of a task id. */
export const idPart = (name: string) => name.replace(/[^a-z0-9]+/gi, '-');

export function findingTitle(f: Finding): string {
  return `Resolve finding ${f.rule}${f.subject ? ` (${f.subject})` : ''}: ${f.capability}`;
}

class ForestBuilder {
  readonly phases: DraftPhase[] = [];
  private phase: DraftPhase | null = null;

  constructor(private readonly input: ForestTaskInput) {}

  get forest() {
    return this.input.forest;
  }

  open(kind: PhaseKind, key: string, name: string, extra: Partial<Pick<DraftPhase, 'ous' | 'wave' | 'objects' | 'domains'>> = {}): DraftPhase {
    const domains = extra.domains ?? (kind === 'coexistence' ? this.input.track.stayingDomains : this.input.track.movingDomains);
    const phase: DraftPhase = {
      id: `${this.forest}/${key}`,
      forest: this.forest,
      domain: domains.length === 1 ? (domains[0] as string) : null,
      kind,
      name,
      ous: extra.ous ?? [],
      domains,
      wave: extra.wave ?? null,
      objects: extra.objects ?? 0,
      tasks: [],
    };
    this.phases.push(phase);
    this.phase = phase;
    return phase;
  }

  add(key: string, kind: TaskKind, title: string, dependsOn: readonly string[], extra: TaskExtra = {}): string {
    const phase = this.phase as DraftPhase;
    const task = draftTask(phase, key, kind, title, dependsOn, extra, this.input);
    phase.tasks.push(task);
    return task.id;
  }

  ids(phase: DraftPhase): string[] {
    return phase.tasks.map((t) => t.id);
  }

  noFlowScope(label: string): NoFlowScope {
    const connectors = this.input.connectors.length > 0 ? this.input.connectors : [this.forest];
    return {
      label,
      forest: this.forest,
      connectors,
      firstPrecedence: this.input.nextPrecedence(noFlowRuleCount(connectors.length)),
    };
  }
}

function readiness(b: ForestBuilder, input: ForestTaskInput): string[] {
  const { track } = input;
  const connect = track.track !== 'onboard';
  b.open('readiness', 'readiness', 'Readiness');
  const byKind = new Map<TaskKind, string[]>();
  for (const [i, f] of track.remediation.entries()) {
    // The whole estate's phase upgrades an outdated Connect server once, for every forest it serves.
    if (f.rule === 'connect-version' && input.connectUpgrades.length > 0) continue;
    const kind = FINDING_KIND[f.rule] ?? 'remediation';
    const id = b.add(`finding-${i + 1}-${f.rule}`, kind, findingTitle(f), [], {
      findings: [f.rule],
      entry: [`Finding: ${f.message}`],
      exit: [`Done: ${f.remediation}`],
      ...(kind === 'group-writeback' ? { runbook: groupWritebackRunbook(b.forest) } : {}),
    });
    byKind.set(kind, [...(byKind.get(kind) ?? []), id]);
  }
  const after = (kind: TaskKind) => byKind.get(kind) ?? [];
  let backup: string | null = null;
  if (connect) {
    backup = b.add('connect-backup', 'connect-backup', 'Back up the Connect Sync configuration', [], { runbook: backupRunbook(b.forest) });
    b.add('connect-version', 'connect-upgrade', 'Confirm Connect Sync is 1.4.32.0 or later on every server', [backup, ...after('connect-upgrade'), ...input.connectUpgrades]);
  }
  b.add('agent-hosts', 'agent-hosts', 'Prepare three Cloud Sync agent hosts', after('agent-hosts'));
  b.add('gmsa', 'gmsa', 'Confirm the gMSA prerequisites (schema, KDS root key)', after('gmsa'));
  b.add('network', 'network', 'TLS 1.2, ports 389/3268 and outbound 443 and URLs from the agent hosts', after('network'));
  if (connect) b.add('source-anchor', 'source-anchor', 'Populate ms-DS-ConsistencyGuid on the objects that move, groups included', after('source-anchor'));
  b.add('hygiene', 'hygiene', 'Run IdFix until the directory is clean', after('hygiene'));
  if (track.authenticationMove.length > 0) {
    b.add('enable-phs', 'authentication', `Enable password hash sync beside ${list(track.authenticationMove)}`, backup ? [backup] : [], {
      exit: ['Password hashes sync for every user; sign-in is unchanged.'],
      rollback: 'Nothing changes for sign-in; password hash sync can be turned off again.',
    });
  }
  if (track.track === 'migrate-guided') {
    const done = b.ids(b.phases[b.phases.length - 1] as DraftPhase);
    b.add('tool-readiness', 'guided-tool', 'Run the guided tool\'s readiness report ("Transition to Cloud Sync")', done, {
      exit: ['The readiness report passes for the forest.'],
    });
  }
  return b.ids(b.phases[b.phases.length - 1] as DraftPhase);
}

function pilot(b: ForestBuilder, input: ForestTaskInput, after: string[]): string[] {
  const { track, grouping } = input;
  const ou = grouping?.pilot && track.track !== 'migrate-guided' ? [strip(grouping.pilot)] : [];
  const where = ou[0] ? ou[0].distinguishedName : 'a pilot OU still to choose';
  if (track.track === 'migrate-guided') b.open('pilot', 'pilot', 'Transfer and provision on demand');
  else b.open('pilot', 'pilot', 'Pilot', { ous: ou, objects: sum(ou) });
  const choose = ou[0]
    ? grouping?.pilotCreated
      ? [`Create ${ou[0].distinguishedName} (in Connect Sync scope through its parent) and move a few test users, groups and contacts into it.`]
      : []
    : ['Choose a small OU in Connect Sync scope for the pilot: the inventory records none.'];
  if (track.track === 'migrate-guided') {
    const transfer = b.add('transfer', 'guided-tool', 'Guided tool: transfer (install the agent, one disabled configuration per domain)', after);
    const onDemand = b.add('provision-on-demand', 'pilot-verify', 'Guided tool: provision test objects on demand', [transfer], {
      exit: ['Provisioning on demand succeeds for a user, a group and a contact.'],
      rollback: KIND_TEXT['guided-tool'].rollback,
    });
    return [onDemand];
  }
  if (track.track === 'onboard') {
    const configure = b.add('configure', 'pilot-configure', `Install the agents and configure Cloud Sync for ${where}; provision on demand`, after, { entry: choose, rollback: 'Disable the Cloud Sync configuration.' });
    const verify = b.add('verify', 'pilot-verify', 'Verify the pilot: counts and a test user', [configure], {
      runbook: ou.length > 0 ? verifyRunbook(ou, false) : null,
      rollback: 'Disable the Cloud Sync configuration.',
    });
    return [verify];
  }
  const rules = b.add('no-flow-rules', 'pilot-rules', `Stop the scheduler and add the no-flow rules for ${where}`, after, {
    entry: choose,
    runbook: ou.length > 0 ? noFlowRunbook(b.noFlowScope('pilot'), ou) : null,
  });
  const configure = b.add('configure', 'pilot-configure', `Install the agents and scope Cloud Sync to ${where}; provision on demand`, [rules]);
  const verify = b.add('verify', 'pilot-verify', 'Verify the pilot counts, create a test user, re-enable the scheduler', [configure], {
    runbook: ou.length > 0 ? verifyRunbook(ou, true) : null,
  });
  return [verify];
}

function waves(b: ForestBuilder, input: ForestTaskInput, after: string[]): string[] {
  const { track, grouping } = input;
  if (track.track === 'migrate-guided') {
    // The tool moves every OU at once; the pilot OU picked for the manual path is just one of them.
    const pilotOu = grouping?.pilot && !grouping.pilotCreated ? [grouping.pilot] : [];
    const ous = [...pilotOu, ...(grouping?.waves.flat() ?? [])].map(strip);
    b.open('wave', 'wave-1', 'Activate', { ous, wave: 1, objects: sum(ous) });
    const id = b.add('activate', 'wave', `Guided tool: activate Cloud Sync for ${ous.length === 1 ? 'the OU' : `all ${count(ous.length)} OUs`} (Connect Sync goes to staging mode)`, after, {
      runbook: ous.length > 0 ? verifyRunbook(ous, false) : null,
      rollback: KIND_TEXT['guided-tool'].rollback,
    });
    return [id];
  }
  let previous = after;
  for (const [i, wave] of (grouping?.waves ?? []).entries()) {
    const n = i + 1;
    const ous = wave.map(strip);
    const objects = sum(ous);
    const domains = [...new Set(ous.map((o) => o.domain))].sort();
    b.open('wave', `wave-${n}`, `Wave ${n}`, { ous, wave: n, objects, domains });
    const title = `Wave ${n}: ${count(ous.length)} OU${ous.length === 1 ? '' : 's'}, ${count(objects)} objects (${domains.join(', ')})`;
    const runbook = track.track === 'onboard' ? verifyRunbook(ous, false) : waveRunbook(b.noFlowScope(`wave ${n}`), ous);
    previous = [b.add('move', 'wave', title, previous, { runbook, ...(track.track === 'onboard' ? { rollback: 'Remove the OUs from the Cloud Sync configuration\'s scope.' } : {}) })];
  }
  return previous;
}

function cutover(b: ForestBuilder, input: ForestTaskInput, after: string[]): string[] {
  const { track } = input;
  b.open('cutover', 'cutover', 'Cutover');
  const guided = track.track === 'migrate-guided';
  const whole = input.connectOnlyForThisForest && track.track !== 'coexist';
  const title = guided
    ? 'Confirm Connect Sync is in staging mode after activation'
    : whole
      ? 'Turn Connect Sync off (disabled or staging mode), keep it installed'
      : 'Cut over: Cloud Sync alone serves the moved scope; the no-flow rules stay, Connect Sync keeps serving the rest';
  const cut = b.add('connect-off', 'cutover', title, after, { runbook: guided ? null : cutoverRunbook(b.forest, whole) });
  const ids = [cut, b.add('accidental-delete', 'accidental-delete', 'Turn off Connect\'s leftover accidental-delete protection', [cut], { runbook: accidentalDeleteRunbook(input.tenant) })];
  if (track.authenticationMove.length > 0) {
    const staged = b.add('staged-rollout', 'authentication', `Move sign-in from ${list(track.authenticationMove)} to password hash sync with staged rollout`, after, {
      entry: ['Staged rollout takes up to 10 groups per feature, 200 users when a group is first added, no nested or dynamic groups.'],
    });
    ids.push(staged, b.add('convert-managed', 'authentication', 'Convert the domains to managed authentication', [staged]));
  }
  return ids;
}

function coexistence(b: ForestBuilder, input: ForestTaskInput, after: string[]): void {
  const { track } = input;
  b.open('coexistence', 'coexistence', 'Coexistence with Connect Sync');
  if (track.track === 'stay-on-connect') {
    b.add('keep-connect', 'coexistence', `Keep ${b.forest} on Connect Sync`, after, { entry: [`Why: ${track.reason}`] });
    if (track.authenticationMove.length > 0) {
      const staged = b.add('staged-rollout', 'authentication', `Move sign-in from ${list(track.authenticationMove)} to password hash sync with staged rollout`, after);
      b.add('convert-managed', 'authentication', 'Convert the domains to managed authentication', [staged]);
    }
    return;
  }
  for (const domain of track.stayingDomains) {
    b.add(`keep-${domain}`, 'coexistence', `Keep ${domain} on Connect Sync`, after, { entry: [`Why: ${track.reason}`] });
  }
  for (const part of track.partsOnConnect) {
    b.add(`keep-part-${idPart(part)}`, 'coexistence', `Keep ${part} on Connect Sync while the rest has moved`, after, { entry: [`Why: ${track.reason}`] });
  }
}

/** The phases and tasks of one forest, in dependency order (every task after the tasks it depends on). */
export function forestTasks(input: ForestTaskInput): DraftPhase[] {
  const b = new ForestBuilder(input);
  const { track } = input;
  if (track.track === 'not-planned') return [];
  if (track.track === 'stay-on-connect') {
    coexistence(b, input, []);
    return b.phases;
  }
  const ready = readiness(b, input);
  const piloted = pilot(b, input, ready);
  const moved = waves(b, input, piloted);
  const cut = track.track === 'onboard' ? moved : cutover(b, input, moved);
  b.open('validation', 'validation', 'Validation');
  const validated = b.add('validate', 'validation', track.track === 'onboard' ? 'Validate: counts, sign-ins and provisioning logs' : 'Validate for the set period, Connect Sync kept installed', cut, {
    ...(track.track === 'migrate-guided' ? { duration: Math.max(input.settings.validationDays, 10), entry: ['The guided tool keeps Connect Sync in staging mode for a 2-week validation period.'] } : {}),
    ...(track.track === 'onboard' ? { rollback: 'Disable the Cloud Sync configuration.' } : {}),
    runbook: domainCountRunbook(input.domainObjects),
  });
  if (track.track === 'coexist') {
    coexistence(b, input, [cut[0] as string]);
  } else if (track.track !== 'onboard') {
    b.open('decommission', 'decommission', 'Decommission');
    b.add('decommission', 'decommission', input.connectOnlyForThisForest ? 'Decommission the Connect Sync servers' : `Remove ${b.forest}'s connector from Connect Sync`, [validated]);
  }
  return b.phases;
}
