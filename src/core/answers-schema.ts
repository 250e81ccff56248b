import * as z from 'zod';
import { MAX_NAME_LENGTH } from './name-length.js';
import { ROLES } from './roles.js';

// The answer file's schema, apart from the checks in answers.ts, so that a plain answer file is scored without loading zod.

export const optionalText = z.string().trim().max(MAX_NAME_LENGTH, `is longer than ${MAX_NAME_LENGTH} characters`).optional();

export const answersFileSchema = z.strictObject({
  $schema: z.string().optional(),
  bank: z.strictObject({ id: z.string(), version: z.string() }).optional(),
  form: z.enum(['full', 'quick']).optional(),
  respondent: z.strictObject({ role: z.enum(ROLES).nullable().optional(), name: optionalText, team: optionalText }).default({}),
  takenAt: z.iso.datetime({ offset: true, error: 'must be a date and time such as 2026-03-02T09:30:00Z' }).optional(),
  // null is an empty answer, as in a freshly written template: reported as missing.
  answers: z.record(z.string(), z.union([z.int(), z.literal('na'), z.null()])),
});

/** What the loader validates: values are left to checkAnswers, so that all their problems are listed together. */
export const answersFileShapeSchema = answersFileSchema.extend({ answers: z.record(z.string(), z.unknown()) });
export type AnswersFile = z.infer<typeof answersFileShapeSchema>;
