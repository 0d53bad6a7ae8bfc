/**
 * A name usable as a file name on Windows, macOS and Linux: characters any of them refuses, and control
 * characters (a NUL would cut the name short), become "-".
 */
export function safeFileName(name: string, fallback: string): string {
  return name.replace(/[\\/:*?"<>|\p{Cc}]+/gu, '-').trim() || fallback;
}
