import * as z from 'zod';

export { ROLES, type Role } from './roles.js';

export const OWNERS = ['sales', 'marketing', 'both', 'leadership', 'revops'] as const;
export type Owner = (typeof OWNERS)[number];

/** What a question can be marked as, for the reports to treat it so (see docs/question-bank.md). */
export const QUESTION_TAGS = ['psychological-safety'] as const;
export type QuestionTag = (typeof QUESTION_TAGS)[number];

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'must be 1-64 letters, digits, "-" or "_", starting with a letter or digit');
const text = z.string().trim().min(1, 'must not be empty').max(2000, 'is longer than 2000 characters');
const weight = z.number().positive('must be greater than 0').max(1000, 'must be at most 1000');

export const scaleSchema = z
  .strictObject({
    min: z.int(),
    max: z.int(),
    labels: z.array(text),
    unknown: text,
  })
  .superRefine((scale, ctx) => {
    const points = scale.max - scale.min + 1;
    if (points < 2 || points > 11) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: `the scale must have 2 to 11 points, not ${points}` });
    } else if (scale.labels.length !== points) {
      ctx.addIssue({
        code: 'custom',
        path: ['labels'],
        message: `${scale.labels.length} labels for a ${points}-point scale (${scale.min}..${scale.max}): give one label per point`,
      });
    }
  });

export const bandSchema = z.strictObject({
  id,
  label: text,
  min: z.number().min(0).max(100),
  /** How a team in this band behaves, shown with the band in every report. */
  description: text.optional(),
});

export const bankFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id,
    title: text,
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version like 1.0.0'),
    /** What respondents base their answers on, shown before the first question and in the template. */
    instructions: text.optional(),
    scale: scaleSchema,
    bands: z.array(bandSchema).min(1, 'needs at least one band'),
    pillars: z.array(id).min(1, 'needs at least one pillar'),
    /** The material the questions draw on, by an id the questions' `source` lists. */
    sources: z.record(id, text).optional(),
  })
  .superRefine((bank, ctx) => {
    const first = bank.bands[0];
    if (first && first.min !== 0) {
      ctx.addIssue({ code: 'custom', path: ['bands', 0, 'min'], message: 'the first band must start at 0, so that every score has a band' });
    }
    bank.bands.forEach((band, i) => {
      const previous = bank.bands[i - 1];
      if (previous && band.min <= previous.min) {
        ctx.addIssue({ code: 'custom', path: ['bands', i, 'min'], message: `bands must be in ascending order: ${band.min} is not above ${previous.min}` });
      }
    });
    reportDuplicates(
      bank.bands.map((b) => b.id),
      (i, value) => ctx.addIssue({ code: 'custom', path: ['bands', i, 'id'], message: `duplicate band id "${value}"` }),
    );
    reportDuplicates(bank.pillars, (i, value) => ctx.addIssue({ code: 'custom', path: ['pillars', i], message: `pillar "${value}" is listed twice` }));
  });

export const questionSchema = z.strictObject({
  id,
  text,
  reverse: z.boolean().default(false),
  weight: weight.default(1),
  quick: z.boolean().default(false),
  owner: z.enum(OWNERS),
  /** Ids from bank.yaml's `sources`: what this question is grounded in. */
  source: z.array(id).min(1, 'name at least one source, or leave source out').optional(),
  /** psychological-safety: raising problems with the other team without fear; first in the team agenda when it is low or apart beyond noise. */
  tags: z.array(z.enum(QUESTION_TAGS)).min(1, 'name at least one tag, or leave tags out').optional(),
  action: text,
});

export const pillarFileSchema = z.strictObject({
  $schema: z.string().optional(),
  id,
  name: text,
  summary: text,
  weight: weight.default(1),
  advice: z.record(z.string(), z.array(text).min(1, 'give at least one piece of advice')),
  questions: z.array(questionSchema).min(1, 'needs at least one question'),
});

export type BankFile = z.infer<typeof bankFileSchema>;
export type PillarFile = z.infer<typeof pillarFileSchema>;
export type Scale = z.infer<typeof scaleSchema>;
export type Band = z.infer<typeof bandSchema>;

export function reportDuplicates(values: readonly string[], report: (index: number, value: string) => void): void {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (seen.has(value)) report(i, value);
    seen.add(value);
  });
}
