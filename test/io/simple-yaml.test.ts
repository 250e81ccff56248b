import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { loadBank } from '../../src/io/load-bank.js';
import { renderAnswerFile } from '../../src/render/answer-file.js';
import { readSimpleYaml } from '../../src/io/simple-yaml.js';

/** What the full parser (as parseYaml sets it up) makes of a text; undefined where it reports a problem. */
function fullParse(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  return doc.toJS();
}

const KEYS = [
  'answers',
  'respondent',
  'bank',
  'role',
  'name',
  'C1',
  'S12',
  '$schema',
  'takenAt',
  'x-y',
  '_k',
  '__proto__',
  'constructor',
  'null',
  'True',
  'on',
  '1',
  '07',
];
const VALUES = [
  '',
  '# comment',
  '#',
  '#x',
  '4',
  '04',
  '0',
  '-1',
  '+1',
  '1.5',
  '1e3',
  '0x1F',
  '0o7',
  '123456789012345678',
  'na',
  'NA',
  'null',
  'Null',
  'NULL',
  '~',
  'true',
  'True',
  'FALSE',
  'yes',
  'no',
  'on',
  'Dana',
  "O'Brien",
  'Dana Smith-Jones',
  'Dana #1',
  'Dana # a comment',
  'Dana#1',
  'a: b',
  'a:b',
  'http://x.y/z',
  'x:',
  'EMEA (north)',
  'Ünïcödé Ñame',
  '名前',
  '"quoted"',
  '"with: colon"',
  '"esc\\n"',
  '"a"b"',
  "'single'",
  "'it''s'",
  "'open",
  '"open',
  '{ id: cash, version: 1.0.0 }',
  '{ id: "cash", version: "1.0.0" }',
  '{ id: "a,b" }',
  '{ id: "a" b }',
  '{ "id": x }',
  '{ id: "a\\"b" }',
  '{ id: "" }',
  '{ id: cash\u00a0}',
  '{\u00a0id: cash }',
  '{ id: "a"\u00a0}',
  '{id: cash}',
  '{}',
  '{ }',
  '{ a: [1] }',
  '{ a: b, a: c }',
  '{ a: b:c }',
  '{ "a": b }',
  '[1, 2]',
  '[]',
  '&anchor x',
  '*alias',
  '!tag x',
  '!!str 4',
  '|',
  '>',
  '- x',
  '-',
  '?',
  '%x',
  '@x',
  '`x',
  ',x',
  '2024-01-01',
  '2024-05-01T10:00:00Z',
  '2024-05-01 10:00',
  '1.0.0',
  '1.0',
  '.inf',
  '.nan',
  '-.5',
  '4 # agree',
  '4  #',
  'sales\u00a0',
  '\u00a0sales',
  '\u3000',
  'a\u2003b',
  '"q" # c',
  "'q' # c",
  '{ id: x } # c',
  'a  b',
  'trailing   ',
];

const line = fc.record({
  indent: fc.constantFrom(0, 0, 0, 2, 2, 2, 4, 1, 3),
  key: fc.constantFrom(...KEYS),
  value: fc.constantFrom(...VALUES),
  kind: fc.constantFrom('pair', 'pair', 'pair', 'pair', 'blank', 'comment', 'raw'),
  raw: fc.constantFrom(
    '\u00a0role: sales',
    '  \u00a0C1: 4',
    '---',
    '...',
    '- item',
    'just text',
    '  # indented comment',
    '#no space',
    '   ',
    'x\r',
    '\t',
    'key:value',
    '? k',
    '%YAML 1.2',
    'a: b: c',
  ),
});

function render(lines: readonly { indent: number; key: string; value: string; kind: string; raw: string }[], crlf: boolean): string {
  const text = lines
    .map((l) => {
      const pad = ' '.repeat(l.indent);
      if (l.kind === 'blank') return '';
      if (l.kind === 'comment') return `${pad}# ${l.value}`;
      if (l.kind === 'raw') return l.raw;
      return `${pad}${l.key}:${l.value === '' ? '' : ` ${l.value}`}`;
    })
    .join(crlf ? '\r\n' : '\n');
  return `${text}\n`;
}

describe('readSimpleYaml', () => {
  it('reads whatever it accepts exactly as the full YAML parser does', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.boolean(), (lines, crlf) => {
        const text = render(lines, crlf);
        const simple = readSimpleYaml(text);
        if (simple !== undefined) expect(simple).toEqual(fullParse(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads whatever it accepts exactly as the full YAML parser does, on answer-file shapes', () => {
    // Shaped like answer files (distinct keys, one nesting level) so that most texts are accepted.
    const key = fc.oneof(
      { weight: 9, arbitrary: fc.constantFrom('answers', 'respondent', 'role', 'C1', 'S12', 'x-y') },
      { weight: 1, arbitrary: fc.constantFrom(...KEYS) },
    );
    const value = fc.oneof(
      { weight: 9, arbitrary: fc.constantFrom('', '4', 'na', 'Dana', "O'Brien", '"q"', '1.0.0', '{ id: "cash", version: "1.0.0" }') },
      { weight: 2, arbitrary: fc.constantFrom(...VALUES) },
    );
    const block = fc.record({
      key,
      value,
      children: fc.uniqueArray(fc.record({ key, value }), { selector: (c) => c.key, maxLength: 5 }),
      indent: fc.constantFrom(1, 2, 4),
    });
    let accepted = 0;
    fc.assert(
      fc.property(fc.uniqueArray(block, { selector: (b) => b.key, minLength: 1, maxLength: 4 }), fc.boolean(), (blocks, crlf) => {
        const lines = blocks.flatMap((b) =>
          b.children.length === 0
            ? [`${b.key}:${b.value === '' ? '' : ` ${b.value}`}`]
            : [`${b.key}:`, ...b.children.map((c) => `${' '.repeat(b.indent)}${c.key}:${c.value === '' ? '' : ` ${c.value}`}`)],
        );
        const text = `${lines.join(crlf ? '\r\n' : '\n')}\n`;
        const simple = readSimpleYaml(text);
        if (simple !== undefined) {
          accepted++;
          expect(simple).toEqual(fullParse(text));
        }
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(600);
  });

  it.each([
    ['respondent:\n  role: sales\n  name: Dana\nanswers:\n  C1: 4\n  C2: na\n', { respondent: { role: 'sales', name: 'Dana' }, answers: { C1: 4, C2: 'na' } }],
    ['bank: { id: cash, version: 1.0.0 }  # stamp\nanswers:\n  C1: 5 # agree\n', { bank: { id: 'cash', version: '1.0.0' }, answers: { C1: 5 } }],
    ['respondent:\r\n  role: marketing\r\nanswers:\r\n    C1: 1\r\n', { respondent: { role: 'marketing' }, answers: { C1: 1 } }],
    ['answers:\n  C1:\n', { answers: { C1: null } }],
    ['respondent:\n  role:    # sales | marketing\nanswers:\n  C1:  # empty\n', { respondent: { role: null }, answers: { C1: null } }],
  ])('reads %j', (text, want) => {
    expect(readSimpleYaml(text)).toEqual(want);
    expect(fullParse(text)).toEqual(want);
  });

  it.each([
    ['answers:\n  C1: 4\n  C1: 5\n'], // duplicate key: the full parser reports it
    ['answers:\n  C1: 4\n   C2: 5\n'], // uneven indentation
    ['answers:\n\tC1: 4\n'], // tab
    ['answers: &a\n  C1: 4\n'], // anchors
    ['# only a comment\n'], // empty document
    ['answers:\n  C1: 0x10\n'], // a number YAML reads its own way
  ])('leaves %j to the full parser', (text) => {
    expect(readSimpleYaml(text)).toBeUndefined();
  });

  it('reads answer files as the survey and the workshop save them, the common case', async () => {
    const bank = await loadBank();
    const answers = Object.fromEntries(bank.pillars.flatMap((p) => p.questions).map((q, i) => [q.id, i % 7 === 0 ? ('na' as const) : 1 + (i % 5)]));
    const saved = renderAnswerFile(bank, 'full', {
      respondent: { role: 'sales', name: 'Dana Brook', team: 'EMEA' },
      answers,
      takenAt: '2024-05-01T10:00:00.000Z',
    });
    const simple = readSimpleYaml(saved);
    expect(simple).toBeDefined();
    expect(simple).toEqual(fullParse(saved));
    expect(readSimpleYaml(renderAnswerFile(bank, 'quick'))).toEqual(fullParse(renderAnswerFile(bank, 'quick')));
  });
});
