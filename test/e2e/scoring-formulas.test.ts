import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { cli, tempDir } from '../helpers/cli.js';
import { writeTinyBank, type TinyBank } from '../helpers/tiny-bank.js';

// The "done when": the figures of `run --answers FILE --format json` equal the spec's formulas to 1e-6
// on random banks and answer files. The expected figures come from the straightforward implementation below,
// written from SPEC.md ("Scoring (exact)") and deliberately not importing src/core/scoring.

type Value = number | 'na';
type Form = 'full' | 'quick';

interface Case {
  spec: TinyBank & { scale: { min: number; max: number }; bands: { id: string; min: number }[] };
  form: Form;
  answers: Record<string, Value>;
  /** Questions of the form left out of the answer file: the run must fail and name each. */
  missing: string[];
  json: boolean;
  roleFlag: boolean;
}

interface Expected {
  pillars: { id: string; score: number | null; band: string | null; asked: number; answered: number; unknown: number; unknownRate: number | null }[];
  overall: number | null;
  band: string | null;
  items: { id: string; score: number | null }[];
}

function expectedFigures({ spec, form, answers }: Case): Expected {
  const { min, max } = spec.scale;
  const bandOf = (score: number | null) => (score === null ? null : (spec.bands.filter((b) => score >= b.min).at(-1)?.id ?? null));
  const items: Expected['items'] = [];
  const pillars = spec.pillars.map((p) => {
    const asked = p.questions.filter((q) => form === 'full' || q.quick === true);
    let askedWeight = 0;
    let answeredWeight = 0;
    let weightedSum = 0;
    let answered = 0;
    let unknown = 0;
    for (const q of asked) {
      const w = q.weight ?? 1;
      const v = answers[q.id];
      askedWeight += w;
      let s: number | null = null;
      if (v === 'na') unknown += 1;
      else if (v !== undefined) {
        s = ((v - min) / (max - min)) * 100;
        if (q.reverse === true) s = 100 - s;
        answered += 1;
        answeredWeight += w;
        weightedSum += w * s;
      }
      items.push({ id: q.id, score: s });
    }
    const score = asked.length > 0 && answeredWeight >= askedWeight / 2 ? weightedSum / answeredWeight : null;
    return { id: p.id, score, band: bandOf(score), asked: asked.length, answered, unknown, unknownRate: asked.length > 0 ? unknown / asked.length : null };
  });
  let sum = 0;
  let weights = 0;
  spec.pillars.forEach((p, i) => {
    const score = pillars[i]?.score ?? null;
    if (score === null) return;
    sum += (p.weight ?? 1) * score;
    weights += p.weight ?? 1;
  });
  const overall = weights > 0 ? sum / weights : null;
  return { pillars, overall, band: bandOf(overall), items };
}

// Weights in halves keep the sums exact, so that "exactly half the weight" means the same here and there.
const weightArb = fc.constantFrom(undefined, 0.5, 1, 1.5, 2, 3);
const scaleArb = fc.constantFrom({ min: 1, max: 5 }, { min: 0, max: 10 }, { min: 1, max: 7 }, { min: 1, max: 4 }, { min: -2, max: 2 });
const bandsArb = fc
  .uniqueArray(fc.integer({ min: 1, max: 99 }), { maxLength: 3 })
  .map((mins) => [0, ...mins.sort((a, b) => a - b)].map((min, i) => ({ id: `band${i}`, min })));

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    scale: scaleArb,
    bands: bandsArb,
    pillars: fc.array(
      fc.record({
        weight: weightArb,
        questions: fc.array(fc.record({ reverse: fc.boolean(), weight: weightArb, quick: fc.boolean() }), { minLength: 1, maxLength: 6 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    form: fc.constantFrom<Form>('full', 'quick'),
    json: fc.boolean(),
    roleFlag: fc.boolean(),
  })
  .chain(({ scale, bands, pillars, form, json, roleFlag }) => {
    const spec: Case['spec'] = {
      scale,
      bands,
      pillars: pillars.map((p, i) => ({
        id: `pillar${i}`,
        ...(p.weight === undefined ? {} : { weight: p.weight }),
        questions: p.questions.map((q, j) => ({
          id: `Q${i}-${j}`,
          reverse: q.reverse,
          quick: q.quick,
          ...(q.weight === undefined ? {} : { weight: q.weight }),
        })),
      })),
    };
    const ids = spec.pillars.flatMap((p) => p.questions.map((q) => q.id));
    const formIds = spec.pillars.flatMap((p) => p.questions.filter((q) => form === 'full' || q.quick).map((q) => q.id));
    const value = fc.oneof({ arbitrary: fc.integer(scale), weight: 3 }, { arbitrary: fc.constant<Value>('na'), weight: 1 });
    return fc.record({
      spec: fc.constant(spec),
      form: fc.constant(form),
      answers: fc.tuple(...ids.map(() => value)).map((values) => Object.fromEntries(ids.map((id, k) => [id, values[k] as Value]))),
      // One case in five leaves out some of the form's questions.
      missing:
        formIds.length === 0
          ? fc.constant<string[]>([])
          : fc.oneof(
              { arbitrary: fc.constant<string[]>([]), weight: 4 },
              { arbitrary: fc.subarray(formIds, { minLength: 1, maxLength: Math.min(3, formIds.length) }), weight: 1 },
            ),
      json: fc.constant(json),
      roleFlag: fc.constant(roleFlag),
    });
  });

async function runCase(dir: string, c: Case) {
  const bankDir = join(dir, 'bank');
  await writeTinyBank(bankDir, c.spec);
  const answers = Object.fromEntries(Object.entries(c.answers).filter(([id]) => !c.missing.includes(id)));
  const content = { respondent: c.roleFlag ? {} : { role: 'marketing' }, answers };
  const file = join(dir, c.json ? 'answers.json' : 'answers.yaml');
  await writeFile(file, c.json ? JSON.stringify(content, null, 2) : stringify(content));
  const args = [
    'run',
    '--bank',
    bankDir,
    '--answers',
    file,
    '--format',
    'json',
    ...(c.form === 'quick' ? ['--quick'] : []),
    ...(c.roleFlag ? ['--role', 'sales'] : []),
  ];
  return { file, ...(await cli(args)) };
}

/** Both null, or within 1e-6. */
function close(got: unknown, want: number | null): boolean {
  if (want === null || got === null) return got === want;
  return typeof got === 'number' && Math.abs(got - want) <= 1e-6;
}

/** The band the independent figure falls in; either neighbour when it sits within 1e-6 of a boundary, where rounding decides. */
function bandMatches(spec: Case['spec'], got: unknown, score: number | null, want: string | null): boolean {
  if (score === null) return got === null && want === null;
  const near = spec.bands.findIndex((b) => Math.abs(score - b.min) <= 1e-6);
  if (near > 0) return got === spec.bands[near]?.id || got === spec.bands[near - 1]?.id;
  return got === want;
}

async function inPool<T, R>(items: readonly T[], size: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: size }, worker));
  return results;
}

const CASES = 50;

describe('run --answers --format json against the spec formulas', () => {
  it(`equals an independent calculation to 1e-6 on ${CASES} random banks and answer files`, { timeout: 300_000 }, async () => {
    const seed = Number(process.env.CASH_TEST_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const cases = fc.sample(caseArb, { numRuns: CASES, seed });
    const root = tempDir();
    const runs = await inPool(cases, Math.min(4, availableParallelism()), (c, i) => runCase(join(root, String(i)), c));

    let scored = 0;
    cases.forEach((c, i) => {
      const run = runs[i];
      if (!run) throw new Error(`case ${i} did not run`);
      const where = `case ${i} of seed ${seed} (CASH_TEST_SEED=${seed} reproduces it): ${JSON.stringify(c)}`;
      if (c.missing.length > 0) {
        expect(run.code, where).toBe(2);
        expect(run.stdout, where).toBe('');
        // At most one hint follows the problems (the quick form's way out, when only other questions are missing).
        const all = run.stderr.trimEnd().split('\n');
        const lines = all.filter((line) => !line.startsWith('hint: '));
        expect(all.length - lines.length, where).toBeLessThanOrEqual(1);
        expect(lines.map((line) => /answers: (\S+): no answer/.exec(line)?.[1]).sort(), where).toEqual([...c.missing].sort());
        for (const line of lines) expect(line.startsWith(`cash-test: error: ${run.file}:`), where).toBe(true);
        return;
      }
      expect({ code: run.code, stderr: run.stderr }, where).toEqual({ code: 0, stderr: '' });
      const result = JSON.parse(run.stdout);
      const want = expectedFigures(c);
      expect(result.form, where).toBe(c.form);
      expect(result.respondent.role, where).toBe(c.roleFlag ? 'sales' : 'marketing');
      expect(close(result.overall.score, want.overall), `${where}\noverall ${result.overall.score} ≠ ${want.overall}`).toBe(true);
      expect(bandMatches(c.spec, result.overall.band?.id ?? null, want.overall, want.band), `${where}\noverall band`).toBe(true);
      expect(
        result.pillars.map((p: { id: string }) => p.id),
        where,
      ).toEqual(want.pillars.map((p) => p.id));
      want.pillars.forEach((w, k) => {
        const got = result.pillars[k];
        const what = `${where}\npillar ${w.id}: got ${JSON.stringify(got)}, want ${JSON.stringify(w)}`;
        expect(close(got.score, w.score), what).toBe(true);
        expect(bandMatches(c.spec, got.band?.id ?? null, w.score, w.band), what).toBe(true);
        expect(close(got.unknownRate, w.unknownRate), what).toBe(true);
        expect([got.asked, got.answered, got.unknown], what).toEqual([w.asked, w.answered, w.unknown]);
      });
      expect(
        result.items.map((item: { id: string }) => item.id),
        where,
      ).toEqual(want.items.map((item) => item.id));
      want.items.forEach((w, k) => expect(close(result.items[k].score, w.score), `${where}\nitem ${w.id}`).toBe(true));
      scored += 1;
    });
    // The generator must produce mostly scorable cases, or the comparison above proves little.
    expect(scored).toBeGreaterThan(CASES / 2);
  });
});
