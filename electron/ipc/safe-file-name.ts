/** A name usable as a file name on Windows, macOS and Linux: characters none of them allow become "-". */
export function safeFileName(name: string, fallback: string): string {
  return name.replace(/[\\/:*?"<>|]+/g, '-').trim() || fallback;
}
