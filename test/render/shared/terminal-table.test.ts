import { Chalk } from 'chalk';
import Table from 'cli-table3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSingleReport } from '../../../src/core/report/single/build.js';
import { scoreRespondent } from '../../../src/core/scoring.js';
import { loadBank } from '../../../src/io/load-bank.js';
import { renderSingleText } from '../../../src/render/single/text.js';
import { textStyle } from '../../../src/render/shared/style.js';
import { type Cell, renderTable, right } from '../../../src/render/shared/terminal-table.js';
import { displayWidth } from '../../../src/render/shared/terminal-width.js';

// The text reports' tables and colours were drawn by cli-table3 and chalk; they are ours now, and must
// come out exactly as those did for what the reports put in them. cli-table3 and chalk stay the reference.

const chalk = new Chalk({ level: 1 });
const ours = textStyle(true);
const STYLES = ['bold', 'dim', 'red', 'green', 'yellow'] as const;

/** Cell text as the reports make it: words, scores, bars, percentages, names in any script, some of it coloured. */
const word = fc.constantFrom('Communication', 'n/a', '56', '8%', '███▍·····', '←', 'weakest', 'Ünïcödé', '日本語', '👩‍👩‍👧', '🇩🇪', 'x', '');
const text = fc.array(word, { maxLength: 4 }).map((words) => words.join(' '));
const painted = fc.tuple(text, fc.option(fc.constantFrom(...STYLES), { nil: undefined }), fc.option(text, { nil: undefined }));
const cellArb = fc.tuple(painted, fc.boolean()).map(([[inner, style, tail], alignRight]) => ({ inner, style, tail, alignRight }));
type CellCase = { inner: string; style: (typeof STYLES)[number] | undefined; tail: string | undefined; alignRight: boolean };
const tableArb = fc
  .integer({ min: 1, max: 6 })
  .chain((columns) =>
    fc.tuple(
      fc.array(text, { minLength: columns, maxLength: columns }),
      fc.array(fc.array(cellArb, { minLength: columns, maxLength: columns }), { maxLength: 5 }),
    ),
  );

function reference(head: string[], rows: CellCase[][]): string {
  const table = new Table({
    chars: {
      top: '',
      'top-mid': '',
      'top-left': '',
      'top-right': '',
      bottom: '',
      'bottom-mid': '',
      'bottom-left': '',
      'bottom-right': '',
      left: '  ',
      'left-mid': '',
      mid: '',
      'mid-mid': '',
      right: '',
      'right-mid': '',
      middle: '  ',
    },
    style: { 'padding-left': 0, 'padding-right': 0, head: [], border: [] },
    head: head.map((h) => chalk.dim(h)),
  });
  for (const row of rows) {
    table.push(
      row.map((c) => {
        const content = `${c.style ? chalk[c.style](c.inner) : c.inner}${c.tail === undefined ? '' : chalk.bold(c.tail)}`;
        return c.alignRight ? { hAlign: 'right' as const, content } : content;
      }),
    );
  }
  return table.toString();
}

function mine(head: string[], rows: CellCase[][], width?: number): string {
  const cells = rows.map((row) =>
    row.map((c): Cell => {
      const content = `${c.style ? ours[c.style](c.inner) : c.inner}${c.tail === undefined ? '' : ours.bold(c.tail)}`;
      return c.alignRight ? right(content) : content;
    }),
  );
  return renderTable(
    head.map((h) => ours.dim(h)),
    cells,
    { width },
  );
}

describe('renderTable', () => {
  it('lays a table out exactly as cli-table3 did without borders, colours and all', () => {
    fc.assert(
      fc.property(tableArb, ([head, rows]) => {
        expect(mine(head, rows)).toBe(reference(head, rows));
      }),
      { numRuns: 300 },
    );
  });

  it('draws the same table when the terminal is wide enough for it', () => {
    fc.assert(
      fc.property(tableArb, ([head, rows]) => {
        const natural = mine(head, rows);
        const width = Math.max(...natural.split('\n').map(displayWidth));
        expect(mine(head, rows, width)).toBe(natural);
      }),
    );
  });

  it.each([
    [undefined, ['  Pillar  Score  Bar                Band                     ', '  Talk       56  ███████████▏·····  Partly aligned  ← weakest']],
    [62, ['  Pillar  Score  Bar                Band                     ', '  Talk       56  ███████████▏·····  Partly aligned  ← weakest']],
    [60, ['  Pillar  Score  Band                     ', '  Talk       56  Partly aligned  ← weakest']],
    [40, ['  Talk', '    Score 56  Bar ███████████▏·····', '    Band Partly aligned  ← weakest']],
    [20, ['  Talk', '    Score 56', '    Bar', '    ███████████▏·····', '    Band Partly', '    aligned  ←', '    weakest']],
  ])('at %s columns: the optional column goes first, then each row becomes a block', (width, expected) => {
    const rows = [['Talk', right('56'), '███████████▏·····', 'Partly aligned  ← weakest']];
    expect(renderTable(['Pillar', 'Score', 'Bar', 'Band'], rows, { width, optional: [2] }).split('\n')).toEqual(expected);
  });

  it.each([60, 40])("fits the single report's pillar table to %s columns, and keeps every pillar's score and band", async (width) => {
    const bank = await loadBank();
    const answers = Object.fromEntries(bank.pillars.flatMap((p) => p.questions.map((q, i) => [q.id, (i % 5) + 1])));
    const report = buildSingleReport(bank, { respondent: { role: 'sales' }, answers }, scoreRespondent(bank, 'full', answers), '2026-03-02T09:30:00Z');
    const lines = renderSingleText(report, { color: false, width }).split('\n');
    // The heading, a blank line, the overall score and its description, a blank line: then the table.
    const blanks = lines.flatMap((line, i) => (line === '' ? [i] : []));
    const table = lines.slice((blanks[1] as number) + 1, blanks[2]);
    expect(table.length).toBeGreaterThanOrEqual(report.pillars.length);
    for (const line of table) expect(displayWidth(line)).toBeLessThanOrEqual(width);
    for (const pillar of report.pillars) {
      expect(table.join('\n')).toContain(pillar.name);
      expect(table.join('\n')).toContain(pillar.band?.label);
    }
  });
});

describe('textStyle', () => {
  it('colours as chalk does at 16 colours: nested styles reopened, line breaks closed and reopened', () => {
    type Styled = string | { style: (typeof STYLES)[number]; parts: Styled[] };
    const { tree } = fc.letrec<{ tree: Styled }>((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom('', 'a', 'two words', 'line\nbreak', 'crlf\r\nend'),
        fc.record({ style: fc.constantFrom(...STYLES), parts: fc.array(tie('tree'), { maxLength: 3 }) }),
      ),
    }));
    const paint = (node: Styled, style: Record<(typeof STYLES)[number], (s: string) => string>): string =>
      typeof node === 'string' ? node : style[node.style](node.parts.map((part) => paint(part, style)).join(''));
    fc.assert(
      fc.property(tree, (node) => {
        expect(paint(node, ours)).toBe(paint(node, chalk));
      }),
    );
  });

  it('adds nothing without colour', () => {
    const plain = textStyle(false);
    expect(STYLES.map((s) => plain[s]('text'))).toEqual(STYLES.map(() => 'text'));
  });
});

describe('displayWidth', () => {
  it.each([
    ['plain', 5],
    ['\u001b[31mred\u001b[39m', 3],
    ['Ünïcödé', 7],
    ['e\u0301', 1],
    ['日本語', 6],
    ['███▍·', 5],
    ['👍', 2],
    ['👍🏽', 2],
    ['👩‍👩‍👧', 2],
    ['🇩🇪', 2],
    ['❤️', 2],
    ['1️⃣', 2],
  ])('%j takes %i columns', (text, columns) => {
    expect(displayWidth(text)).toBe(columns);
  });
});
