export { VERDICT_LABELS, VERDICT_ORDER, SEVERITY_LABELS, SEVERITY_ORDER } from '../../../../shared/engine/labels';
