import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { TeamData } from '../../src/core/aggregate.js';
import type { AnswerValue, Response } from '../../src/core/answers.js';
import type { Bank } from '../../src/core/bank.js';
import { compareResults } from '../../src/core/report/compare/build.js';
import type { CompareReport } from '../../src/core/report/compare/schema.js';
import { buildTeamReport } from '../../src/core/report/team/build.js';
import type { TeamReport } from '../../src/core/report/team/schema.js';
import type { Role } from '../../src/core/roles.js';
import { wholeDifference, wholeScore } from '../../src/core/whole-score.js';
import { loadBank } from '../../src/io/load-bank.js';
import { renderCompareHtml } from '../../src/render/compare/html.js';
import { renderCompareMarkdown } from '../../src/render/compare/markdown.js';
import { renderCompareText } from '../../src/render/compare/text.js';
import { renderSlidesPage } from '../../src/render/room/screen-page.js';
import { renderTeamCsv } from '../../src/render/team/csv.js';
import { renderTeamHtml } from '../../src/render/team/html.js';
import { renderTeamMarkdown } from '../../src/render/team/markdown.js';
import { renderTeamText } from '../../src/render/team/text.js';
import { MINI_BANK } from '../helpers/team.js';
import { SLOW_TEST_TIMEOUT_MS } from '../helpers/timeouts.js';

// The rounding rule over random teams, in every format: whole numbers, and every gap or change shown
// equals the difference of the whole figures shown beside it. Each format is read back as a person
// reads it (its tables and its sentences), not through the model. In compare, a gap is also shown as
// the team report of that result shows it.

let bank: Bank;
beforeAll(async () => {
  bank = await loadBank(MINI_BANK);
});

const ROLES_IN_ROOM: Role[] = ['sales', 'marketing', 'leadership', 'revops'];
const value = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 5 }) }, { weight: 1, arbitrary: fc.constant<AnswerValue>('na') });
const person = fc.record({
  role: fc.constantFrom(...ROLES_IN_ROOM),
  answers: fc.record({ T1: value, T2: value, K1: value, K2: value }),
});
/** At least 3 in sales and in marketing, so that the gap is shown; others now and then. */
const room = fc
  .tuple(
    fc.array(
      person.map((p) => ({ ...p, role: 'sales' as Role })),
      { minLength: 3, maxLength: 9 },
    ),
    fc.array(
      person.map((p) => ({ ...p, role: 'marketing' as Role })),
      { minLength: 3, maxLength: 9 },
    ),
    fc.array(person, { maxLength: 6 }),
  )
  .map(([s, m, o]) => [...s, ...m, ...o].map((p): Response => ({ respondent: { role: p.role }, answers: p.answers })));

function team(responses: readonly Response[]): TeamReport {
  const data = new TeamData(bank, 'full', { keepNames: false });
  for (const r of responses) data.add(r);
  return buildTeamReport(data, { minGroup: 3, showNames: false, createdAt: '2026-03-02T09:30:00Z' });
}

/** "−12" → −12, "+3" → 3, "0" → 0. */
const num = (s: string): number => Number(s.replace('−', '-').replace('+', ''));
const SIGNED = '([+−]\\d+|0)';

/** How many shown differences were read back, by where they were read: the test must have read some of each. */
type Checked = Map<string, number>;

function expectAll(what: string, pairs: [shown: number, expected: number, where: string][], checked: Checked) {
  for (const [shown, expected, where] of pairs) expect(shown, `${what}: ${where}`).toBe(expected);
  checked.set(what, (checked.get(what) ?? 0) + pairs.length);
}

function expectEachRead(checked: Checked, kinds: readonly string[]) {
  for (const kind of kinds) expect(checked.get(kind) ?? 0, `read no ${kind}`).toBeGreaterThanOrEqual(5);
}

/** Every sentence "N points lower/higher than … (X v Y" and "alike (X v Y". */
function sentences(text: string): [number, number, string][] {
  const out: [number, number, string][] = [];
  for (const m of text.matchAll(/(\d+) points? (lower|higher) than [^()]*?\((\d+) v (\d+)/g))
    out.push([(m[2] === 'lower' ? -1 : 1) * Number(m[1]), Number(m[3]) - Number(m[4]), m[0]]);
  for (const m of text.matchAll(/alike \((\d+) v (\d+)/g)) out.push([0, Number(m[1]) - Number(m[2]), m[0]]);
  return out;
}

/** The sections of a document under each heading line (Markdown "## ", text lines without indent). */
function section(text: string, heading: RegExp): string {
  const start = text.search(heading);
  if (start < 0) return '';
  const rest = text.slice(start);
  const next = rest.slice(1).search(/\n(## |[A-Z][^\n]*\n {2})/);
  return next < 0 ? rest : rest.slice(0, next + 1);
}

function checkTeam(r: TeamReport, checked: Checked) {
  const text = renderTeamText(r, { color: false, width: 1000 });
  const markdown = renderTeamMarkdown(r);
  const html = renderTeamHtml(r);
  const csv = renderTeamCsv(r);
  for (const [format, doc] of Object.entries({ text, markdown, html, csv })) expectAll(`${format} sentence`, sentences(doc), checked);

  // Tables: the gap beside the two figures it is the difference of.
  const rows = (doc: string, re: RegExp, a: number, b: number, g: number) =>
    [...doc.matchAll(re)].map((m): [number, number, string] => [num(m[g] as string), Number(m[a]) - Number(m[b]), m[0]]);
  expectAll('text pillar gap', rows(text, new RegExp(`(\\d+) \\((\\d+)\\)\\s+(\\d+) \\((\\d+)\\)\\s+${SIGNED}\\s`, 'g'), 1, 3, 5), checked);
  expectAll(
    'text statement gap',
    rows(text, new RegExp(`(?:sales|leadership) (\\d+), (?:marketing|everyone else) (\\d+), gap ${SIGNED} `, 'g'), 1, 2, 3),
    checked,
  );
  expectAll('markdown pillar gap', rows(markdown, new RegExp(`\\| (\\d+) \\| (\\d+) \\| (\\d+) \\| (\\d+) \\| ${SIGNED} \\|`, 'g'), 1, 3, 5), checked);
  const statements = section(markdown, /## Statements where/);
  expectAll(
    'markdown statement gap',
    rows(statements, new RegExp(`\\| [^|\\n]*[^\\d|\\s][^|\\n]* \\| (\\d+) \\| (\\d+) \\| ${SIGNED} \\| `, 'g'), 1, 2, 3),
    checked,
  );
  const td = (x: string) => `<td class="num">${x}</td>`;
  expectAll('html pillar gap', rows(html, new RegExp(`${td('(\\d+)')}${td('(\\d+)')}${td('(\\d+)')}${td('(\\d+)')}${td(SIGNED)}`, 'g'), 1, 3, 5), checked);
  expectAll('html statement gap', rows(html, new RegExp(`\\((\\d+) v (\\d+), gap ${SIGNED},`, 'g'), 1, 2, 3), checked);

  // CSV: gap_shown is the difference of the whole means given beside it at full precision.
  const cells = new Map<string, string>();
  for (const line of csv.split(/\r?\n/)) {
    const m = /^gap,([^,]*),([^,]*),([^,]*),(a_mean|b_mean|gap_shown),(.*)$/.exec(line);
    if (m) cells.set(`${m[1]}/${m[2]}/${m[3]}/${m[4]}`, m[5] as string);
  }
  const csvPairs: [number, number, string][] = [];
  for (const [key, shown] of cells) {
    if (!key.endsWith('/gap_shown') || shown === '') continue;
    const base = key.slice(0, -'gap_shown'.length);
    csvPairs.push([Number(shown), wholeScore(Number(cells.get(`${base}a_mean`))) - wholeScore(Number(cells.get(`${base}b_mean`))), key]);
  }
  expectAll('csv gap_shown', csvPairs, checked);
}

function checkCompare(c: CompareReport, before: TeamReport, after: TeamReport, checked: Checked) {
  const text = renderCompareText(c, { color: false, width: 1000 });
  const markdown = renderCompareMarkdown(c);
  const html = renderCompareHtml(c);
  const names = ['Overall', 'Talk', 'Tools'].join('|');
  const change = (doc: string, re: RegExp) =>
    [...doc.matchAll(re)].map((m): [number, number, string] => [num(m[3] as string), Number(m[2]) - Number(m[1]), m[0]]);
  expectAll('text change', change(text, new RegExp(`^ {2}(?:${names}) +(\\d+) +(\\d+) +${SIGNED}$`, 'gm')), checked);
  expectAll('markdown change', change(markdown, new RegExp(`^\\| (?:\\*\\*)?(?:${names})(?:\\*\\*)? \\| (\\d+) \\| (\\d+) \\| ${SIGNED} \\|$`, 'gm')), checked);
  const td = (x: string) => `<td class="num">${x}</td>`;
  expectAll('html change', change(html, new RegExp(`<th scope="row">(?:${names})</th>${td('(\\d+)')}${td('(\\d+)')}${td(SIGNED)}</tr>`, 'g')), checked);

  // Gap rows: the change in size is |after| − |before| of the gaps beside it, and each gap is the one its team report shows.
  const shownGap = (r: TeamReport, label: string, pillar: string) => {
    const e = r.gaps.find((g) => `${g.a.label} − ${g.b.label}` === label)?.pillars.find((p) => p.pillar.toLowerCase() === pillar.toLowerCase());
    return e && e.a !== null && e.b !== null ? wholeDifference(e.a, e.b) : null;
  };
  const gapRows = (doc: string, re: RegExp) =>
    [...doc.matchAll(re)].flatMap((m): [number, number, string][] => {
      const [label, pillar, b, a, size] = [m[1] as string, m[2] as string, num(m[3] as string), num(m[4] as string), num(m[5] as string)];
      return [
        [size, Math.abs(a) - Math.abs(b), m[0]],
        [b, shownGap(before, label, pillar) ?? Number.NaN, `${m[0]} (before, as its team report shows it)`],
        [a, shownGap(after, label, pillar) ?? Number.NaN, `${m[0]} (after, as its team report shows it)`],
      ];
    });
  const GAP = '(sales − marketing|leadership − everyone else)';
  expectAll('text gap change', gapRows(text, new RegExp(`^ {2}${GAP} +(Talk|Tools) +${SIGNED} +${SIGNED} +${SIGNED}$`, 'gm')), checked);
  expectAll('markdown gap change', gapRows(markdown, new RegExp(`^\\| ${GAP} \\| (Talk|Tools) \\| ${SIGNED} \\| ${SIGNED} \\| ${SIGNED} \\|$`, 'gm')), checked);
  expectAll(
    'html gap change',
    gapRows(html, new RegExp(`<tr><td>${GAP}</td><th scope="row">(Talk|Tools)</th>${td(SIGNED)}${td(SIGNED)}${td(SIGNED)}</tr>`, 'g')),
    checked,
  );

  // Sentences: "rose N points (X → Y)", "narrowed by N points (A → B points".
  for (const [format, doc] of Object.entries({ text, markdown, html, json: JSON.stringify(c) })) {
    const pairs: [number, number, string][] = [];
    for (const m of doc.matchAll(/(rose|fell) (\d+) points? \((\d+) → (\d+)\)/g))
      pairs.push([(m[1] === 'rose' ? 1 : -1) * Number(m[2]), Number(m[4]) - Number(m[3]), m[0]]);
    for (const m of doc.matchAll(/stayed at (\d+)/g)) pairs.push([0, 0, m[0]]);
    for (const m of doc.matchAll(/(narrowed|widened) by (\d+) points? \((\d+) → (\d+) points/g))
      pairs.push([(m[1] === 'widened' ? 1 : -1) * Number(m[2]), Number(m[4]) - Number(m[3]), m[0]]);
    expectAll(`${format} compare sentence`, pairs, checked);
  }
}

describe('the rounding rule in every format', () => {
  it(
    'team report: text, Markdown, HTML and CSV (seed 2026, 240 teams)',
    () => {
      const checked: Checked = new Map();
      fc.assert(
        fc.property(room, (responses) => checkTeam(team(responses), checked)),
        { seed: 2026, numRuns: 240 },
      );
      expectEachRead(checked, [
        ...['text', 'markdown', 'html', 'csv'].map((f) => `${f} sentence`),
        ...['text', 'markdown', 'html'].flatMap((f) => [`${f} pillar gap`, `${f} statement gap`]),
        'csv gap_shown',
      ]);
    },
    SLOW_TEST_TIMEOUT_MS,
  );

  it(
    'the room’s gap slide (seed 2028, 120 teams)',
    () => {
      const checked: Checked = new Map();
      fc.assert(
        fc.property(room, (responses) => {
          const page = renderSlidesPage(team(responses), '/s/token/report').html;
          const slide = page.slice(page.indexOf('aria-label="Gaps"'), page.indexOf('aria-label="Agenda"'));
          const rows = [...slide.matchAll(/<tr><th scope="row">[^<]*<\/th><td>(\d+)<\/td><td>(\d+)<\/td><td>([+−]\d+|0)<\/td><\/tr>/g)];
          expectAll(
            'slide gap',
            rows.map((m): [number, number, string] => [num(m[3] as string), Number(m[1]) - Number(m[2]), m[0]]),
            checked,
          );
          expectAll('slide sentence', sentences(slide), checked);
        }),
        { seed: 2028, numRuns: 120 },
      );
      expectEachRead(checked, ['slide gap', 'slide sentence']);
    },
    SLOW_TEST_TIMEOUT_MS,
  );

  it(
    'compare of two team results: text, Markdown, HTML and the JSON readings (seed 2027, 120 pairs)',
    () => {
      const checked: Checked = new Map();
      fc.assert(
        fc.property(room, room, (x, y) => {
          const [before, after] = [team(x), team(y)];
          checkCompare(compareResults(before, after), before, after, checked);
        }),
        { seed: 2027, numRuns: 120 },
      );
      expectEachRead(
        checked,
        ['text', 'markdown', 'html'].flatMap((f) => [`${f} change`, `${f} gap change`, `${f} compare sentence`]),
      );
    },
    SLOW_TEST_TIMEOUT_MS,
  );
});
