import type { Severity, Verdict } from './decision-schema.js';

/** How verdicts and severities read for workshop users: the app and the PDF report spell them alike. */
export const VERDICT_LABELS: Record<Verdict, string> = {
  'migrate-now': 'Migrate now',
  'migrate-after-remediation': 'Migrate after remediation',
  coexist: 'Coexist',
  'stay-on-connect': 'Stay on Connect Sync',
  'insufficient-data': 'Insufficient data',
};

export const VERDICT_ORDER: readonly Verdict[] = [
  'migrate-now',
  'migrate-after-remediation',
  'coexist',
  'stay-on-connect',
  'insufficient-data',
];

export const SEVERITY_LABELS: Record<Severity, string> = {
  blocker: 'Blockers',
  remediation: 'Remediation',
  warning: 'Warnings',
  info: 'Information',
};

export const SEVERITY_ORDER: readonly Severity[] = ['blocker', 'remediation', 'warning', 'info'];
