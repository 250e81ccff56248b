import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { knownKeys } from '../../src/io/schema-keys.js';

const schema = z.strictObject({
  id: z.string(),
  summary: z.string().optional(),
  questions: z.array(z.strictObject({ id: z.string(), reverse: z.boolean().default(false), quick: z.boolean().optional() })),
  advice: z.record(z.string(), z.strictObject({ steps: z.array(z.string()) })).optional(),
  owner: z.union([z.strictObject({ role: z.string() }), z.strictObject({ team: z.string() })]).nullable(),
});

describe('knownKeys', () => {
  it.each([
    [[], ['id', 'summary', 'questions', 'advice', 'owner']],
    [
      ['questions', 0],
      ['id', 'reverse', 'quick'],
    ],
    [['advice', 'misaligned'], ['steps']],
    [['owner'], ['role', 'team']],
    [['id'], []],
    [['questions', 'x'], []],
    [['nowhere', 'at', 'all'], []],
  ] as const)('at %j: %j', (path, keys) => {
    expect(knownKeys(schema, path).sort()).toEqual([...keys].sort());
  });
});
