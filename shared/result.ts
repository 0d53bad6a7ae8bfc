import { z } from 'zod';

/** Where in an input file a problem is; line and column are 1-based. */
export const SourceLocation = z.object({
  file: z.string(),
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
});
export type SourceLocation = z.infer<typeof SourceLocation>;

export const AppError = z.object({
  code: z.string(),
  message: z.string(),
  location: SourceLocation.optional(),
  /** Field-level problems of a refused payload, for forms. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** The workshop file the error is about, so the app can offer what fits (retry, open read-only, recover). */
  workshop: z.string().optional(),
});
export type AppError = z.infer<typeof AppError>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/**
 * Thrown inside main-process code for conditions the user can act on; the IPC boundary turns it into
 * `{ ok: false, error }`. Anything else thrown is a bug and is reported as such.
 */
export class UserError extends Error {
  readonly code: string;
  readonly location: SourceLocation | undefined;
  readonly workshop: string | undefined;
  /** The field of an edited value the problem is about, for the form to show it there. */
  readonly field: string | undefined;
  constructor(code: string, message: string, location?: SourceLocation, about?: { workshop?: string; field?: string }) {
    super(message);
    this.name = 'UserError';
    this.code = code;
    this.location = location;
    this.workshop = about?.workshop;
    this.field = about?.field;
  }

  toAppError(): AppError {
    return {
      code: this.code,
      message: this.message,
      ...(this.location ? { location: this.location } : {}),
      ...(this.workshop ? { workshop: this.workshop } : {}),
      ...(this.field ? { issues: [{ path: this.field, message: this.message }] } : {}),
    };
  }
}

/** "file, line 3, column 7: message" — the one way locations are spelled for users. */
export function formatError(error: AppError): string {
  const where = error.location;
  if (!where) return error.message;
  const parts = [where.file];
  if (where.line !== undefined) parts.push(`line ${where.line}`);
  if (where.column !== undefined) parts.push(`column ${where.column}`);
  return `${parts.join(', ')}: ${error.message}`;
}
