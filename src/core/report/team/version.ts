/** The shape of the team result: 2 since the gap entries carry each side's spread (sdA, sdB). Apart from schema.ts, so that building a report loads no zod. */
export const TEAM_SCHEMA_VERSION = 2;
