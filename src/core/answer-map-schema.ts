import * as z from 'zod';
import { ROLES } from './roles.js';

// The --map file's schema, apart from answer-map.ts, so that a CSV export is read without loading zod.

const ENTRY_SCHEMAS = {
  columns: z.string(),
  labels: z.union([z.int(), z.literal('na')], { error: 'must be a whole number on the scale, or na' }),
  roles: z.enum(ROLES),
};

export const answerMapFileSchema = z.strictObject({
  $schema: z.string().optional(),
  columns: z.record(z.string(), ENTRY_SCHEMAS.columns).default({}),
  labels: z.record(z.string(), ENTRY_SCHEMAS.labels).default({}),
  roles: z.record(z.string(), ENTRY_SCHEMAS.roles).default({}),
});
export type AnswerMapFile = z.infer<typeof answerMapFileSchema>;

/**
 * The entries of a map file that are well-formed, whatever else is wrong with it: checked against
 * the bank too, so that a file with a wrong type and an unknown question id gets both at once.
 */
export function wellFormedEntries(data: unknown): AnswerMapFile {
  const section = <T>(key: keyof typeof ENTRY_SCHEMAS, schema: z.ZodType<T>): Record<string, T> => {
    const value = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[key] : undefined;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value).flatMap(([k, v]) => {
        const parsed = schema.safeParse(v);
        return parsed.success ? [[k, parsed.data] as const] : [];
      }),
    );
  };
  return { columns: section('columns', ENTRY_SCHEMAS.columns), labels: section('labels', ENTRY_SCHEMAS.labels), roles: section('roles', ENTRY_SCHEMAS.roles) };
}
