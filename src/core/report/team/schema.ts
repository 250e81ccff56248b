import * as z from 'zod';
import { OWNERS, ROLES } from '../../bank-schema.js';
import { bandRef, bandsStampSchema, bankStampSchema, nextStepSchema, scaleStampSchema } from '../stamps.js';

const num = z.number().nullable();
const role = z.enum(ROLES);
const effectSize = z.enum(['negligible', 'small', 'medium', 'large']);

export const summarySchema = z.strictObject({ n: z.int(), mean: num, median: num, min: num, max: num, sd: num });

const scoreSchema = z.strictObject({ ...summarySchema.shape, band: bandRef.nullable() });

const gapEntry = {
  /** Mean of group a and of group b, 0-100. */
  a: num,
  b: num,
  /** a − b in points. */
  gap: num,
  /** Hedges' g of a against b. */
  g: num,
  size: effectSize.nullable(),
  reading: z.string(),
};

export const GAP_IDS = ['sales-marketing', 'leadership-others'] as const;
export type GapId = (typeof GAP_IDS)[number];

export const agendaSchema = z.strictObject({
  minutes: z.int(),
  blocks: z.array(
    z.strictObject({
      kind: z.enum(['opening', 'gap', 'agreement', 'pillar', 'unknown', 'actions', 'close']),
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
type Block = Agenda['blocks'][number];
export const teamReportSchema = z.strictObject({
  schemaVersion: z.literal(1),
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
    /** Roles with fewer than minGroup respondents: in the team figures only. */
    folded: z.array(role),
    /** Only with --show-names; sorted, not linked to any answer. */
    names: z.array(z.string()).nullable(),
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
      /** Cronbach's alpha over the respondents who answered every item; null under 10 of them. */
      alpha: num,
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
      n: z.int(),
      mean: num,
      sd: num,
      /** Agreement r_wg against the uniform null, on the raw answers. */
      rwg: num,
      unknownRate: num,
      byRole: z.array(z.strictObject({ role, n: z.int(), mean: num, unknownRate: num })),
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
      /** Largest |gap| first. */
      items: z.array(z.strictObject({ item: z.string(), pillar: z.string(), ...gapEntry })),
    }),
  ),
  /** The items the teams disagree on most, by the first gap that could be shown; largest first. */
  disagreements: z.strictObject({ gap: z.enum(GAP_IDS).nullable(), items: z.array(z.string()) }),
  /** The items the whole team rates lowest, lowest first. */
  lowestItems: z.array(z.string()),
  unknown: z.strictObject({
    pillar: z.string().nullable(),
    rate: num,
    reading: z.string().nullable(),
    findings: z.array(z.strictObject({ pillar: z.string(), role, rate: z.number(), reading: z.string() })),
  }),
  nextSteps: z.array(nextStepSchema),
  agenda: agendaSchema,
});

export type TeamReport = z.infer<typeof teamReportSchema>;
export type TeamScore = z.infer<typeof scoreSchema>;
export type TeamPillar = TeamReport['pillars'][number];
export type TeamItem = TeamReport['items'][number];
export type TeamGap = TeamReport['gaps'][number];
