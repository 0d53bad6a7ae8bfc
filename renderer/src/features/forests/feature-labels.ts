export { FEATURE_LABELS } from '../../../../shared/model/feature-labels';
