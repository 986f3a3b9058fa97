import type { Migration } from './migration.js'

/**
 * Version 2: places an analyst adds (scene, home, alibi, other) and radio survey readings taken for them. Frozen
 * once shipped: later changes go in a new version file.
 */
export const v002: Migration = {
  version: 2,
  description: 'locations of interest and survey readings',
  duckdb: [
    `CREATE SEQUENCE locations_of_interest_seq START 1`,
    `CREATE TABLE locations_of_interest (
      id VARCHAR NOT NULL PRIMARY KEY,
      name VARCHAR NOT NULL,
      kind VARCHAR NOT NULL CHECK (kind IN ('scene', 'home', 'alibi', 'other')),
      lat DOUBLE NOT NULL CHECK (lat BETWEEN -90 AND 90),
      lon DOUBLE NOT NULL CHECK (lon BETWEEN -180 AND 180),
      address VARCHAR,
      radius_m DOUBLE CHECK (radius_m IS NULL OR radius_m > 0),
      notes VARCHAR,
      created_by VARCHAR NOT NULL,
      created_at TIMESTAMP NOT NULL
    )`,
    `CREATE SEQUENCE survey_readings_seq START 1`,
    `CREATE TABLE survey_readings (
      id VARCHAR NOT NULL PRIMARY KEY,
      place_id VARCHAR,
      survey_kind VARCHAR NOT NULL CHECK (survey_kind IN ('spot', 'full')),
      surveyed_at TIMESTAMP NOT NULL,
      lat DOUBLE NOT NULL CHECK (lat BETWEEN -90 AND 90),
      lon DOUBLE NOT NULL CHECK (lon BETWEEN -180 AND 180),
      cgi VARCHAR NOT NULL,
      serving BOOLEAN NOT NULL,
      signal_dbm DOUBLE,
      technology VARCHAR,
      surveyed_by VARCHAR,
      notes VARCHAR,
      created_by VARCHAR NOT NULL,
      created_at TIMESTAMP NOT NULL
    )`,
  ],
}
