/**
 * How long a notice stays on screen by itself. Errors stay until dismissed (the user must be able to
 * read them), and so does any notice that offers an action (Undo after a delete): an offer that
 * vanishes while the user looks elsewhere is an offer they never had, and a sticky one (a report the
 * user must be able to read). Plain information fades.
 */
export const INFO_NOTICE_MS = 8000;

export function autoDismissAfter(notice: { kind: 'error' | 'info'; action?: unknown; actions?: readonly unknown[]; sticky?: boolean }): number | null {
  if (notice.kind === 'error' || notice.action !== undefined || (notice.actions?.length ?? 0) > 0 || notice.sticky) return null;
  return INFO_NOTICE_MS;
}
