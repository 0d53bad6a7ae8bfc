/**
 * Version 2: the forest's Microsoft cloud (forests.cloud) and the links between forests (the
 * forest_links template, docs/templates.md), which the decision engine reasons about at estate level.
 */
export const schemaV2 = `
ALTER TABLE forests ADD COLUMN cloud TEXT CHECK (cloud IN ('global', 'us-government', '21vianet'));

CREATE TABLE forest_links (
  forest TEXT NOT NULL REFERENCES forests(forest) ON DELETE CASCADE ON UPDATE CASCADE,
  other_forest TEXT NOT NULL REFERENCES forests(forest) ON DELETE CASCADE ON UPDATE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('merge', 'references', 'trust', 'resource-for')),
  direction TEXT CHECK (direction IN ('one-way', 'two-way')),
  notes TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (forest, other_forest, kind)
) WITHOUT ROWID;
CREATE INDEX forest_links_by_other ON forest_links(other_forest);
`;
