import * as z from 'zod';
import { singleReportSchema } from './single/schema.js';
import { teamReportSchema } from './team/schema.js';

/** Every result file cash-test writes with --format json, told apart by `kind`. */
export const resultSchema = z.discriminatedUnion('kind', [singleReportSchema, teamReportSchema], {
  error: 'must be "single" (written by run) or "team" (written by aggregate): this is not a result file',
});
export type Result = z.infer<typeof resultSchema>;
