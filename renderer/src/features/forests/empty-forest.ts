import { unknownFeatures, type Forest } from '../../../../shared/model/inventory';

export function emptyForest(): Forest {
  return {
    forest: '',
    tenant: null,
    functionalLevel: null,
    schemaVersion: null,
    network: null,
    currentEngine: null,
    sourceAnchor: null,
    topologyRole: null,
    features: unknownFeatures(),
    notes: '',
  };
}
