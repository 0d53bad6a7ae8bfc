/**
 * "Import Inventory…" from the native menu reaches the open workshop's view through here: the app
 * shell handles menu commands, the workshop view owns the import. Returns false when no workshop
 * view is listening (no workshop is open).
 */
type Listener = () => void;
const listeners = new Set<Listener>();

export function requestImport(): boolean {
  for (const listener of listeners) listener();
  return listeners.size > 0;
}

export function onImportRequest(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
