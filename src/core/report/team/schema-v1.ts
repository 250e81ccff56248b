import * as z from 'zod';
import { ROLES } from '../../bank-schema.js';
import { bandsStampSchema, bankStampSchema, scoreValue } from '../stamps.js';
import { GAP_IDS } from './schema.js';

// Team results of schemaVersion 1, written by cash-test before the gap entries carried each side's
// spread (and, the oldest, before gaps had intervals and statements their stances). Nothing writes
// them any more; compare still reads them, for the figures it needs and that both of their shapes
// have. Other keys are let through: they were valid when the file was written.

const num = z.number().nullable();
const figure = z.looseObject({ n: z.int(), mean: scoreValue, sd: num });

export const teamResultV1Schema = z.looseObject({
  schemaVersion: z.literal(1),
  kind: z.literal('team'),
  bank: bankStampSchema,
  form: z.enum(['full', 'quick']),
  createdAt: z.string(),
  bands: bandsStampSchema,
  respondents: z.looseObject({ total: z.int() }),
  overall: z.looseObject({ team: figure }),
  pillars: z.array(z.looseObject({ id: z.string(), name: z.string(), team: figure, byRole: z.array(z.looseObject({ role: z.enum(ROLES), score: figure })) })),
  items: z.array(z.looseObject({ id: z.string(), pillar: z.string(), text: z.string(), n: z.int(), mean: scoreValue, sd: num })),
  gaps: z.array(
    z.looseObject({
      id: z.enum(GAP_IDS),
      a: z.looseObject({ label: z.string() }),
      b: z.looseObject({ label: z.string() }),
      shown: z.boolean(),
      pillars: z.array(z.looseObject({ pillar: z.string(), a: scoreValue, b: scoreValue, gap: num })),
    }),
  ),
});

export type TeamResultV1 = z.infer<typeof teamResultV1Schema>;
