import type { FeatureName } from '../../../../shared/model/inventory';
import { fieldLabels } from '../../../../shared/model/entity';
import { syncFeaturesEntity } from '../../../../shared/model/entities';

/** The label of each feature, from the sync_features description. */
export const FEATURE_LABELS: Record<FeatureName, string> = fieldLabels(syncFeaturesEntity);
