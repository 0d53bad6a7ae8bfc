/**
 * Reading the free-text version fields of an inventory. Anything that cannot be read returns null,
 * so a rule treats it as unknown rather than guessing.
 */

/** The first dotted number in the text: "Microsoft Entra Connect 2.5.79.0" → [2, 5, 79, 0]. */
export function parseVersion(text: string | null): number[] | null {
  if (text === null) return null;
  const match = /\d+(?:\.\d+)+|\d+/.exec(text);
  return match ? match[0].split('.').map(Number) : null;
}

/** Negative when a < b; missing trailing parts count as 0 ("4.8" = "4.8.0"). */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** true / false when the text holds a version, null when it does not. */
export function versionBelow(text: string | null, minimum: string): boolean | null {
  const v = parseVersion(text);
  const min = parseVersion(minimum);
  if (v === null || min === null) return null;
  return compareVersions(v, min) < 0;
}

/**
 * Windows Server release named in an OS string ("Windows Server 2022 Datacenter", "2012 R2").
 * `client` marks desktop Windows, which cannot host the agent.
 */
export type WindowsRelease = { kind: 'server'; year: number; r2: boolean } | { kind: 'client' } | { kind: 'other' };

export function windowsRelease(os: string | null): WindowsRelease | null {
  if (os === null || os.trim() === '') return null;
  const text = os.toLowerCase();
  const server = /(?:windows\s*server\s*|\bws\s*)(\d{4})(\s*r2)?/.exec(text);
  if (server) return { kind: 'server', year: Number(server[1]), r2: server[2] !== undefined };
  if (/windows\s*(?:7|8|8\.1|10|11)\b/.test(text)) return { kind: 'client' };
  if (/windows/.test(text)) return null;
  return { kind: 'other' };
}

/** AD schema objectVersion by Windows Server release, for schema fields written as a release name. */
const SCHEMA_BY_RELEASE: Record<string, number> = {
  '2000': 13,
  '2003': 30,
  '2003r2': 31,
  '2008': 44,
  '2008r2': 47,
  '2012': 56,
  '2012r2': 69,
  '2016': 87,
  '2019': 88,
  '2022': 88,
  '2025': 91,
};

/** objectVersion of the AD schema: "88", "87 (Windows Server 2016)" or "Windows Server 2012 R2". */
export function schemaVersion(text: string | null): number | null {
  if (text === null) return null;
  const trimmed = text.trim();
  const numeric = /^(\d{2,3})\b/.exec(trimmed);
  if (numeric) return Number(numeric[1]);
  const release = /(\d{4})(\s*r2)?/i.exec(trimmed);
  if (!release) return null;
  return SCHEMA_BY_RELEASE[`${release[1]}${release[2] ? 'r2' : ''}`] ?? null;
}
