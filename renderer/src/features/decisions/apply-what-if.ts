import type { EstateModel, Features } from '../../../../shared/model/inventory';

/** The inventory with unsaved what-if feature edits laid over the saved forests. */
export function applyWhatIf(inventory: EstateModel, edits: Readonly<Record<string, Features>>): EstateModel {
  if (Object.keys(edits).length === 0) return inventory;
  return {
    ...inventory,
    forests: inventory.forests.map((f) => (edits[f.forest] ? { ...f, features: edits[f.forest] as Features } : f)),
  };
}
