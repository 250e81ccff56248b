import * as z from 'zod';
import { singleReportSchema } from './single/schema.js';
import { teamResultV1Schema } from './team/schema-v1.js';
import { teamReportSchema } from './team/schema.js';

const KIND_ERROR = 'must be "single" (written by run) or "team" (written by aggregate): this is not a result file';

/** Every result file cash-test writes with --format json, told apart by `kind`. */
export const resultSchema = z.discriminatedUnion('kind', [singleReportSchema, teamReportSchema], { error: KIND_ERROR });
export type Result = z.infer<typeof resultSchema>;

/** Every result file `compare` reads: what cash-test writes now, and team results of schemaVersion 1. */
export const readableResultSchema = z.discriminatedUnion(
  'kind',
  [singleReportSchema, z.discriminatedUnion('schemaVersion', [teamReportSchema, teamResultV1Schema])],
  {
    error: KIND_ERROR,
  },
);
export type ReadableResult = z.infer<typeof readableResultSchema>;
