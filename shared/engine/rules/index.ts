import type { EstateRule, Rule } from '../rule.js';
import { accountResourceForest } from './account-resource-forest.js';
import { agentDomainJoin } from './agent-domain-join.js';
import { agentDotnet } from './agent-dotnet.js';
import { agentHighAvailability } from './agent-high-availability.js';
import { agentOnStagingServer } from './agent-on-staging-server.js';
import { agentOs } from './agent-os.js';
import { agentPorts } from './agent-ports.js';
import { agentRam } from './agent-ram.js';
import { agentServerCore } from './agent-server-core.js';
import { agentTls12 } from './agent-tls12.js';
import { alreadyOnCloudSync } from './already-on-cloud-sync.js';
import { attributeFiltering } from './attribute-filtering.js';
import { cloud21Vianet } from './cloud-21vianet.js';
import { connectActiveServers } from './connect-active-servers.js';
import { connectLocaldbSize } from './connect-localdb-size.js';
import { connectServerVersion } from './connect-server-version.js';
import { connectStays } from './connect-stays.js';
import { connectVersion } from './connect-version.js';
import { coveredFeatures } from './covered-features.js';
import { crossDomainReferences } from './cross-domain-references.js';
import { crossForestReferences } from './cross-forest-references.js';
import { customSyncRules } from './custom-sync-rules.js';
import { deviceSync } from './device-sync.js';
import { deviceWriteback } from './device-writeback.js';
import { directoryExtensions } from './directory-extensions.js';
import { directoryHygiene } from './directory-hygiene.js';
import { disconnectedForest } from './disconnected-forest.js';
import { domainObjectLimit } from './domain-object-limit.js';
import { entraDomainServices } from './entra-domain-services.js';
import { exchangeHybridWriteback } from './exchange-hybrid-writeback.js';
import { federation } from './federation.js';
import { forestLinks } from './forest-links.js';
import { forestWithoutDomains } from './forest-without-domains.js';
import { gmsaSchema } from './gmsa-schema.js';
import { groupFiltering } from './group-filtering.js';
import { groupMembershipLimit } from './group-membership-limit.js';
import { groupProvisioningToAd } from './group-provisioning-to-ad.js';
import { groupWritebackV1 } from './group-writeback-v1.js';
import { groupWritebackV2 } from './group-writeback-v2.js';
import { guestUsers } from './guest-users.js';
import { guidedMigrationTool } from './guided-migration-tool.js';
import { inetOrgPersonPasswordHashSync } from './inetorgperson-password-hash-sync.js';
import { linkedForests } from './linked-forests.js';
import { mergeAcrossForests } from './merge-across-forests.js';
import { multipleTenants } from './multiple-tenants.js';
import { nonAdConnectors } from './non-ad-connectors.js';
import { passThroughAuth } from './pass-through-auth.js';
import { scopingOuLimit } from './scoping-ou-limit.js';
import { seamlessSso } from './seamless-sso.js';
import { sourceAnchor } from './source-anchor.js';
import { syncInterval } from './sync-interval.js';
import { upnSuffixes } from './upn-suffixes.js';

/** Every rule `decide` runs. Order does not matter: findings are sorted afterwards. */
export const RULES: readonly Rule[] = [
  // Forest and topology
  forestWithoutDomains,
  disconnectedForest,
  alreadyOnCloudSync,
  accountResourceForest,
  multipleTenants,
  sourceAnchor,
  crossDomainReferences,
  cloud21Vianet,
  // Cloud Sync limits
  domainObjectLimit,
  groupMembershipLimit,
  scopingOuLimit,
  // Features in use today (capability matrix)
  coveredFeatures,
  passThroughAuth,
  federation,
  seamlessSso,
  exchangeHybridWriteback,
  directoryExtensions,
  customSyncRules,
  attributeFiltering,
  groupFiltering,
  deviceSync,
  deviceWriteback,
  groupWritebackV1,
  groupWritebackV2,
  groupProvisioningToAd,
  inetOrgPersonPasswordHashSync,
  guestUsers,
  crossForestReferences,
  mergeAcrossForests,
  entraDomainServices,
  // Cloud Sync agent hosts
  agentOs,
  agentServerCore,
  agentRam,
  agentDotnet,
  agentTls12,
  agentPorts,
  agentDomainJoin,
  agentOnStagingServer,
  agentHighAvailability,
  gmsaSchema,
  // Connect Sync servers
  connectVersion,
  connectActiveServers,
  connectLocaldbSize,
  // Directory hygiene
  directoryHygiene,
  upnSuffixes,
  // How to migrate
  guidedMigrationTool,
];

/** Run in `decide`'s second pass, once the forests tied by links are decided on their own. */
export const LINKED_RULES: readonly Rule[] = [forestLinks];

/** Run once for the whole estate, after every forest is decided: findings stated once. */
export const ESTATE_RULES: readonly EstateRule[] = [syncInterval, connectStays, connectServerVersion, nonAdConnectors, linkedForests];
