import { z } from 'zod';

/**
 * What one import understood, file by file. The CLI's `--json`, the `import.run` channel and the
 * import log in the workshop all use this one shape.
 */
export const IMPORT_KINDS = [
  // SyncPlan's own templates (docs/templates.md)
  'forests',
  'domains',
  'ous',
  'sync_features',
  'connect_servers',
  'agents',
  'forest_links',
  // What AD teams already have: ActiveDirectory-module Export-Csv files and ADRecon's CSV-Files
  'ad-forest',
  'ad-domain',
  'ad-ous',
  'ad-users',
  'ad-groups',
  'ad-computers',
  'ad-objects',
  'ad-group-members',
  'ad-trusts',
  'ad-domain-controllers',
  'connect-export',
  /** Recognised as something SyncPlan has no use for (ADRecon's Sites.csv, say): read, nothing stored. */
  'not-inventory',
] as const;
export const ImportKind = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKind>;

export const ImportWarning = z.object({
  file: z.string(),
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
  message: z.string(),
});
export type ImportWarning = z.infer<typeof ImportWarning>;

export const FileSummary = z.object({
  path: z.string(),
  kind: ImportKind,
  /** Which tool wrote it, as far as the content tells: "SyncPlan template", "Export-Csv (Get-ADUser)", "ADRecon". */
  source: z.string(),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  /** Data rows read (header and `#TYPE` line not counted). */
  rows: z.number().int().nonnegative(),
  /** Rows that contributed to the inventory. */
  imported: z.number().int().nonnegative(),
  /** Plain sentences of what the file contributed, e.g. "sos.labs: 19 users in 6 OUs and containers". */
  understood: z.array(z.string()),
  warnings: z.array(ImportWarning),
});
export type FileSummary = z.infer<typeof FileSummary>;

/** Rows created or updated in the workshop, per table. */
export const ImportChanges = z.object({
  forests: z.number().int().nonnegative(),
  domains: z.number().int().nonnegative(),
  ous: z.number().int().nonnegative(),
  connectServers: z.number().int().nonnegative(),
  agents: z.number().int().nonnegative(),
  trusts: z.number().int().nonnegative(),
  forestLinks: z.number().int().nonnegative(),
  hygiene: z.number().int().nonnegative(),
});
export type ImportChanges = z.infer<typeof ImportChanges>;

export const ImportSummary = z.object({
  files: z.array(FileSummary),
  changes: ImportChanges,
  elapsedMs: z.number().nonnegative(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const ColumnMapping = z.object({
  column: z.string(),
  /** The inventory field the column feeds; null when it is ignored. */
  field: z.string().nullable(),
});
export type ColumnMapping = z.infer<typeof ColumnMapping>;

export const FilePreview = z.object({
  path: z.string(),
  kind: ImportKind,
  source: z.string(),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  bytes: z.number().int().nonnegative(),
  /** Exact for files read to the end during the preview, an estimate from the first rows otherwise. */
  rows: z.number().int().nonnegative(),
  rowsEstimated: z.boolean(),
  columns: z.array(ColumnMapping),
  warnings: z.array(ImportWarning),
  /** Set when importing this file would fail: where and why. */
  error: ImportWarning.nullable(),
});
export type FilePreview = z.infer<typeof FilePreview>;

export const ImportPreview = z.object({ files: z.array(FilePreview) });
export type ImportPreview = z.infer<typeof ImportPreview>;

/** Reported while files are read; `percent` covers all files of the import by bytes. */
export const ImportProgress = z.object({
  file: z.string(),
  fileIndex: z.number().int().nonnegative(),
  fileCount: z.number().int().nonnegative(),
  rows: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  totalBytes: z.number().int().nonnegative(),
  percent: z.number().min(0).max(100),
});
export type ImportProgress = z.infer<typeof ImportProgress>;
