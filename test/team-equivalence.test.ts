import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { aggregate, type AggregateOptions } from '../src/commands/aggregate.js';
import type { Bank, Question } from '../src/core/bank.js';
import type { Role } from '../src/core/roles.js';
import type { TeamReport } from '../src/core/report/team/schema.js';
import { loadBank } from '../src/io/load-bank.js';
import { tempDir } from './helpers/cli.js';
import { captureContext, seeded } from './helpers/team.js';

// Done when: the same answers as a folder of answer files, as a Google Forms export and as a
// Typeform export give identical figures, equal to an independent calculation to 1e-6.

type Value = number | 'na';
interface Person {
  role: Role;
  answers: Map<string, Value>;
}

const GROUPS: [Role, number][] = [
  ['sales', 14],
  ['marketing', 11],
  ['leadership', 5],
  ['revops', 2],
  ['other', 4],
];

let bank: Bank;
let questions: Question[];
let people: Person[];

beforeAll(async () => {
  bank = await loadBank();
  questions = bank.pillars.flatMap((p) => p.questions);
  const random = seeded(20240501);
  people = GROUPS.flatMap(([role, n]) =>
    Array.from({ length: n }, (_, k) => {
      const answers = new Map<string, Value>();
      for (const q of questions) {
        // Sales sees Systems worse; a few "don't know", more of them for sales on Systems.
        const na = random() < (role === 'sales' && q.pillar === 'systems' ? 0.3 : 0.06);
        const shift = role === 'sales' && q.pillar === 'systems' ? -1 : role === 'leadership' ? 1 : 0;
        const v = Math.min(5, Math.max(1, 1 + Math.floor(random() * 5) + shift));
        // Two people answer every question, so that each pillar has respondents with complete answers.
        answers.set(q.id, na && k > 1 ? 'na' : v);
      }
      return { role, answers };
    }),
  );
});

const LABELS = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];

async function writeFolder(dir: string): Promise<string> {
  const folder = join(dir, 'answers');
  await mkdir(join(folder, 'round-2'), { recursive: true });
  await Promise.all(
    people.map((p, i) => {
      const name = `${i % 3 === 0 ? 'round-2/' : ''}person-${String(i).padStart(3, '0')}`;
      if (i % 5 === 0) {
        return writeFile(join(folder, `${name}.json`), JSON.stringify({ respondent: { role: p.role }, answers: Object.fromEntries(p.answers) }));
      }
      const lines = [`respondent:`, `  role: ${p.role}`, `answers:`, ...[...p.answers].map(([id, v]) => `  ${id}: ${v}`)];
      return writeFile(join(folder, `${name}.yaml`), `${lines.join('\n')}\n`);
    }),
  );
  return folder;
}

const cell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

async function writeGoogleForms(dir: string): Promise<string> {
  const names = new Map(bank.pillars.map((p) => [p.id, p.name]));
  const header = ['Timestamp', 'Email Address', 'What is your role?', ...questions.map((q) => `${names.get(q.pillar)} [${q.text}]`)];
  const rows = people.map((p, i) => [
    `2024/05/0${1 + (i % 9)} 10:${String(i % 60).padStart(2, '0')}:00 AM GMT+2`,
    `person${i}@example.com`,
    p.role.charAt(0).toUpperCase() + p.role.slice(1),
    ...questions.map((q) => {
      const v = p.answers.get(q.id) as Value;
      return v === 'na' ? bank.scale.unknown : (LABELS[v - 1] as string);
    }),
  ]);
  const file = join(dir, 'google-forms.csv');
  await writeFile(file, `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`);
  return file;
}

async function writeTypeform(dir: string): Promise<string> {
  const header = ['#', 'Your role in the company', ...questions.map((q) => q.text), 'Start Date (UTC)', 'Submit Date (UTC)', 'Network ID'];
  const rows = people.map((p, i) => [
    `r${i.toString(36)}x9`,
    p.role,
    ...questions.map((q) => {
      const v = p.answers.get(q.id) as Value;
      return v === 'na' ? 'N/A' : String(v);
    }),
    '2024-05-01 10:00:00',
    '2024-05-01 10:06:00',
    `net${i}`,
  ]);
  const file = join(dir, 'typeform.csv');
  await writeFile(file, `${[header, ...rows].map((r) => r.map(cell).join(',')).join('\n')}\n`);
  return file;
}

async function teamReport(paths: string[]): Promise<TeamReport> {
  const { ctx, stdout } = captureContext();
  const options: AggregateOptions = { paths, quick: false, minGroup: 3, showNames: false, format: 'json', force: false };
  expect(await aggregate(options, ctx)).toBe(0);
  return JSON.parse(stdout()) as TeamReport;
}

// ---- The independent calculation: the spec's formulas, written out plainly. ----

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const avg = (xs: number[]) => (xs.length === 0 ? null : sum(xs) / xs.length);
const variance = (xs: number[]) => {
  const m = sum(xs) / xs.length;
  return sum(xs.map((x) => (x - m) ** 2)) / (xs.length - 1);
};
const sd = (xs: number[]) => (xs.length < 2 ? null : Math.sqrt(variance(xs)));
const medianOf = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const h = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[h] as number) : ((s[h - 1] as number) + (s[h] as number)) / 2;
};

function itemScoreOf(q: Question, v: Value | undefined): number | null {
  if (v === undefined || v === 'na') return null;
  const s = ((v - 1) / 4) * 100;
  return q.reverse ? 100 - s : s;
}

function pillarScoreOf(person: Person, pillarId: string): number | null {
  const qs = questions.filter((q) => q.pillar === pillarId);
  let weighted = 0;
  let answeredWeight = 0;
  for (const q of qs) {
    const s = itemScoreOf(q, person.answers.get(q.id));
    if (s === null) continue;
    weighted += q.weight * s;
    answeredWeight += q.weight;
  }
  const totalWeight = sum(qs.map((q) => q.weight));
  return answeredWeight >= totalWeight / 2 && answeredWeight > 0 ? weighted / answeredWeight : null;
}

function overallOf(person: Person): number | null {
  let weighted = 0;
  let weights = 0;
  for (const p of bank.pillars) {
    const s = pillarScoreOf(person, p.id);
    if (s === null) continue;
    weighted += p.weight * s;
    weights += p.weight;
  }
  return weights > 0 ? weighted / weights : null;
}

function hedges(a: number[], b: number[]): number {
  const pooled = Math.sqrt(((a.length - 1) * variance(a) + (b.length - 1) * variance(b)) / (a.length + b.length - 2));
  return (((avg(a) as number) - (avg(b) as number)) / pooled) * (1 - 3 / (4 * (a.length + b.length) - 9));
}

const present = (xs: (number | null)[]) => xs.filter((x): x is number => x !== null);

function expectClose(got: number | null | undefined, want: number | null, what: string): void {
  if (want === null) {
    expect(got, what).toBeNull();
    return;
  }
  expect(got, what).not.toBeNull();
  expect(Math.abs((got as number) - want), what).toBeLessThan(1e-6);
}

describe('the same answers from three kinds of input', () => {
  it('give identical figures, equal to an independent calculation', async () => {
    const dir = tempDir();
    const [folder, google, typeform] = await Promise.all([writeFolder(dir), writeGoogleForms(dir), writeTypeform(dir)]);
    const fromFolder = await teamReport([folder]);
    expect(await teamReport([google])).toEqual(fromFolder);
    expect(await teamReport([typeform])).toEqual(fromFolder);
    const r = fromFolder;

    expect(r.respondents.total).toBe(people.length);
    expect(r.respondents.byRole).toEqual([
      { role: 'sales', n: 14 },
      { role: 'marketing', n: 11 },
      { role: 'leadership', n: 5 },
      { role: 'other', n: 4 },
    ]);
    expect(r.respondents.folded).toEqual(['revops']);
    // 2 in revops are too few to hide among themselves: they are left out of every figure.
    expect(r.respondents.excluded).toBe(2);
    const counted = people.filter((p) => p.role !== 'revops');
    // Enough people answered every question somewhere for alpha to be computed.
    expect(r.pillars.map((p) => p.alpha === null)).toContain(false);

    const inRole = (roles: Role[]) => people.filter((p) => roles.includes(p.role));
    const everyoneButLeadership: Role[] = ['sales', 'marketing', 'other'];

    const overall = present(counted.map(overallOf));
    expectClose(r.overall.team.mean, avg(overall), 'team score');
    expectClose(r.overall.team.median, medianOf(overall), 'team median');
    expectClose(r.overall.team.sd, sd(overall), 'team sd');

    for (const pillar of bank.pillars) {
      const got = r.pillars.find((p) => p.id === pillar.id);
      const scores = (group: Person[]) => present(group.map((p) => pillarScoreOf(p, pillar.id)));
      const all = scores(counted);
      expect(got?.team.n).toBe(all.length);
      expectClose(got?.team.mean, avg(all), `${pillar.id} mean`);
      expectClose(got?.team.median, medianOf(all), `${pillar.id} median`);
      expectClose(got?.team.min, Math.min(...all), `${pillar.id} min`);
      expectClose(got?.team.max, Math.max(...all), `${pillar.id} max`);
      expectClose(got?.team.sd, sd(all), `${pillar.id} sd`);
      for (const role of ['sales', 'marketing', 'leadership', 'other'] as Role[]) {
        const own = scores(inRole([role]));
        const byRole = got?.byRole.find((g) => g.role === role);
        expectClose(byRole?.score.mean, avg(own), `${pillar.id} ${role} mean`);
        expectClose(byRole?.score.sd, sd(own), `${pillar.id} ${role} sd`);
      }

      const qs = questions.filter((q) => q.pillar === pillar.id);
      const unknownRate = (group: Person[]) => sum(group.map((p) => qs.filter((q) => p.answers.get(q.id) === 'na').length)) / (group.length * qs.length);
      expectClose(got?.unknownRate, unknownRate(counted), `${pillar.id} don't know`);
      expectClose(got?.byRole.find((g) => g.role === 'sales')?.unknownRate, unknownRate(inRole(['sales'])), `${pillar.id} sales don't know`);

      const complete = counted.filter((p) => qs.every((q) => typeof p.answers.get(q.id) === 'number'));
      // alpha of the weighted composite the pillar score is: columns are w·s
      const columns = qs.map((q) => complete.map((p) => q.weight * (itemScoreOf(q, p.answers.get(q.id)) as number)));
      const totals = complete.map((_, i) => sum(columns.map((c) => c[i] as number)));
      const alpha = complete.length >= 10 ? (qs.length / (qs.length - 1)) * (1 - sum(columns.map(variance)) / variance(totals)) : null;
      expect(got?.completeRespondents).toBe(complete.length);
      expectClose(got?.alpha, alpha, `${pillar.id} alpha`);

      for (const [gapId, a, b] of [
        ['sales-marketing', ['sales'], ['marketing']],
        ['leadership-others', ['leadership'], everyoneButLeadership],
      ] as [string, Role[], Role[]][]) {
        const entry = r.gaps.find((g) => g.id === gapId)?.pillars.find((p) => p.pillar === pillar.id);
        const xa = scores(inRole(a));
        const xb = scores(inRole(b));
        expectClose(entry?.gap, (avg(xa) as number) - (avg(xb) as number), `${gapId} ${pillar.id} gap`);
        expectClose(entry?.g, hedges(xa, xb), `${gapId} ${pillar.id} g`);
      }
    }

    for (const q of questions) {
      const got = r.items.find((i) => i.id === q.id);
      const values = counted.map((p) => p.answers.get(q.id)).filter((v): v is number => typeof v === 'number');
      const scores = values.map((v) => itemScoreOf(q, v) as number);
      expectClose(got?.mean, avg(scores), `${q.id} mean`);
      expectClose(got?.sd, sd(scores), `${q.id} sd`);
      const salesValues = inRole(['sales'])
        .map((p) => p.answers.get(q.id))
        .filter((v): v is number => typeof v === 'number');
      expectClose(got?.byRole.find((g) => g.role === 'sales')?.rwg, 1 - variance(salesValues) / ((5 * 5 - 1) / 12), `${q.id} sales r_wg`);
      const sales = present(inRole(['sales']).map((p) => itemScoreOf(q, p.answers.get(q.id))));
      const marketing = present(inRole(['marketing']).map((p) => itemScoreOf(q, p.answers.get(q.id))));
      const entry = r.gaps.find((g) => g.id === 'sales-marketing')?.items.find((i) => i.item === q.id);
      expectClose(entry?.gap, (avg(sales) as number) - (avg(marketing) as number), `${q.id} gap`);
      expectClose(entry?.g, hedges(sales, marketing), `${q.id} g`);
    }
  });
});
