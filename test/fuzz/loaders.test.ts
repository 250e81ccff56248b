import fc from 'fast-check';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { Bank } from '../../src/core/bank.js';
import { InputError } from '../../src/core/errors.js';
import { EMPTY_MAP } from '../../src/core/answer-map.js';
import { loadResponse } from '../../src/io/load-answers.js';
import { loadBank } from '../../src/io/load-bank.js';
import { readCsvResponses } from '../../src/io/load-csv.js';
import { loadAnswerMap } from '../../src/io/load-map.js';
import { loadResult } from '../../src/io/load-result.js';
import { ProblemList } from '../../src/io/problems.js';
import { ROOT } from '../helpers/cli.js';

// Random bytes, random text, random JSON/YAML structures and damaged valid files into every loader:
// each either loads or fails with our InputError, whose problems are well-formed. Never a TypeError,
// a RangeError or a hang, and never a polluted prototype. A new loader is one line in LOADERS.

const CORPUS = join(ROOT, 'test', 'corpus');
const VALID_BANK = join(CORPUS, 'bank', 'valid');
const RUNS = 60;

interface Loader {
  name: string;
  /** Where the input goes, in a folder that also holds a copy of the valid bank as bank/. */
  file: string;
  /** The valid input that the damaged and structured inputs start from. */
  valid: string;
  load(dir: string, bank: Bank): Promise<unknown>;
}

const LOADERS: Loader[] = [
  { name: 'bank.yaml', file: 'bank/bank.yaml', valid: join(VALID_BANK, 'bank.yaml'), load: (dir) => loadBank(join(dir, 'bank')) },
  { name: 'pillar file', file: 'bank/talk.yaml', valid: join(VALID_BANK, 'talk.yaml'), load: (dir) => loadBank(join(dir, 'bank')) },
  {
    name: 'answer file (YAML)',
    file: 'answers.yaml',
    valid: join(CORPUS, 'answers', 'valid.yaml'),
    load: (dir, bank) => loadResponse(join(dir, 'answers.yaml'), bank, 'full'),
  },
  {
    name: 'answer file (JSON, quick)',
    file: 'answers.json',
    valid: join(CORPUS, 'answers', 'valid.json'),
    load: (dir, bank) => loadResponse(join(dir, 'answers.json'), bank, 'quick'),
  },
  { name: 'CSV export', file: 'export.csv', valid: join(CORPUS, 'csv', 'valid.csv'), load: (dir, bank) => loadCsv(join(dir, 'export.csv'), bank) },
  { name: '--map file', file: 'map.yaml', valid: join(CORPUS, 'map', 'valid.yaml'), load: (dir, bank) => loadAnswerMap(join(dir, 'map.yaml'), bank) },
  { name: 'result file (compare)', file: 'result.json', valid: join(CORPUS, 'result', 'valid.json'), load: (dir) => loadResult(join(dir, 'result.json')) },
];

/** A CSV export read as aggregate reads it: every problem collected, then one InputError. */
async function loadCsv(file: string, bank: Bank): Promise<void> {
  const problems = new ProblemList();
  await readCsvResponses(file, { bank, form: 'full', map: EMPTY_MAP, keepNames: true, problems, sink: { add: () => {}, addCoded: () => {} } });
  problems.throwIfAny();
}

/** The valid input as data, for the structured cases; a CSV export is its rows of cells. */
function validData(valid: string): unknown {
  const text = readFileSync(valid, 'utf8');
  return valid.endsWith('.csv') ? text.split('\n').map((row) => row.split(',')) : parse(text);
}

/** Structures as the loader reads them: YAML or JSON, or for a CSV export, rows of cells. */
function serialize(data: unknown, asYaml: boolean, csv: boolean): string {
  if (csv)
    return (Array.isArray(data) ? data : [data])
      .map((row) => (Array.isArray(row) ? row : [row]).map((cell) => (typeof cell === 'string' ? cell : (JSON.stringify(cell) ?? ''))).join(asYaml ? ',' : ';'))
      .join('\n');
  return asYaml ? stringify(data) : (JSON.stringify(data) ?? 'null');
}

const SPECIAL_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'polluted',
  'answers',
  'respondent',
  'role',
  'T1',
  'R2',
  'id',
  'questions',
  'advice',
  'low',
  'high',
  'scale',
  'bands',
  'pillars',
  'talk',
  'min',
  'max',
  'labels',
];
const key = fc.oneof(fc.constantFrom(...SPECIAL_KEYS), fc.string({ maxLength: 8 }));
const leaf = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -0,
    1,
    3,
    3.5,
    5,
    6,
    -1,
    1e308,
    Number.MAX_SAFE_INTEGER + 2,
    'na',
    '',
    ' ',
    'sales',
    '1.0.0',
    'tiny',
    '\u0000',
    '\u001b[2J',
    '\u202e',
  ),
  fc.integer(),
  fc.double(),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
  tree: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('tree'), { maxLength: 5 }), fc.dictionary(key, tie('tree'), { maxKeys: 6 })),
}));

/** The valid document with one subtree, chosen by `steps`, replaced. */
function replaceAt(data: unknown, steps: readonly number[], value: unknown): unknown {
  const [step, ...rest] = steps;
  if (step === undefined || data === null || typeof data !== 'object') return value;
  if (Array.isArray(data)) {
    if (data.length === 0) return value;
    const i = step % data.length;
    return data.map((item, j) => (j === i ? replaceAt(item, rest, value) : item));
  }
  const keys = Object.keys(data);
  if (keys.length === 0) return value;
  const chosen = keys[step % keys.length] as string;
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, k === chosen ? replaceAt(v, rest, value) : v]));
}

const encode = (text: string) => new TextEncoder().encode(text);

function inputs(valid: string): fc.Arbitrary<Uint8Array>[] {
  const csv = valid.endsWith('.csv');
  const data = validData(valid);
  const chars = fc.constantFrom(':', '-', ' ', '\n', '\t', '{', '}', '[', ']', ',', '"', "'", '&a', '*a', '!!', '#', '---', '\u0000', '\ufeff', 'é', '\r');
  return [
    fc.uint8Array({ maxLength: 600 }),
    fc.string({ unit: 'binary', maxLength: 300 }).map(encode),
    fc.tuple(tree, fc.boolean()).map(([data, asYaml]) => encode(serialize(data, asYaml, csv))),
    fc
      .tuple(fc.array(fc.nat(), { maxLength: 4 }), tree, fc.boolean())
      .map(([steps, value, asYaml]) => encode(serialize(replaceAt(data, steps, value), asYaml, csv))),
    // The valid text damaged in a few places: cut, duplicated, or with YAML's punctuation spliced in.
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 20 }), fc.oneof(chars, fc.string({ maxLength: 4 }))), { minLength: 1, maxLength: 4 }).map((edits) => {
      let text = readFileSync(valid, 'utf8');
      for (const [at, cut, insert] of edits) {
        const i = at % (text.length + 1);
        text = text.slice(0, i) + insert + text.slice(i + cut);
      }
      return encode(text);
    }),
  ];
}

function expectOnlyInputErrors(error: unknown): void {
  if (!(error instanceof InputError)) throw error;
  expect(error.problems.length).toBeGreaterThan(0);
  for (const problem of error.problems) {
    expect(typeof problem.message).toBe('string');
    expect(problem.message.length).toBeGreaterThan(0);
    if (problem.line !== undefined) expect(Number.isInteger(problem.line) && problem.line >= 1).toBe(true);
    if (problem.col !== undefined) expect(Number.isInteger(problem.col) && problem.col >= 1).toBe(true);
  }
}

describe('loaders under random input', () => {
  let root = '';
  let bank: Bank;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'cash-test-fuzz-'));
    bank = await loadBank(VALID_BANK);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  describe.each(LOADERS)('$name', (loader) => {
    it.each(['random bytes', 'random text', 'random structures', 'valid with a random subtree', 'valid text damaged'].map((kind, i) => [kind, i] as const))(
      '%s: loads or fails with InputError only',
      async (_kind, i) => {
        const dir = mkdtempSync(join(root, 'run-'));
        cpSync(VALID_BANK, join(dir, 'bank'), { recursive: true });
        const arbitrary = inputs(loader.valid)[i] as fc.Arbitrary<Uint8Array>;
        await fc.assert(
          fc.asyncProperty(arbitrary, async (bytes) => {
            writeFileSync(join(dir, loader.file), bytes);
            await loader.load(dir, bank).catch(expectOnlyInputErrors);
            expect(Object.keys(Object.prototype)).toEqual([]);
            expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          }),
          { numRuns: RUNS },
        );
      },
    );
  });
});
