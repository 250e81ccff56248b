import * as z from 'zod';
import { answersFileSchema } from '../core/answers-schema.js';
import { bankFileSchema, pillarFileSchema } from '../core/bank-schema.js';
import { resultSchema } from '../core/report/result-schema.js';
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
  // Input shape: fields with defaults are optional in the file.
  return { ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), title: TITLES[kind] };
}

export async function schema(options: { kind: SchemaKind }, ctx: Context): Promise<0> {
  ctx.stdout.write(renderJson(jsonSchema(options.kind)));
  return 0;
}
