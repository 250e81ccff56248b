import * as z from 'zod';
import { bandsStampSchema, bankStampSchema } from '../stamps.js';
import { GAP_IDS } from '../team/schema.js';

const num = z.number().nullable();
/** clear: the change is beyond noise (team results: the 95% interval of the difference of the two means excludes 0; one person's result: any shown change). */
const change = { before: num, after: num, change: num, clear: z.boolean() };
const side = z.strictObject({ bank: bankStampSchema, form: z.enum(['full', 'quick']), at: z.string(), respondents: z.int().nullable() });

export const compareReportSchema = z.strictObject({
  schemaVersion: z.literal(1),
  kind: z.literal('compare'),
  of: z.enum(['single', 'team']),
  before: side,
  after: side,
  /** The two results were made with different banks (their content hashes differ). */
  bankChanged: z.boolean(),
  /** Questions with the same id and wording in both results (the ones compared), and how many each result has. */
  questions: z.strictObject({ compared: z.int(), before: z.int(), after: z.int() }),
  /** The later result's bands, to read both scores against. */
  bands: bandsStampSchema,
  headline: z.string(),
  overall: z.strictObject({ ...change, reading: z.string() }),
  pillars: z.array(z.strictObject({ id: z.string(), name: z.string(), ...change, reading: z.string() })),
  /** Team results: each perception gap per pillar; change is the change of its size (|after| − |before|). */
  gaps: z.array(
    z.strictObject({
      gap: z.enum(GAP_IDS),
      label: z.string(),
      pillar: z.string(),
      name: z.string(),
      ...change,
      /** The gap before and after as the team reports show it (the difference of the two whole scores); change reads as |shownAfter| − |shownBefore|. */
      shownBefore: z.int().nullable(),
      shownAfter: z.int().nullable(),
      /** Not judged: a result of schemaVersion 1 does not record the spread of everyone else. */
      unrecorded: z.boolean(),
      reading: z.string(),
    }),
  ),
  /** The statements whose score moved most, largest move first. */
  movers: z.array(z.strictObject({ id: z.string(), pillar: z.string(), text: z.string(), ...change, reading: z.string() })),
  improved: z.array(z.string()),
  worsened: z.array(z.string()),
});

export type CompareReport = z.infer<typeof compareReportSchema>;
