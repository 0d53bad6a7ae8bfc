import { describe, expect, it } from 'vitest';
import { Assumptions } from '../../model/assumptions.js';
import type { Inventory } from '../../model/inventory.js';
import { decide } from '../decide.js';
import type { Effect, Finding, Severity } from '../decision-schema.js';
import { estate, type ForestOverrides } from '../test-support/estate-builder.js';
import { RULES } from './index.js';

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
    quiet: [{ name: 'already on Cloud Sync', estate: () => bare({ currentEngine: 'cloud-sync' }).build() }],
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
    fires: [{ name: 'password hash sync', estate: () => bare({ features: { password_writeback: true } }).build(), effect: 'informational', severity: 'info', says: ['password hash sync', '21Vianet'] }],
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
      {
        name: 'agent version unknown',
        estate: () => bare({ features: { directory_extensions: true } }).agent('app1', { agentVersion: null }).build(),
        effect: 'unknown-data',
        severity: 'warning',
        couldBecome: 'needs-remediation',
        collect: ['agents.agent_version'],
      },
    ],
    quiet: [{ name: 'not used', estate: () => bare().build() }],
  },
  'custom-sync-rules': {
    fires: [
      { name: 'flagged', estate: () => bare({ features: { custom_sync_rules: true } }).build(), effect: 'blocks-cloud-sync', severity: 'blocker', says: ['custom sync rules'] },
      {
        name: 'found in the Connect export',
        estate: () => bare({ features: { custom_sync_rules: null } }).connect('sync01', { customRules: 3 }).build(),
        effect: 'blocks-cloud-sync',
        severity: 'blocker',
        says: ['sync01 has 3 custom rules'],
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
      { name: 'used', estate: () => bare({ features: { attribute_filtering: true } }).build(), effect: 'needs-remediation', severity: 'remediation', says: ['limited'] },
      { name: 'unknown', estate: () => bare({ features: { attribute_filtering: null } }).build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'needs-remediation' },
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
      { name: 'used, read as retired', estate: () => bare({ features: { group_writeback_v1: true } }).build(), effect: 'needs-remediation', severity: 'remediation', says: ['retired', 'still-supported'] },
      {
        name: 'used, read as still supported',
        estate: () => bare({ features: { group_writeback_v1: true } }).build(),
        assumptions: { groupWritebackV1: 'still-supported' },
        effect: 'blocks-cloud-sync',
        severity: 'blocker',
        says: ['still-supported', '(retired)'],
      },
      { name: 'unknown', estate: () => bare({ features: { group_writeback_v1: null } }).build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'needs-remediation' },
    ],
    quiet: [{ name: 'not used', estate: () => bare().build() }],
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
      { name: 'unknown', estate: () => bare({ features: { entra_domain_services: null } }).build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'blocks-cloud-sync' },
    ],
    quiet: [{ name: 'not used', estate: () => bare().build() }],
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
      { name: 'agent on the staging server', estate: () => bare().connect('SYNC02.contoso.com', { mode: 'staging' }).agent('sync02').build(), effect: 'needs-remediation', severity: 'remediation' },
      { name: 'server mode unknown', estate: () => bare().connect('sync02', { mode: null }).agent('sync02.contoso.com').build(), effect: 'unknown-data', severity: 'warning', couldBecome: 'needs-remediation', collect: ['connect_servers.mode'] },
    ],
    quiet: [{ name: 'agent on the active server', estate: () => bare().connect('sync01').agent('sync01').build() }],
  },
  'agent-high-availability': {
    fires: [
      { name: 'no agents yet', estate: () => bare().build(), effect: 'informational', severity: 'info', says: ['Plan 3 agents'] },
      { name: 'two agents', estate: () => bare().agents(2).build(), effect: 'informational', severity: 'warning', says: ['2 agent hosts'] },
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
      { name: 'below 2.5.79.0', estate: () => bare().connect('sync01', { version: '2.4.27.0' }).build(), effect: 'needs-remediation', severity: 'remediation', says: ['2026-09-30'] },
      { name: 'below the pilot minimum', estate: () => bare().connect('sync01', { version: '1.1.130.0' }).build(), effect: 'needs-remediation', severity: 'remediation', says: ['1.4.32.0'] },
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
  return result.forests.flatMap((f) => f.findings).filter((f) => f.rule === rule);
}

describe('rule table', () => {
  it('covers every registered rule, each with a case that fires and one that does not', () => {
    const ids = RULES.map((r) => r.id).sort();
    expect(Object.keys(CASES).sort()).toEqual(ids);
    for (const id of ids) {
      expect(CASES[id]?.fires.length, id).toBeGreaterThan(0);
      expect(CASES[id]?.quiet.length, id).toBeGreaterThan(0);
    }
  });

  it('has unique, stable rule ids in kebab case', () => {
    const ids = RULES.map((r) => r.id);
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
