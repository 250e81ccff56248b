import * as z from 'zod';
import { answersFileSchema } from '../core/answers-schema.js';
import { allQuestions, type Bank } from '../core/bank.js';
import { inputError } from '../core/errors.js';
import { bankFileSchema, pillarFileSchema } from '../core/bank-schema.js';
import { resultSchema } from '../core/report/result-schema.js';
import { loadBank } from '../io/load-bank.js';
import { renderJson } from '../render/shared/json.js';
import type { Context } from '../context.js';

export const SCHEMA_KINDS = ['answers', 'bank', 'result'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

const TITLES: Record<SchemaKind, string> = {
  answers: 'cash-test answer file',
  bank: 'cash-test question bank file (bank.yaml or a pillar file)',
  result: 'cash-test result (--format json)',
};

/** JSON Schemas generated from the same zod schemas that validate the files, so they cannot drift. */
export function jsonSchema(kind: SchemaKind): object {
  const schema = { answers: answersFileSchema, bank: z.union([bankFileSchema, pillarFileSchema]), result: resultSchema }[kind];
  return toJsonSchema(schema, TITLES[kind]);
}

/** The answer file of one bank: its question ids, each an integer on its scale, "na" or empty. */
export function answersJsonSchema(bank: Bank): object {
  const { min, max } = bank.scale;
  const value = z.union([z.int().min(min).max(max), z.literal('na'), z.null()]);
  const answers = z.strictObject(Object.fromEntries(allQuestions(bank, 'full').map((q) => [q.id, value.describe(q.text).optional()])));
  const schema = answersFileSchema.extend({ bank: z.strictObject({ id: z.literal(bank.id), version: z.string() }).optional(), answers });
  return toJsonSchema(schema, `${TITLES.answers}: ${bank.title} ${bank.version}`);
}

function toJsonSchema(schema: z.ZodType, title: string): object {
  // Input shape: fields with defaults are optional in the file.
  return { ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), title };
}

export async function schema(options: { kind: SchemaKind; bank?: string }, ctx: Context): Promise<0> {
  if (options.bank !== undefined && options.kind !== 'answers')
    throw inputError('--bank is for `schema answers`: a bank or result schema is the same for every bank');
  ctx.stdout.write(renderJson(options.bank === undefined ? jsonSchema(options.kind) : answersJsonSchema(await loadBank(options.bank))));
  return 0;
}
