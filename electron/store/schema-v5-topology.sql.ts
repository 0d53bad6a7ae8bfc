/**
 * Version 5 (issue 9): the tenants as rows of their own (forests and Connect servers keep naming them in
 * their `tenant` text, which the app renames with the tenant), and the counts a person typed kept apart
 * from what an import computed: `imported_counts` lists each count typed over with the import's value,
 * NULL when nothing was typed. Tenants already named become rows.
 */
export const schemaV5Topology = `
CREATE TABLE tenants (
  name TEXT PRIMARY KEY COLLATE NOCASE,
  cloud TEXT CHECK (cloud IN ('global', 'us-government', '21vianet')),
  notes TEXT NOT NULL DEFAULT ''
);
INSERT OR IGNORE INTO tenants (name)
  SELECT tenant FROM forests WHERE tenant IS NOT NULL AND trim(tenant) <> ''
  UNION SELECT tenant FROM connect_servers WHERE tenant IS NOT NULL AND trim(tenant) <> '';

ALTER TABLE domains ADD COLUMN imported_counts TEXT CHECK (imported_counts IS NULL OR json_valid(imported_counts));
ALTER TABLE ous ADD COLUMN imported_counts TEXT CHECK (imported_counts IS NULL OR json_valid(imported_counts));
`;
