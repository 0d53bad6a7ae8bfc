import { shortPath } from './paths';

/** A path as the user chose it: the folder part muted, the file name in full, a line break allowed after each separator. */
export function FileName({ path, bases }: { path: string; bases: readonly string[] }) {
  const shown = shortPath(path, bases);
  const cut = Math.max(shown.lastIndexOf('/'), shown.lastIndexOf('\\'));
  if (cut < 0) return <span className="file-name">{shown}</span>;
  const folder = shown.slice(0, cut + 1);
  return (
    <span className="file-name">
      <span className="file-folder">{folder}</span>
      <wbr />
      {shown.slice(cut + 1)}
    </span>
  );
}
