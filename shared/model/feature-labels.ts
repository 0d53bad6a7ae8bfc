import { fieldLabels } from './entity.js';
import { syncFeaturesEntity } from './entities.js';
import type { FeatureName } from './inventory.js';

/** The label of each feature, from the sync_features description: the app and the report say the same. */
export const FEATURE_LABELS: Record<FeatureName, string> = fieldLabels(syncFeaturesEntity);
