/**
 * Version 3: facts the decision engine reads that earlier files did not hold; every column nullable
 * (null = unknown). InetOrgPerson objects per domain (per-object AD exports); per Connect server, from
 * its configuration export: the pilot's own no-flow rules (not the customer's custom rules), custom rules
 * that change joins or provisioning, connectors to non-AD sources (JSON list), and whether userType flows.
 */
export const schemaV3Engine = `
ALTER TABLE domains ADD COLUMN inetorgpersons INTEGER CHECK (inetorgpersons >= 0);
ALTER TABLE connect_servers ADD COLUMN pilot_noflow_rules INTEGER CHECK (pilot_noflow_rules >= 0);
ALTER TABLE connect_servers ADD COLUMN join_rules INTEGER CHECK (join_rules >= 0);
ALTER TABLE connect_servers ADD COLUMN non_ad_connectors TEXT;
ALTER TABLE connect_servers ADD COLUMN syncs_user_type INTEGER CHECK (syncs_user_type IN (0, 1));
`;
