import type { FeatureName } from './inventory.js';

export const FEATURE_LABELS: Record<FeatureName, string> = {
  password_hash_sync: 'Password hash sync',
  pass_through_auth: 'Pass-through authentication',
  federation: 'Federation (AD FS)',
  seamless_sso: 'Seamless SSO',
  password_writeback: 'Password writeback',
  exchange_hybrid_writeback: 'Exchange hybrid writeback',
  device_sync: 'Device sync (hybrid join)',
  device_writeback: 'Device writeback',
  group_writeback_v1: 'Group writeback v1',
  group_writeback_v2: 'Group writeback v2',
  directory_extensions: 'Directory extensions',
  custom_sync_rules: 'Custom sync rules',
  attribute_filtering: 'Attribute-value filtering',
  group_filtering: 'Group filtering',
  cross_forest_references: 'Cross-forest references',
  merge_across_forests: 'Merging across forests',
  entra_domain_services: 'Entra Domain Services',
};
