import { describe, expect, it } from 'vitest';
import { Assumptions } from '../../model/assumptions.js';
import type { Inventory } from '../../model/inventory.js';
import { decide } from '../decide.js';
import type { Effect, Finding, Severity } from '../decision-schema.js';
import { estate, type ForestOverrides } from '../test-support/estate-builder.js';
import { ESTATE_RULES, LINKED_RULES, RULES } from './index.js';

/**
 * One table per rule: the smallest estates that make it fire (with the effect and severity it must
 * report) and the smallest that keep it quiet. Estates come from the builder, whose defaults are all
 * healthy, so each case states only what it is about.
 */

interface Fires {
  name: string;
  estate: () => Inventory;
  assumptions?: Partial<Assumptions>;
  effect: Effect;
  severity: Severity;
  couldBecome?: Effect;
  /** Words the message must contain. */
  says?: string[];
  /** Fields the finding must ask for. */
  collect?: string[];
}

interface Quiet {
  name: string;
  estate: () => Inventory;
  assumptions?: Partial<Assumptions>;
}

interface RuleCases {
  fires: Fires[];
  quiet: Quiet[];
}

const F = 'contoso.com';
/** contoso.com with one domain of the same name and nothing else. */
const bare = (forest: ForestOverrides = {}) => estate().forest(F, forest).domain(F);

/** contoso.com (healthy) linked to fabrikam.com, which feeds Entra Domain Services in its own tenant and so stays. */
const linked = (kind: 'merge' | 'references', options: { allowPreview?: boolean } = {}) =>
  estate()
    .healthyForest(F)
    .healthyForest('fabrikam.com', { tenant: 'fabrikam.onmicrosoft.com', features: { entra_domain_services: true, merge_across_forests: options.allowPreview === true && kind === 'merge' } })
    .link(F, 'fabrikam.com', kind)
    .build();

const CASES: Record<string, RuleCases> = {
  'forest-without-domains': {
    fires: [{ name: 'no domains', estate: () => estate().forest(F).build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'blocks-cloud-sync', collect: ['domains.users'] }],
    quiet: [{ name: 'one domain', estate: () => bare().build() }],
  },
  'disconnected-forest': {
    fires: [
      { name: 'nothing syncs it, no line of sight', estate: () => bare({ currentEngine: 'none', network: 'disconnected' }).build(), effect: 'informational', severity: 'info', says: ['only Cloud Sync'] },
      { name: 'engine and network unknown', estate: () => bare({ currentEngine: null, network: null }).build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'informational', collect: ['forests.current_engine', 'forests.network'] },
      { name: 'disconnected but on Connect', estate: () => bare({ network: 'disconnected' }).build(), effect: 'informational', severity: 'info' },
    ],
    quiet: [
      { name: 'connected', estate: () => bare().build() },
      { name: 'nothing syncs it but connected', estate: () => bare({ currentEngine: 'none' }).build() },
    ],
  },
  'already-on-cloud-sync': {
    fires: [{ name: 'on Cloud Sync', estate: () => bare({ currentEngine: 'cloud-sync' }).build(), effect: 'informational', severity: 'info' }],
    quiet: [{ name: 'on Connect', estate: () => bare().build() }],
  },
  'account-resource-forest': {
    fires: [
      { name: 'account forest', estate: () => bare({ topologyRole: 'account' }).build(), effect: 'blocks-cloud-sync', severity: 'blocker', says: ['linked mailboxes', 'COMMON (undated)'] },
      { name: 'resource forest', estate: () => bare({ topologyRole: 'resource' }).build(), effect: 'blocks-cloud-sync', severity: 'blocker' },
      { name: 'role unknown', estate: () => bare({ topologyRole: null }).build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'blocks-cloud-sync', collect: ['forests.topology_role'] },
    ],
    quiet: [{ name: 'standard', estate: () => bare().build() }],
  },
  'multiple-tenants': {
    fires: [
      { name: 'forest and server name different tenants', estate: () => bare({ tenant: 'a.onmicrosoft.com' }).connect('sync01', { tenant: 'b.onmicrosoft.com' }).build(), effect: 'blocks-cloud-sync', severity: 'blocker', says: ['a.onmicrosoft.com and b.onmicrosoft.com'] },
      { name: 'forest tenant unknown, server known', estate: () => bare({ tenant: null }).connect('sync01').build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'blocks-cloud-sync', collect: ['forests.tenant'] },
      {
        name: 'estate spans two tenants',
        estate: () => estate().forest(F).domain(F).forest('fabrikam.com', { tenant: 'fabrikam.onmicrosoft.com' }).domain('fabrikam.com').build(),
        effect: 'informational',
        severity: 'info',
      },
    ],
    quiet: [
      { name: 'one tenant', estate: () => bare().connect('sync01').build() },
      { name: 'tenant unknown, nothing else names one', estate: () => bare({ tenant: null }).build() },
    ],
  },
  'source-anchor': {
    fires: [
      { name: 'other anchor', estate: () => bare({ sourceAnchor: 'other' }).build(), effect: 'needs-remediation', severity: 'remediation' },
      { name: 'objectGUID', estate: () => bare({ sourceAnchor: 'objectGUID' }).build(), effect: 'informational', severity: 'info', says: ['objectGUID'] },
      { name: 'ms-DS-ConsistencyGuid', estate: () => bare().build(), effect: 'informational', severity: 'info' },
      { name: 'unknown', estate: () => bare({ sourceAnchor: null }).build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'needs-remediation', collect: ['forests.source_anchor'] },
      { name: 'other anchor, engine unknown', estate: () => bare({ sourceAnchor: 'other', currentEngine: null }).build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'needs-remediation', collect: ['forests.current_engine'] },
    ],
    quiet: [{ name: 'nothing syncs it', estate: () => bare({ currentEngine: 'none', sourceAnchor: 'other' }).build() }],
  },
  'cross-domain-references': {
    fires: [
      {
        name: 'two domains in a multi-forest estate',
        estate: () => bare().domain(`emea.${F}`).forest('fabrikam.com').domain('fabrikam.com').build(),
        effect: 'informational',
        severity: 'warning',
        says: ['FAQ 2026-03-30'],
      },
    ],
    quiet: [{ name: 'two domains, one forest', estate: () => bare().domain(`emea.${F}`).build() }],
  },
  'sync-interval': {
    fires: [
      { name: 'default reading', estate: () => bare().build(), effect: 'informational', severity: 'info', says: ['10-20 minutes', 'WHAT says every 2 minutes'] },
      { name: 'WHAT reading', estate: () => bare().build(), assumptions: { cloudSyncInterval: '2-minutes' }, effect: 'informational', severity: 'info', says: ['every 2 minutes', 'FAQ says every 10-20 minutes'] },
    ],
    quiet: [{ name: 'every forest already on Cloud Sync', estate: () => bare({ currentEngine: 'cloud-sync' }).build() }],
  },
  'domain-object-limit': {
    fires: [
      {
        name: 'domain over 150,000',
        estate: () => estate().forest(F).domain('emea.contoso.com', { users: 400_000, groups: 0, contacts: 0 }).build(),
        effect: 'keeps-domain-on-connect',
        severity: 'blocker',
        says: ['Domain emea.contoso.com holds 400,000 objects', 'at most 150,000 per domain (DG 2025-02-17)'],
      },
      {
        name: 'known part already over, rest unknown',
        estate: () => estate().forest(F).domain(F, { users: 200_000, groups: null }).build(),
        effect: 'keeps-domain-on-connect',
        severity: 'blocker',
        says: ['at least 200,050'],
      },
      { name: 'users unknown', estate: () => estate().forest(F).domain(F, { users: null }).build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'keeps-domain-on-connect', collect: ['domains.users'] },
      { name: 'close to the limit', estate: () => estate().forest(F).domain(F, { users: 140_000 }).build(), effect: 'informational', severity: 'warning' },
      { name: 'exactly 150,000 is still within', estate: () => estate().forest(F).domain(F, { users: 150_000, groups: 0, contacts: 0 }).build(), effect: 'informational', severity: 'warning' },
      {
        name: 'computers count with the preview device sync job',
        estate: () => estate().forest(F, { features: { device_sync: true } }).domain(F, { users: 100_000, computers: 60_000 }).build(),
        assumptions: { allowPreviewFeatures: true },
        effect: 'keeps-domain-on-connect',
        severity: 'blocker',
      },
    ],
    quiet: [
      { name: 'small domain', estate: () => bare().build() },
      { name: 'computers do not count without device sync', estate: () => estate().forest(F).domain(F, { users: 100_000, computers: 60_000 }).build() },
      { name: 'exactly 135,000, the edge of the warning band', estate: () => estate().forest(F).domain(F, { users: 135_000, groups: 0, contacts: 0 }).build() },
    ],
  },
  'group-membership-limit': {
    fires: [
      { name: 'group over 50,000', estate: () => estate().forest(F).domain(F, { largestGroupMembers: 60_000 }).build(), effect: 'blocks-cloud-sync', severity: 'blocker', says: ['60,000 members', '50,000'] },
      { name: 'size unknown', estate: () => estate().forest(F).domain(F, { largestGroupMembers: null }).build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'blocks-cloud-sync', collect: ['domains.largest_group_members'] },
    ],
    quiet: [
      { name: 'small groups', estate: () => bare().build() },
      { name: 'exactly 50,000', estate: () => estate().forest(F).domain(F, { largestGroupMembers: 50_000 }).build() },
      { name: 'no groups at all', estate: () => estate().forest(F).domain(F, { groups: 0, largestGroupMembers: null }).build() },
    ],
  },
  'scoping-ou-limit': {
    fires: [
      {
        name: '51 separate OUs',
        estate: () =>
          bare()
            .connect('sync01', { scopes: [{ forest: F, includedOus: Array.from({ length: 51 }, (_, i) => `OU=Site${i},DC=contoso,DC=com`), excludedOus: [] }] })
            .build(),
        effect: 'needs-remediation',
        severity: 'remediation',
        says: ['51 separate OUs of contoso.com'],
      },
    ],
    quiet: [
      {
        name: '50 OUs nested in one included parent',
        estate: () =>
          bare()
            .connect('sync01', {
              scopes: [
                { forest: F, includedOus: ['OU=Sites,DC=contoso,DC=com', ...Array.from({ length: 50 }, (_, i) => `OU=Site${i}, OU=Sites,DC=Contoso,DC=com`)], excludedOus: [] },
              ],
            })
            .build(),
      },
      { name: 'no OU filtering', estate: () => bare().connect('sync01').build() },
    ],
  },
  'covered-features': {
    fires: [{ name: 'password hash sync', estate: () => bare({ features: { password_writeback: true } }).build(), effect: 'informational', severity: 'info', says: ['password hash sync', 'on-demand provisioning'] }],
    quiet: [{ name: 'already on Cloud Sync', estate: () => bare({ currentEngine: 'cloud-sync' }).build() }],
  },
  'pass-through-auth': {
    fires: [
      { name: 'PTA, sign-in unchanged', estate: () => bare({ features: { pass_through_auth: true } }).build(), effect: 'informational', severity: 'warning', says: ['keeps working', 'cannot configure'] },
      { name: 'PTA moving to PHS', estate: () => bare({ features: { pass_through_auth: true } }).build(), assumptions: { movePtaOrFederationToPhs: true }, effect: 'informational', severity: 'info', says: ['staged rollout'] },
      { name: 'unknown', estate: () => bare({ features: { pass_through_auth: null } }).build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'informational' },
    ],
    quiet: [{ name: 'not used', estate: () => bare().build() }],
  },
  federation: {
    fires: [
      { name: 'AD FS, sign-in unchanged', estate: () => bare({ features: { federation: true } }).build(), effect: 'informational', severity: 'warning', says: ['AD FS'] },
      { name: 'AD FS moving to PHS', estate: () => bare({ features: { federation: true } }).build(), assumptions: { movePtaOrFederationToPhs: true }, effect: 'informational', severity: 'info' },
      { name: 'unknown', estate: () => bare({ features: { federation: null } }).build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'informational' },
    ],
    quiet: [{ name: 'not used', estate: () => bare().build() }],
  },
  'seamless-sso': {
    fires: [{ name: 'used', estate: () => bare({ features: { seamless_sso: true } }).build(), effect: 'informational', severity: 'info', says: ['AzureADSSO'] }],
    quiet: [
      { name: 'not used', estate: () => bare().build() },
      { name: 'unknown: Cloud Sync has it either way', estate: () => bare({ features: { seamless_sso: null } }).build() },
    ],
  },
  'exchange-hybrid-writeback': {
    fires: [
      { name: 'used', estate: () => bare({ features: { exchange_hybrid_writeback: true } }).build(), effect: 'informational', severity: 'info', says: ['1.1.1107'] },
      {
        name: 'used with an old agent',
        estate: () => bare({ features: { exchange_hybrid_writeback: true } }).agent('app1', { agentVersion: '1.1.977.0' }).build(),
        effect: 'needs-remediation',
        severity: 'remediation',
        says: ['app1 runs 1.1.977.0'],
      },
      {
        name: 'unknown with an old agent',
        estate: () => bare({ features: { exchange_hybrid_writeback: null } }).agent('app1', { agentVersion: '1.1.977.0' }).build(),
        effect: 'unknown-data',
        severity: 'warning',
        couldBecome: 'needs-remediation',
        collect: ['sync_features.exchange_hybrid_writeback'],
      },
    ],
    quiet: [
      { name: 'not used', estate: () => bare().build() },
      { name: 'unknown but agents current', estate: () => bare({ features: { exchange_hybrid_writeback: null } }).agents(3).build() },
    ],
  },
  'directory-extensions': {
    fires: [
      { name: 'used', estate: () => bare({ features: { directory_extensions: true } }).build(), effect: 'informational', severity: 'info' },
    ],
    quiet: [
      { name: 'not used', estate: () => bare().build() },
      { name: 'used with an old agent: no version requirement is documented', estate: () => bare({ features: { directory_extensions: null } }).agent('app1', { agentVersion: '1.1.977.0' }).build() },
    ],
  },
  'custom-sync-rules': {
    fires: [
      { name: 'flagged: a remediation at least', estate: () => bare({ features: { custom_sync_rules: true } }).build(), effect: 'needs-remediation', severity: 'remediation', says: ['attribute mappings'] },
      {
        name: 'flagged: extent open until the export is read',
        estate: () => bare({ features: { custom_sync_rules: true } }).build(),
        effect: 'unknown-data',
        severity: 'warning',
        couldBecome: 'blocks-cloud-sync',
        collect: ['connect-export.SynchronizationRules'],
        says: ['configuration export'],
      },
      {
        name: 'a few simple rules in the Connect export',
        estate: () => bare({ features: { custom_sync_rules: null } }).connect('sync01', { customRules: 3 }).build(),
        effect: 'needs-remediation',
        severity: 'remediation',
        says: ['3 simple custom sync rules', 'sync01 has 3 custom rules'],
      },
      {
        name: 'a rule that changes joins',
        estate: () => bare({ features: { custom_sync_rules: null } }).connect('sync01', { customRules: 2, joinRules: 1 }).build(),
        effect: 'blocks-cloud-sync',
        severity: 'blocker',
        says: ['1 of them changes how objects join'],
      },
      {
        name: 'extensive rules',
        estate: () => bare({ features: { custom_sync_rules: true } }).connect('sync01', { customRules: 14 }).build(),
        effect: 'blocks-cloud-sync',
        severity: 'blocker',
        says: ['14 rules are extensive'],
      },
      {
        name: 'simple rules, joins not read',
        estate: () => bare().connect('sync01', { customRules: 2, joinRules: null }).build(),
        effect: 'unknown-data',
        severity: 'warning',
        couldBecome: 'blocks-cloud-sync',
      },
      {
        name: 'only the pilot no-flow rules',
        estate: () => bare({ features: { custom_sync_rules: true } }).connect('sync01', { customRules: 0, pilotNoFlowRules: 6 }).build(),
        effect: 'informational',
        severity: 'info',
        says: ['6 pilot no-flow rules', 'not counted'],
      },
      { name: 'unknown', estate: () => bare({ features: { custom_sync_rules: null } }).build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'blocks-cloud-sync', collect: ['sync_features.custom_sync_rules'] },
      {
        name: 'unknown: a multi-forest server cannot answer',
        estate: () => bare({ features: { custom_sync_rules: null } }).connect('sync01', { forests: [F, 'fabrikam.com'], customRules: 0 }).build(),
        effect: 'unknown-data',
        severity: 'warning',
        couldBecome: 'blocks-cloud-sync',
      },
    ],
    quiet: [
      { name: 'not used', estate: () => bare().build() },
      { name: 'unknown, but the Connect export has none', estate: () => bare({ features: { custom_sync_rules: null } }).connect('sync01', { customRules: 0 }).build() },
    ],
  },
  'attribute-filtering': {
    fires: [
      { name: 'used, DG reading', estate: () => bare({ features: { attribute_filtering: true } }).build(), effect: 'needs-remediation', severity: 'remediation', says: ['limited', 'COMMON'] },
      {
        name: 'used, COMMON reading',
        estate: () => bare({ features: { attribute_filtering: true } }).build(),
        assumptions: { attributeValueFiltering: 'not-supported' },
        effect: 'blocks-cloud-sync',
        severity: 'blocker',
        says: ['not-supported', 'DG says'],
      },
      { name: 'unknown', estate: () => bare({ features: { attribute_filtering: null } }).build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'needs-remediation' },
      { name: 'unknown, COMMON reading', estate: () => bare({ features: { attribute_filtering: null } }).build(), assumptions: { attributeValueFiltering: 'not-supported' }, effect: 'unknown-data', severity: 'warning', couldBecome: 'blocks-cloud-sync' },
    ],
    quiet: [{ name: 'not used', estate: () => bare().build() }],
  },
  'group-filtering': {
    fires: [{ name: 'used', estate: () => bare({ features: { group_filtering: true } }).build(), effect: 'informational', severity: 'info' }],
    quiet: [{ name: 'not used', estate: () => bare().build() }],
  },
  'device-sync': {
    fires: [
      { name: 'hybrid join, previews off', estate: () => bare({ features: { device_sync: true } }).build(), effect: 'keeps-part-on-connect', severity: 'blocker', says: ['preview', 'allowPreviewFeatures is off'] },
      { name: 'hybrid join, previews allowed', estate: () => bare({ features: { device_sync: true } }).build(), assumptions: { allowPreviewFeatures: true }, effect: 'informational', severity: 'warning' },
      {
        name: 'previews allowed, old agent',
        estate: () => bare({ features: { device_sync: true } }).agent('app1', { agentVersion: '1.1.1000.0' }).build(),
        assumptions: { allowPreviewFeatures: true },
        effect: 'needs-remediation',
        severity: 'remediation',
      },
      { name: 'unknown', estate: () => bare({ features: { device_sync: null } }).build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'keeps-part-on-connect' },
    ],
    quiet: [
      { name: 'not used', estate: () => bare().build() },
      { name: 'nothing syncs the forest', estate: () => bare({ currentEngine: 'none', features: { device_sync: null } }).build() },
    ],
  },
  'device-writeback': {
    fires: [
      { name: 'used, no replacement', estate: () => bare({ features: { device_writeback: true } }).build(), effect: 'keeps-part-on-connect', severity: 'blocker', says: ['Cloud Kerberos trust'] },
      {
        name: 'used, replaced by Cloud Kerberos trust',
        estate: () => bare({ features: { device_writeback: true } }).build(),
        assumptions: { replaceDeviceWritebackWithCloudKerberos: true },
        effect: 'needs-remediation',
        severity: 'remediation',
      },
      { name: 'unknown', estate: () => bare({ features: { device_writeback: null } }).build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'keeps-part-on-connect' },
    ],
    quiet: [{ name: 'not used', estate: () => bare().build() }],
  },
  'group-writeback-v1': {
    fires: [
      { name: 'used: continues on Connect, no Cloud Sync equivalent', estate: () => bare({ features: { group_writeback_v1: true } }).build(), effect: 'blocks-cloud-sync', severity: 'blocker', says: ['continues on Connect Sync', 'GWP (undated)'] },
      { name: 'unknown', estate: () => bare({ features: { group_writeback_v1: null } }).build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'blocks-cloud-sync' },
    ],
    quiet: [{ name: 'not used', estate: () => bare().build() }],
  },
  'group-provisioning-to-ad': {
    fires: [
      { name: 'group writeback v2 moves to group provisioning', estate: () => bare({ features: { group_writeback_v2: true } }).build(), effect: 'informational', severity: 'info', says: ['1.1.1367.0', 'cloud-created universal security groups'] },
      {
        name: 'agent too old for group provisioning',
        estate: () => bare({ features: { group_writeback_v2: true } }).agent('app1', { agentVersion: '1.1.1107.0' }).build(),
        effect: 'needs-remediation',
        severity: 'remediation',
        says: ['app1 runs 1.1.1107.0'],
      },
    ],
    quiet: [
      { name: 'no group writeback v2', estate: () => bare().build() },
    ],
  },
  'inetorgperson-password-hash-sync': {
    fires: [
      {
        name: 'InetOrgPerson objects with password hash sync',
        estate: () => estate().forest(F).domain(F, { inetOrgPersons: 40 }).build(),
        effect: 'keeps-part-on-connect',
        severity: 'blocker',
        says: ['40 InetOrgPerson objects'],
      },
      { name: 'not checked', estate: () => estate().forest(F).domain(F, { inetOrgPersons: null }).build(), effect: 'informational', severity: 'info', says: ['not recorded'] },
      {
        name: 'InetOrgPerson objects, password hash sync not recorded',
        estate: () => estate().forest(F, { features: { password_hash_sync: null } }).domain(F, { inetOrgPersons: 40 }).build(),
        effect: 'unknown-data',
        severity: 'warning',
        couldBecome: 'keeps-part-on-connect',
        says: ['password hash sync is not recorded', '40 InetOrgPerson objects stay on Connect Sync'],
        collect: ['sync_features.password_hash_sync'],
      },
    ],
    quiet: [
      { name: 'none', estate: () => bare().build() },
      { name: 'no password hash sync', estate: () => estate().forest(F, { features: { password_hash_sync: false } }).domain(F, { inetOrgPersons: 40 }).build() },
      { name: 'password hash sync not recorded, no InetOrgPerson objects', estate: () => estate().forest(F, { features: { password_hash_sync: null } }).domain(F, { inetOrgPersons: 0 }).build() },
    ],
  },
  'guest-users': {
    fires: [{ name: 'userType flows to Entra ID', estate: () => bare().connect('sync01', { syncsUserType: true }).build(), effect: 'blocks-cloud-sync', severity: 'blocker', says: ['guests'] }],
    quiet: [
      { name: 'no userType flow', estate: () => bare().connect('sync01').build() },
      { name: 'not read (no export)', estate: () => bare().connect('sync01', { syncsUserType: null }).build() },
    ],
  },
  'cloud-21vianet': {
    fires: [
      { name: '21Vianet with password writeback', estate: () => bare({ cloud: '21vianet', features: { password_writeback: true } }).build(), effect: 'blocks-cloud-sync', severity: 'blocker', says: ['21Vianet', 'no password writeback'] },
      { name: '21Vianet without writeback', estate: () => bare({ cloud: '21vianet' }).build(), effect: 'informational', severity: 'info' },
      { name: 'told by the tenant name', estate: () => bare({ cloud: null, tenant: 'contoso.partner.onmschina.cn', features: { password_writeback: true } }).build(), effect: 'blocks-cloud-sync', severity: 'blocker' },
      { name: 'cloud unknown, writeback used', estate: () => bare({ cloud: null, tenant: null, features: { password_writeback: true } }).build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'blocks-cloud-sync', collect: ['forests.cloud'] },
      {
        name: '21Vianet, writeback not recorded',
        estate: () => bare({ cloud: '21vianet', features: { password_writeback: null } }).build(),
        effect: 'unknown-data',
        severity: 'warning',
        couldBecome: 'blocks-cloud-sync',
        collect: ['sync_features.password_writeback'],
      },
      {
        name: 'cloud and writeback both unknown',
        estate: () => bare({ cloud: null, tenant: null, features: { password_writeback: null } }).build(),
        effect: 'unknown-data',
        severity: 'warning',
        couldBecome: 'blocks-cloud-sync',
        collect: ['forests.cloud', 'sync_features.password_writeback'],
      },
    ],
    quiet: [
      { name: 'global cloud with writeback', estate: () => bare({ features: { password_writeback: true } }).build() },
      { name: 'cloud unknown, onmicrosoft.com tenant', estate: () => bare({ cloud: null, features: { password_writeback: true } }).build() },
    ],
  },
  'group-writeback-v2': {
    fires: [
      { name: 'used', estate: () => bare({ features: { group_writeback_v2: true } }).build(), effect: 'needs-remediation', severity: 'remediation', says: ['security groups only'] },
      { name: 'used on an old schema', estate: () => bare({ schemaVersion: '69', features: { group_writeback_v2: true } }).build(), effect: 'needs-remediation', severity: 'remediation', says: ['objectVersion 69'] },
      { name: 'unknown', estate: () => bare({ features: { group_writeback_v2: null } }).build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'needs-remediation' },
    ],
    quiet: [{ name: 'not used', estate: () => bare().build() }],
  },
  'cross-forest-references': {
    fires: [
      { name: 'used', estate: () => bare({ features: { cross_forest_references: true } }).build(), effect: 'blocks-cloud-sync', severity: 'blocker' },
      { name: 'unknown', estate: () => bare({ features: { cross_forest_references: null } }).build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'blocks-cloud-sync' },
    ],
    quiet: [{ name: 'not used', estate: () => bare().build() }],
  },
  'merge-across-forests': {
    fires: [
      { name: 'used', estate: () => bare({ features: { merge_across_forests: true } }).build(), effect: 'blocks-cloud-sync', severity: 'blocker' },
      { name: 'used, previews allowed', estate: () => bare({ features: { merge_across_forests: true } }).build(), assumptions: { allowPreviewFeatures: true }, effect: 'informational', severity: 'warning' },
      { name: 'unknown', estate: () => bare({ features: { merge_across_forests: null } }).build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'blocks-cloud-sync' },
    ],
    quiet: [{ name: 'not used', estate: () => bare().build() }],
  },
  'entra-domain-services': {
    fires: [
      { name: 'used', estate: () => bare({ features: { entra_domain_services: true } }).build(), effect: 'blocks-cloud-sync', severity: 'blocker', says: ['WHAT 2025-09-29'] },
      {
        name: 'used by another forest of the same tenant',
        estate: () => bare({ features: { entra_domain_services: false } }).forest('fabrikam.com', { features: { entra_domain_services: true } }).domain('fabrikam.com').build(),
        effect: 'blocks-cloud-sync',
        severity: 'blocker',
        says: ['recorded for fabrikam.com', 'contoso.com and fabrikam.com'],
      },
      {
        name: 'tenant unknown, another forest has it',
        estate: () => bare({ tenant: null }).forest('fabrikam.com', { features: { entra_domain_services: true } }).domain('fabrikam.com').build(),
        effect: 'unknown-data',
        severity: 'warning',
        couldBecome: 'blocks-cloud-sync',
        collect: ['forests.tenant'],
      },
      {
        name: 'nothing syncs the forest, and a synced forest of its tenant has not recorded it',
        estate: () =>
          bare({ currentEngine: 'none', features: { entra_domain_services: null } })
            .forest('fabrikam.com', { features: { entra_domain_services: null } })
            .domain('fabrikam.com')
            .build(),
        effect: 'unknown-data',
        severity: 'warning',
        couldBecome: 'blocks-cloud-sync',
        collect: ['sync_features.entra_domain_services'],
      },
      { name: 'unknown', estate: () => bare({ features: { entra_domain_services: null } }).build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'blocks-cloud-sync' },
    ],
    quiet: [
      { name: 'not used', estate: () => bare().build() },
      {
        name: 'nothing syncs the forest, and a synced forest of its tenant answers no',
        estate: () => bare({ currentEngine: 'none', features: { entra_domain_services: null } }).forest('fabrikam.com', { features: { entra_domain_services: false } }).domain('fabrikam.com').build(),
      },
      { name: 'blank, but another forest answers no for the tenant', estate: () => bare({ features: { entra_domain_services: null } }).forest('fabrikam.com').domain('fabrikam.com').build() },
    ],
  },
  'agent-os': {
    fires: [
      { name: '2012 R2', estate: () => bare().agent('app1', { os: 'Windows Server 2012 R2 Standard' }).build(), effect: 'needs-remediation', severity: 'remediation' },
      { name: 'desktop Windows', estate: () => bare().agent('app1', { os: 'Windows 10 Enterprise' }).build(), effect: 'needs-remediation', severity: 'remediation' },
      { name: '2025, default reading', estate: () => bare().agent('app1', { os: 'Windows Server 2025 Datacenter' }).build(), effect: 'informational', severity: 'warning', says: ['KB5070773', 'not supported'] },
      {
        name: '2025, read as not supported',
        estate: () => bare().agent('app1', { os: 'Windows Server 2025 Datacenter' }).build(),
        assumptions: { windowsServer2025Agents: 'not-supported' },
        effect: 'needs-remediation',
        severity: 'remediation',
        says: ['not supported', 'KB5070773'],
      },
      { name: '2016, extended support', estate: () => bare().agent('app1', { os: 'Windows Server 2016 Standard' }).build(), effect: 'informational', severity: 'warning' },
      { name: 'unknown', estate: () => bare().agent('app1', { os: null }).build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'needs-remediation', collect: ['agents.os'] },
    ],
    quiet: [{ name: '2022', estate: () => bare().agent('app1').build() }],
  },
  'agent-server-core': {
    fires: [
      { name: 'Server Core', estate: () => bare().agent('app1', { serverCore: true }).build(), effect: 'needs-remediation', severity: 'remediation' },
      { name: 'unknown', estate: () => bare().agent('app1', { serverCore: null }).build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'needs-remediation', collect: ['agents.server_core'] },
    ],
    quiet: [{ name: 'Desktop Experience', estate: () => bare().agent('app1').build() }],
  },
  'agent-ram': {
    fires: [
      { name: '2 GB', estate: () => bare().agent('app1', { ramGb: 2 }).build(), effect: 'needs-remediation', severity: 'remediation', says: ['app1 (2 GB)'] },
      { name: 'unknown', estate: () => bare().agent('app1', { ramGb: null }).build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'needs-remediation', collect: ['agents.ram_gb'] },
    ],
    quiet: [{ name: 'exactly 4 GB', estate: () => bare().agent('app1', { ramGb: 4 }).build() }],
  },
  'agent-dotnet': {
    fires: [
      { name: '4.6.2', estate: () => bare().agent('app1', { dotnet: '4.6.2' }).build(), effect: 'needs-remediation', severity: 'remediation' },
      { name: 'unreadable', estate: () => bare().agent('app1', { dotnet: 'latest' }).build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'needs-remediation', collect: ['agents.dotnet'] },
    ],
    quiet: [{ name: 'exactly 4.7.1', estate: () => bare().agent('app1', { dotnet: '4.7.1' }).build() }],
  },
  'agent-tls12': {
    fires: [
      { name: 'off', estate: () => bare().agent('app1', { tls12: false }).build(), effect: 'needs-remediation', severity: 'remediation' },
      { name: 'unknown', estate: () => bare().agent('app1', { tls12: null }).build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'needs-remediation' },
    ],
    quiet: [{ name: 'on', estate: () => bare().agent('app1').build() }],
  },
  'agent-ports': {
    fires: [
      { name: 'no Global Catalog', estate: () => bare().agent('app1', { gc3268: false }).build(), effect: 'needs-remediation', severity: 'remediation', says: ['3268'] },
      { name: 'outbound 443 unknown', estate: () => bare().agent('app1', { outbound443: null }).build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'needs-remediation', collect: ['agents.outbound_443'] },
    ],
    quiet: [{ name: 'all open', estate: () => bare().agent('app1').build() }],
  },
  'agent-domain-join': {
    fires: [
      { name: 'workgroup host', estate: () => bare().agent('app1', { domainJoined: false }).build(), effect: 'needs-remediation', severity: 'remediation' },
      { name: 'unknown', estate: () => bare().agent('app1', { domainJoined: null }).build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'needs-remediation' },
    ],
    quiet: [{ name: 'joined', estate: () => bare().agent('app1').build() }],
  },
  'agent-on-staging-server': {
    fires: [
      { name: 'agent on the staging server: a warning', estate: () => bare().connect('SYNC02.contoso.com', { mode: 'staging' }).agent('sync02').build(), effect: 'informational', severity: 'warning', says: ['ambiguous'] },
      { name: 'server mode unknown', estate: () => bare().connect('sync02', { mode: null }).agent('sync02.contoso.com').build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'informational', collect: ['connect_servers.mode'] },
    ],
    quiet: [{ name: 'agent on the active server', estate: () => bare().connect('sync01').agent('sync01').build() }],
  },
  'agent-high-availability': {
    fires: [
      { name: 'no agents yet', estate: () => bare().build(), effect: 'informational', severity: 'info', says: ['Plan 3 agents'] },
      { name: 'two agents, FAQ reading', estate: () => bare().agents(2).build(), effect: 'informational', severity: 'warning', says: ['2 agent hosts', 'one agent as active', 'DG says'] },
      { name: 'two agents, DG reading', estate: () => bare().agents(2).build(), assumptions: { activeAgents: 'load-shared' }, effect: 'informational', severity: 'warning', says: ['sharing the load', 'FAQ says'] },
    ],
    quiet: [{ name: 'three agents', estate: () => bare().agents(3).build() }],
  },
  'gmsa-schema': {
    fires: [
      { name: '2008 R2 schema', estate: () => bare({ schemaVersion: '47' }).build(), effect: 'needs-remediation', severity: 'remediation' },
      { name: 'unknown', estate: () => bare({ schemaVersion: null }).build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'needs-remediation', collect: ['forests.schema_version'] },
    ],
    quiet: [
      { name: 'schema 88', estate: () => bare().build() },
      { name: 'schema written as a release', estate: () => bare({ schemaVersion: 'Windows Server 2012 R2' }).build() },
    ],
  },
  'connect-version': {
    fires: [
      { name: 'below 2.5.79.0: not syncing today, fix now', estate: () => bare().connect('sync01', { version: '2.4.27.0' }).build(), effect: 'needs-remediation', severity: 'blocker', says: ['stopped syncing on 2026-09-30', 'not being synced today', 'HARDEN'] },
      { name: 'below the pilot minimum', estate: () => bare().connect('sync01', { version: '1.1.130.0' }).build(), effect: 'needs-remediation', severity: 'blocker', says: ['1.4.32.0'] },
      { name: 'version unknown', estate: () => bare().connect('sync01', { version: null }).build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'needs-remediation', collect: ['connect_servers.version'] },
      { name: 'no server recorded', estate: () => bare().build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'needs-remediation', collect: ['connect_servers.version'] },
    ],
    quiet: [
      { name: 'exactly 2.5.79.0', estate: () => bare().connect('sync01', { version: '2.5.79.0' }).build() },
      { name: 'nothing syncs the forest', estate: () => bare({ currentEngine: 'none' }).build() },
    ],
  },
  'connect-active-servers': {
    fires: [
      { name: 'two active servers, one tenant', estate: () => bare().connect('sync01').connect('sync02').build(), effect: 'needs-remediation', severity: 'remediation', says: ['sync01 and sync02'] },
      { name: 'second server mode unknown', estate: () => bare().connect('sync01').connect('sync02', { mode: null }).build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'needs-remediation', collect: ['connect_servers.mode'] },
    ],
    quiet: [
      { name: 'active and staging', estate: () => bare().connect('sync01').connect('sync02', { mode: 'staging' }).build() },
      { name: 'two tenants', estate: () => bare().connect('sync01').forest('fabrikam.com', { tenant: 'f.onmicrosoft.com' }).domain('fabrikam.com').connect('sync02', { tenant: 'f.onmicrosoft.com' }).build() },
    ],
  },
  'connect-localdb-size': {
    fires: [
      { name: 'LocalDB over 100,000 objects', estate: () => estate().forest(F).domain(F, { users: 120_000 }).connect('sync01', { database: 'localdb' }).build(), effect: 'needs-remediation', severity: 'remediation', says: ['LocalDB', '100,000'] },
      { name: 'database unknown, large forest', estate: () => estate().forest(F).domain(F, { users: 120_000 }).connect('sync01', { database: null }).build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'needs-remediation', collect: ['connect_servers.database'] },
      { name: 'LocalDB, counts unknown', estate: () => estate().forest(F).domain(F, { users: null }).connect('sync01', { database: 'localdb' }).build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'needs-remediation' },
    ],
    quiet: [
      { name: 'LocalDB, small forest', estate: () => bare().connect('sync01', { database: 'localdb' }).build() },
      { name: 'SQL Server, large forest', estate: () => estate().forest(F).domain(F, { users: 120_000 }).connect('sync01').build() },
    ],
  },
  'directory-hygiene': {
    fires: [
      { name: 'duplicate proxy addresses', estate: () => bare().hygiene(F, 'duplicate-proxy-address', 12).build(), effect: 'needs-remediation', severity: 'remediation', says: ['12 duplicate proxyAddresses'] },
      { name: 'not checked', estate: () => bare().build(), effect: 'informational', severity: 'info', says: ['IdFix'] },
    ],
    quiet: [{ name: 'checked and clean', estate: () => bare().hygiene(F, 'duplicate-upn', 0).build() }],
  },
  'upn-suffixes': {
    fires: [
      { name: '.local domain', estate: () => estate().forest('corp.local').domain('corp.local').build(), effect: 'informational', severity: 'warning', says: ['corp.local'] },
      { name: 'extra non-routable suffix', estate: () => estate().forest(F).domain(F, { upnSuffixes: ['contoso.internal'] }).build(), effect: 'informational', severity: 'warning' },
    ],
    quiet: [{ name: 'routable', estate: () => estate().forest(F).domain(F, { upnSuffixes: ['contoso.de'] }).build() }],
  },
  'forest-links': {
    fires: [
      {
        name: 'merged with a forest that stays',
        estate: () => linked('merge', { allowPreview: true }),
        assumptions: { allowPreviewFeatures: true },
        effect: 'blocks-cloud-sync',
        severity: 'blocker',
        says: ['tied to fabrikam.com', 'move together or not at all'],
      },
      {
        name: 'the target of references from a forest that stays',
        estate: () => estate().healthyForest(F).healthyForest('fabrikam.com', { topologyRole: null }).link(F, 'fabrikam.com', 'references').build(),
        effect: 'blocks-cloud-sync',
        severity: 'blocker',
      },
      {
        name: 'merged with a forest whose verdict is open',
        estate: () => estate().healthyForest(F).healthyForest('fabrikam.com', { topologyRole: null }).link('fabrikam.com', F, 'merge').build(),
        assumptions: { allowPreviewFeatures: true },
        effect: 'unknown-data',
        severity: 'warning',
        couldBecome: 'blocks-cloud-sync',
        collect: ['forests.topology_role'],
      },
    ],
    quiet: [
      { name: 'a trust ties nothing', estate: () => estate().healthyForest(F).healthyForest('fabrikam.com', { features: { entra_domain_services: true }, tenant: 'f.onmicrosoft.com' }).link(F, 'fabrikam.com', 'trust').build() },
      { name: 'no links', estate: () => bare().build() },
    ],
  },
  'connect-stays': {
    fires: [
      { name: 'a forest stays', estate: () => estate().healthyForest(F, { features: { group_writeback_v1: true } }).build(), effect: 'informational', severity: 'warning', says: ['Connect Sync stays', 'sync.contoso.com for contoso.com (whole forest)'] },
      { name: 'nothing stays', estate: () => estate().healthyForest(F).build(), effect: 'informational', severity: 'info', says: ['decommissioned'] },
      {
        name: 'staying server on LocalDB too small',
        estate: () => estate().forest(F, { features: { custom_sync_rules: true } }).domain(F, { users: 150_000 }).connect('sync01', { database: 'localdb' }).build(),
        effect: 'needs-remediation',
        severity: 'remediation',
        says: ['LocalDB'],
      },
      {
        name: 'two active staying servers in one tenant',
        estate: () => estate().forest(F, { features: { group_writeback_v1: true } }).domain(F).connect('sync01').forest('fabrikam.com', { features: { group_writeback_v1: true } }).domain('fabrikam.com').connect('sync02').build(),
        effect: 'needs-remediation',
        severity: 'remediation',
        says: ['one active server per tenant'],
      },
    ],
    quiet: [{ name: 'no Connect servers and nothing stays', estate: () => bare({ currentEngine: 'cloud-sync' }).build() }],
  },
  'connect-server-version': {
    fires: [
      { name: 'below 2.5.79.0: not syncing today', estate: () => bare().connect('sync01', { version: '2.4.27.0' }).build(), effect: 'needs-remediation', severity: 'blocker', says: ['not syncing contoso.com today', 'HARDEN'] },
      { name: 'staying server: 12-month retirement', estate: () => bare({ features: { custom_sync_rules: true } }).connect('sync01', { version: '2.5.79.0', customRules: 20 }).build(), effect: 'needs-remediation', severity: 'remediation', says: ['12 months', 'upgrade is due'] },
      { name: 'version unknown', estate: () => bare().connect('sync01', { version: null }).build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'needs-remediation', collect: ['connect_servers.version'] },
    ],
    quiet: [{ name: 'current server that is decommissioned', estate: () => estate().healthyForest(F).build() }],
  },
  'non-ad-connectors': {
    fires: [
      {
        name: 'a generic SQL connector',
        estate: () => bare().connect('sync01', { nonAdConnectors: [{ name: 'HR', type: 'Generic SQL' }] }).build(),
        effect: 'keeps-part-on-connect',
        severity: 'blocker',
        says: ['HR (Generic SQL)', 'Connect Sync stays on sync01'],
      },
      { name: 'connectors not read', estate: () => bare().connect('sync01', { nonAdConnectors: null }).build(), effect: 'informational', severity: 'info', says: ['not recorded'] },
    ],
    quiet: [{ name: 'AD and Entra connectors only', estate: () => bare().connect('sync01').build() }],
  },
  'linked-forests': {
    fires: [
      { name: 'a linked group', estate: () => linked('merge'), effect: 'informational', severity: 'info', says: ['decided together'] },
      {
        name: 'merge flag without a partner',
        estate: () => bare({ features: { merge_across_forests: true } }).forest('fabrikam.com').domain('fabrikam.com').build(),
        effect: 'informational',
        severity: 'warning',
        collect: ['forest_links.other_forest'],
      },
    ],
    quiet: [{ name: 'no links', estate: () => bare().forest('fabrikam.com').domain('fabrikam.com').build() }],
  },
  'guided-migration-tool': {
    fires: [
      {
        name: 'small plain forest',
        estate: () =>
          estate()
            .forest(F)
            .domain(F, { users: 500, groups: 50, contacts: 0, computers: 100 })
            .ou(F, 'OU=Staff,DC=contoso,DC=com')
            .connect('sync01')
            .build(),
        effect: 'informational',
        severity: 'info',
        says: ['fits', 'custom UPN'],
      },
      { name: 'too many objects', estate: () => bare().connect('sync01').build(), effect: 'informational', severity: 'info', says: ['does not fit', '2,050 objects'] },
    ],
    quiet: [{ name: 'not on Connect', estate: () => bare({ currentEngine: 'cloud-sync' }).build() }],
  },
};

function findings(inventory: Inventory, rule: string, assumptions: Partial<Assumptions> = {}): Finding[] {
  const result = decide(inventory, Assumptions.parse(assumptions));
  return [...result.forests.flatMap((f) => f.findings), ...result.estate.findings].filter((f) => f.rule === rule);
}

const ALL_RULES = [...RULES, ...LINKED_RULES, ...ESTATE_RULES];

describe('rule table', () => {
  it('covers every registered rule, each with a case that fires and one that does not', () => {
    const ids = ALL_RULES.map((r) => r.id).sort();
    expect(Object.keys(CASES).sort()).toEqual(ids);
    for (const id of ids) {
      expect(CASES[id]?.fires.length, id).toBeGreaterThan(0);
      expect(CASES[id]?.quiet.length, id).toBeGreaterThan(0);
    }
  });

  it('has unique, stable rule ids in kebab case', () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

for (const [rule, cases] of Object.entries(CASES)) {
  describe(rule, () => {
    it.each(cases.fires)('fires: $name', (c) => {
      const found = findings(c.estate(), rule, c.assumptions);
      const match = found.find((f) => f.effect === c.effect && f.severity === c.severity);
      expect(match, JSON.stringify(found.map((f) => [f.effect, f.severity, f.message]))).toBeDefined();
      if (!match) return;
      if (c.couldBecome) expect(match.couldBecome).toBe(c.couldBecome);
      for (const words of c.says ?? []) expect(match.message).toContain(words);
      for (const field of c.collect ?? []) expect(match.collect.map((x) => x.field)).toContain(field);
      expect(match.source).toMatch(/\((\d{4}-\d{2}(-\d{2})?|undated)\)/);
      expect(match.remediation.length).toBeGreaterThan(0);
    });
    it.each(cases.quiet)('quiet: $name', (c) => {
      expect(findings(c.estate(), rule, c.assumptions)).toEqual([]);
    });
  });
}
