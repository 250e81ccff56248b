import * as z from 'zod';
import { OWNERS } from '../bank-schema.js';

// What every report records alike: the bank it was made with, its scale and bands, and next steps.

export const bandRef = z.strictObject({ id: z.string(), label: z.string() });

export const bankStampSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  version: z.string(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});

/** The bank's scale and bands as a result records them, so that it can be read without the bank. */
export const scaleStampSchema = z.strictObject({ min: z.int(), max: z.int(), labels: z.array(z.string()), unknown: z.string() });
export const bandsStampSchema = z.array(z.strictObject({ id: z.string(), label: z.string(), min: z.number(), description: z.string().optional() }));
export type BandsStamp = z.infer<typeof bandsStampSchema>;

export const nextStepSchema = z.strictObject({
  pillar: z.string(),
  questionId: z.string().nullable(),
  owner: z.enum(OWNERS),
  action: z.string(),
  reason: z.string(),
});
export type NextStep = z.infer<typeof nextStepSchema>;

export type BankStamp = z.infer<typeof bankStampSchema>;

/** A 0-100 score in a result: anything else (or a non-finite number) is a tampered or broken file. */
export const scoreValue = z.number().min(0).max(100).nullable();
