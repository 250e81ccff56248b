import * as z from 'zod';
import { ROLES } from '../../bank-schema.js';
import { bandRef, bandsStampSchema, bankStampSchema, nextStepSchema, scaleStampSchema, scoreValue } from '../stamps.js';

// The report of one respondent. The schema is the single definition of the result file:
// renderers read the model, `compare` validates old results with it, `schema result` prints it.

const answerValue = z.union([z.int(), z.literal('na'), z.null()]);

export const singleReportSchema = z.strictObject({
  schemaVersion: z.literal(1),
  kind: z.literal('single'),
  bank: bankStampSchema,
  form: z.enum(['full', 'quick']),
  takenAt: z.string(),
  respondent: z.strictObject({ role: z.enum(ROLES), name: z.string().optional(), team: z.string().optional() }),
  scale: scaleStampSchema,
  bands: bandsStampSchema,
  overall: z.strictObject({ score: scoreValue, band: bandRef.nullable() }),
  /** The same answer to every statement, and what that means for the score; null otherwise. Absent in results written before it was recorded. */
  sameAnswer: z
    .strictObject({ value: z.union([z.int(), z.literal('na')]), reading: z.string() })
    .nullable()
    .optional(),
  pillars: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      summary: z.string(),
      weight: z.number(),
      score: scoreValue,
      band: bandRef.nullable(),
      asked: z.int(),
      answered: z.int(),
      unknown: z.int(),
      unknownRate: z.number().nullable(),
      advice: z.array(z.string()),
    }),
  ),
  weakestPillar: z.string().nullable(),
  items: z.array(
    z.strictObject({
      id: z.string(),
      pillar: z.string(),
      text: z.string(),
      reverse: z.boolean(),
      weight: z.number(),
      value: answerValue,
      score: scoreValue,
    }),
  ),
  lowestItems: z.array(z.string()),
  nextSteps: z.array(nextStepSchema),
});

export type SingleReport = z.infer<typeof singleReportSchema>;
export type ReportPillar = SingleReport['pillars'][number];
export type ReportItem = SingleReport['items'][number];
