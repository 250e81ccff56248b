import * as z from 'zod';
import { OWNERS, QUESTION_TAGS, ROLES } from '../../bank-schema.js';
import { TEAM_SCHEMA_VERSION } from './version.js';
import { bandRef, bandsStampSchema, bankStampSchema, nextStepSchema, scaleStampSchema, scoreValue } from '../stamps.js';

const num = z.number().nullable();
const role = z.enum(ROLES);
const effectSize = z.enum(['negligible', 'small', 'medium', 'large']);

export const summarySchema = z.strictObject({ n: z.int(), mean: scoreValue, median: scoreValue, min: scoreValue, max: scoreValue, sd: num });

const scoreSchema = z.strictObject({ ...summarySchema.shape, band: bandRef.nullable() });

const gapEntry = {
  /** Mean of group a and of group b, 0-100, and how many values each rests on. */
  a: scoreValue,
  b: scoreValue,
  nA: z.int(),
  nB: z.int(),
  /** The standard deviation of each side's values (null with fewer than 2): what a later compare judges the gap's change by. */
  sdA: num,
  sdB: num,
  /** a − b in points. */
  gap: num,
  /** The 95% interval of a − b (Welch, Satterthwaite df); null with too few values or no spread on either side. */
  low: num,
  high: num,
  df: num,
  /** Two-sided p, and after the correction over its comparison (weighted Benjamini–Hochberg over its pillars and statements together). */
  p: num,
  pAdjusted: num,
  /** Both sides uniform and apart: g is undefined. */
  separation: z.boolean(),
  /** Hedges' g of a against b, only when both sides have at least 5 values. */
  g: num,
  verdict: z.enum(['not-enough', 'within-noise', 'beyond-noise']),
  /** Only beyond noise: from g, never "large" under 10 points. */
  size: effectSize.nullable(),
  /** The interval's bound nearest 0 in points (0 unless beyond noise): what gaps are ranked by. */
  sureness: z.number(),
  reading: z.string(),
};

/** Who agrees with a statement as worded, is neutral, disagrees, or does not know. */
const stanceSchema = z.strictObject({ agree: z.int(), neutral: z.int(), disagree: z.int(), unknown: z.int() });

export const GAP_IDS = ['sales-marketing', 'leadership-others'] as const;
export type GapId = (typeof GAP_IDS)[number];

export const agendaSchema = z.strictObject({
  minutes: z.int(),
  blocks: z.array(
    z.strictObject({
      kind: z.enum(['opening', 'safety', 'gap', 'agreement', 'pillar', 'unknown', 'actions', 'close']),
      /** Minutes from the start of the workshop. */
      start: z.int(),
      minutes: z.int(),
      title: z.string(),
      purpose: z.string(),
      /** What to ask the room, in order. */
      prompts: z.array(z.string()),
      pillar: z.string().nullable(),
      items: z.array(z.string()),
    }),
  ),
});

export type Agenda = z.infer<typeof agendaSchema>;

export const teamReportSchema = z.strictObject({
  schemaVersion: z.literal(TEAM_SCHEMA_VERSION),
  kind: z.literal('team'),
  bank: bankStampSchema,
  form: z.enum(['full', 'quick']),
  createdAt: z.string(),
  minGroup: z.int(),
  scale: scaleStampSchema,
  bands: bandsStampSchema,
  headline: z.string(),
  respondents: z.strictObject({
    total: z.int(),
    /** Only the groups large enough to be shown on their own. */
    byRole: z.array(z.strictObject({ role, n: z.int() })),
    /** Roles with fewer than minGroup respondents, never shown on their own. */
    folded: z.array(role),
    /** How many of the folded respondents are left out of every figure (too few to hide among themselves). */
    excluded: z.int(),
    /** Roles shown below minGroup because their people agreed (--show-role). */
    consented: z.array(role),
    /** Respondents who gave the same answer to every statement. */
    straightLiners: z.int(),
    /** Only with --show-names; sorted, not linked to any answer. */
    names: z.array(z.string()).nullable(),
    /** Only when the answer files named different forms (CSV rows count as full): how many named each; the team is scored on the quick form. */
    mixedForms: z.strictObject({ quick: z.int(), full: z.int(), reading: z.string() }).optional(),
  }),
  notes: z.array(z.string()),
  overall: z.strictObject({ team: scoreSchema, byRole: z.array(z.strictObject({ role, score: scoreSchema })) }),
  pillars: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      summary: z.string(),
      weight: z.number(),
      team: scoreSchema,
      unknownRate: num,
      byRole: z.array(z.strictObject({ role, score: scoreSchema, unknownRate: num })),
      /** Cronbach's alpha of the weighted composite, over the respondents who answered every item; null under 10 of them or 3 items. */
      alpha: num,
      /** What a negative alpha means, or why alpha is not shown; null otherwise. */
      alphaNote: z.string().nullable(),
      completeRespondents: z.int(),
    }),
  ),
  weakestPillar: z.string().nullable(),
  items: z.array(
    z.strictObject({
      id: z.string(),
      pillar: z.string(),
      text: z.string(),
      reverse: z.boolean(),
      owner: z.enum(OWNERS),
      /** The bank's tags of the statement (psychological-safety). */
      tags: z.array(z.enum(QUESTION_TAGS)),
      n: z.int(),
      mean: scoreValue,
      sd: num,
      stance: stanceSchema,
      unknownRate: num,
      byRole: z.array(
        z.strictObject({
          role,
          n: z.int(),
          mean: scoreValue,
          unknownRate: num,
          stance: stanceSchema,
          /** Agreement within the role: r_wg against the uniform null on the raw answers, unclamped; null under the answers it needs. */
          rwg: num,
          /** r_wg below 0: the role's answers spread more than random answers would. */
          polarised: z.boolean(),
        }),
      ),
    }),
  ),
  gaps: z.array(
    z.strictObject({
      id: z.enum(GAP_IDS),
      a: z.strictObject({ label: z.string(), n: z.int() }),
      b: z.strictObject({ label: z.string(), n: z.int() }),
      shown: z.boolean(),
      /** Why the gap is not shown; null when it is. */
      reason: z.string().nullable(),
      pillars: z.array(z.strictObject({ pillar: z.string(), ...gapEntry })),
      /** Most surely different first (beyond noise, by sureness), then the rest by size. */
      items: z.array(z.strictObject({ item: z.string(), pillar: z.string(), ...gapEntry })),
    }),
  ),
  /** The items whose gap is beyond noise, by the first gap that could be shown; most surely different first. */
  disagreements: z.strictObject({ gap: z.enum(GAP_IDS).nullable(), items: z.array(z.string()) }),
  /** The items the whole team rates lowest, lowest first. */
  lowestItems: z.array(z.string()),
  unknown: z.strictObject({
    pillar: z.string().nullable(),
    rate: num,
    reading: z.string().nullable(),
    findings: z.array(z.strictObject({ pillar: z.string(), role, rate: z.number(), reading: z.string() })),
    /** Statements a role mostly cannot answer. */
    items: z.array(z.strictObject({ item: z.string(), role, unknown: z.int(), of: z.int(), reading: z.string() })),
  }),
  nextSteps: z.array(nextStepSchema),
  agenda: agendaSchema,
});

export type TeamReport = z.infer<typeof teamReportSchema>;
export type TeamScore = z.infer<typeof scoreSchema>;
export type TeamPillar = TeamReport['pillars'][number];
export type TeamItem = TeamReport['items'][number];
export type TeamGap = TeamReport['gaps'][number];
export type TeamGapEntry = TeamGap['pillars'][number];
