import type { Plan } from './plan-schema.js';

export const TASK_CSV_COLUMNS = ['id', 'title', 'forest', 'domain', 'phase', 'owner', 'start', 'end', 'duration', 'predecessors'] as const;

/**
 * A cell as RFC 4180 wants it, and never read as a formula: spreadsheet and project tools evaluate
 * cells starting with = + - @ (CSV injection), so those get a leading apostrophe.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The plan's tasks for a project tool: one row per task in plan order, duration in working days,
 * predecessors as task ids separated by ";". UTF-8 with a byte order mark and CRLF line ends, which is
 * what Excel and Microsoft Project expect.
 */
export function tasksCsv(plan: Plan): string {
  const phases = new Map(plan.phases.map((p) => [p.id, p.name]));
  const rows = plan.phases.flatMap((phase) =>
    phase.tasks.map((t) => [t.id, t.title, t.forest ?? '', t.domain ?? '', phases.get(t.phase) ?? phase.name, t.ownerRole, t.start, t.end, t.duration, t.dependsOn.join(';')]),
  );
  return `\uFEFF${[TASK_CSV_COLUMNS, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
