import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTROL_CHARACTERS } from '../../src/render/shared/sanitize.js';
import { cli, ROOT } from '../helpers/cli.js';

// The bad-input corpus: test/corpus/<kind>/<case>, one file or folder per case. Bank cases hold only
// the files that differ from bank/valid/, which they are laid over. Each case runs through the built
// binary in a fresh folder that also holds the valid bank (bank/), a valid answer file (valid.yaml)
// and an output file (out.json) that --out --force would replace: a bad input must leave that folder
// exactly as it was, and a valid one must give the same result as its kind's valid/ case.

const CORPUS = join(ROOT, 'test', 'corpus');
const KEPT = 'kept: a bad input must not replace this\n';

interface Kind {
  /** Puts the case's input into the run's folder; returns the argument that names it. */
  prepare(dir: string, name: string, remove: readonly string[]): string;
  /** The command line for an input, with --out to a file that exists. */
  args(input: string, out: string): string[];
  /** The case whose output every valid case of this kind must reproduce. */
  valid: string;
}

const copyInput = (dir: string, path: string): string => {
  if (existsSync(join(CORPUS, path))) cpSync(join(CORPUS, path), join(dir, basename(path)), { recursive: true });
  return basename(path);
};

const KINDS: Record<string, Kind> = {
  answers: {
    prepare: copyInput,
    args: (input, out) => ['run', '--bank', 'bank', '--answers', input, '--format', 'json', '--out', out, '--force'],
    valid: 'answers/valid.yaml',
  },
  bank: {
    prepare(dir, path, remove) {
      const target = join(dir, basename(path));
      cpSync(join(CORPUS, 'bank', 'valid'), target, { recursive: true });
      const overlay = join(CORPUS, path);
      for (const entry of existsSync(overlay) ? readdirSync(overlay) : []) {
        rmSync(join(target, entry), { recursive: true, force: true });
        cpSync(join(overlay, entry), join(target, entry), { recursive: true });
      }
      for (const file of remove) rmSync(join(target, file), { recursive: true });
      return basename(path);
    },
    args: (input, out) => ['bank', 'print', '--bank', input, '--format', 'json', '--out', out, '--force'],
    valid: 'bank/valid',
  },
  csv: {
    prepare: copyInput,
    args: (input, out) => ['aggregate', '--bank', 'bank', input, '--format', 'json', '--out', out, '--force'],
    valid: 'csv/valid.csv',
  },
  map: {
    // Every map is tried on an export whose numbered question columns only a map can match.
    prepare(dir, path) {
      cpSync(join(CORPUS, 'csv', 'needs-map.csv'), join(dir, 'responses.csv'));
      return copyInput(dir, path);
    },
    args: (input, out) => ['aggregate', '--bank', 'bank', 'responses.csv', '--map', input, '--format', 'json', '--out', out, '--force'],
    valid: 'map/valid.yaml',
  },
  result: {
    // Every result is compared with the single result of valid.yaml.
    prepare(dir, path) {
      cpSync(join(CORPUS, 'result', 'valid.json'), join(dir, 'before.json'));
      return copyInput(dir, path);
    },
    args: (input, out) => ['compare', 'before.json', input, '--format', 'json', '--out', out, '--force'],
    valid: 'result/valid.json',
  },
};

interface Case {
  /** `<kind>/<case>` under test/corpus/, or the command line itself (flag cases). */
  input: string | string[];
  exit: 0 | 2;
  /** Every stderr line, in order: `hint:` lines as they are, the others after "cash-test: error: ". */
  stderr: (string | RegExp)[];
  /** Bank cases: files of bank/valid/ to leave out. */
  remove?: string[];
  /** Inputs too large to commit, written into the run's folder under the case's name. */
  generate?: () => string;
  /** Arguments after the kind's own (a later --format wins). */
  extra?: string[];
  /** Valid cases whose output differs from their kind's valid case: what it must hold. */
  output?: (out: string) => void;
  /** What cannot be committed (named pipes, links), made in the run's folder after the input is in place. */
  setup?: (dir: string) => void;
}

const valid = (input: string): Case => ({ input, exit: 0, stderr: [] });
const fifo = (path: string) => (dir: string) => {
  rmSync(join(dir, path), { force: true });
  execFileSync('mkfifo', [join(dir, path)]);
};
const FIFO = 'is a named pipe (FIFO), not a regular file: save the input to a file first';
const SECRET = '//registry.npmjs.org/:_authToken=npm_0123456789abcdef\n';
const ONTO_INPUT = (out: string, input: string) => [
  `${out}: --out names an input of this command (${input}): a report never replaces what it reads`,
  'hint: choose another --out file',
];
const bad = (input: string | string[], ...stderr: (string | RegExp)[]): Case => ({ input, exit: 2, stderr });

const MANY = 10_000;
const FILL = { T1: 4, T2: 2, R1: 4, R2: 1 };
const ANSWERS_HEADER = `respondent: { role: sales }\nanswers:\n${Object.entries(FILL)
  .map(([id, v]) => `  ${id}: ${v}\n`)
  .join('')}`;
const noAnswer = (file: string, line: string, id: string, text: string, present = false) =>
  present ? `${file}:${line}: answers.${id}: no answer ("${text}")` : `${file}:${line}: answers: ${id}: no answer ("${text}")`;

const COMPARE_HINT = 'hint: compare takes result files written by `run --format json` or `aggregate --format json`';
// Team results are stamped with the time they were made.
const timeless = (out: string) => out.replace(/"createdAt": "[^"]*"/g, '"createdAt": "…"');

const CASES: Case[] = [
  // Answer files: the valid one in every spelling that must work, then everything that must not.
  valid('answers/valid.yaml'),
  valid('answers/valid.json'),
  valid('answers/valid-bom.yaml'),
  valid('answers/valid-crlf.yaml'),
  valid('answers/valid-bom-crlf.json'),
  valid('answers/valid-comments.yaml'),
  valid('answers/valid-utf16.yaml'),
  bad('answers/empty.yaml', 'empty.yaml:1:1: is empty'),
  bad('answers/comments-only.yaml', 'comments-only.yaml:1:1: is empty'),
  bad('answers/two-documents.yaml', 'two-documents.yaml:3:1: holds more than one YAML document (a "---" line after the first): keep one per file'),
  bad('answers/malformed.json', `malformed.json:3:33: expected a comma or a }, not '"'`),
  bad('answers/malformed.yaml', 'malformed.yaml:5:1: missing closing "quote'),
  bad('answers/not-a-mapping.yaml', 'not-a-mapping.yaml:1:1: must be a mapping, not a list'),
  bad(
    'answers/wrong-types.yaml',
    'wrong-types.yaml:2:9: respondent.role: must be one of sales, marketing, leadership, revops, other, not 3',
    'wrong-types.yaml:3:9: respondent.name: must be a string, not a list',
    'wrong-types.yaml:4:10: takenAt: must be a date and time such as 2026-03-02T09:30:00Z',
    'wrong-types.yaml:6:7: answers.T1: "four" is not a whole number on the scale 1..5 (or na)',
    'wrong-types.yaml:7:7: answers.T2: a list is not a whole number on the scale 1..5 (or na)',
    'wrong-types.yaml:8:7: answers.R1: a mapping is not a whole number on the scale 1..5 (or na)',
    'wrong-types.yaml:9:7: answers.R2: true is not a whole number on the scale 1..5 (or na)',
  ),
  bad(
    'answers/off-scale.yaml',
    'off-scale.yaml:3:7: answers.T1: 0 is off the scale 1..5 (or na)',
    'off-scale.yaml:4:7: answers.T2: 6 is off the scale 1..5 (or na)',
    'off-scale.yaml:5:7: answers.R1: 3.5 is not a whole number on the scale 1..5 (or na)',
    'off-scale.yaml:6:7: answers.R2: -1 is off the scale 1..5 (or na)',
  ),
  bad(
    'answers/unknown-ids.yaml',
    'unknown-ids.yaml:7:3: answers.T3: unknown question id "T3"',
    'unknown-ids.yaml:8:3: answers.constructor: unknown question id "constructor"',
    'unknown-ids.yaml:9:3: answers.prototype: unknown question id "prototype"',
    'unknown-ids.yaml:10:3: answers.hasOwnProperty: unknown question id "hasOwnProperty"',
  ),
  bad(
    'answers/unknown-keys.yaml',
    'unknown-keys.yaml:1:29: respondent.nmae: unknown key "nmae" (did you mean "name"?)',
    'unknown-keys.yaml:2:1: answer: unknown key "answer" (did you mean "answers"?)',
  ),
  bad('answers/duplicate-keys.yaml', 'duplicate-keys.yaml:7:3: duplicate key "T1"'),
  bad('answers/duplicate-keys.json', 'duplicate-keys.json:1:34: duplicate key "role"'),
  bad('answers/proto-key.json', 'proto-key.json:1:83: the key "__proto__" is not allowed'),
  bad('answers/proto-key.yaml', 'proto-key.yaml:3:3: the key "__proto__" is not allowed'),
  bad('answers/collection-key.yaml', 'collection-key.yaml:2:39: a key must be a plain value, not a list or a mapping'),
  bad(
    'answers/missing-answers.yaml',
    noAnswer('missing-answers.yaml', '2:1', 'T2', 'We only talk when something breaks.'),
    noAnswer('missing-answers.yaml', '4:3', 'R1', 'Feedback names leads and reasons.', true),
    noAnswer('missing-answers.yaml', '2:1', 'R2', 'Each team blames the other.'),
  ),
  bad('answers/tabs.yaml', 'tabs.yaml:2:1: tabs are not allowed as indentation'),
  bad('answers/alias-bomb.yaml', 'alias-bomb.yaml: expands to more than 1000 aliased copies: refusing to expand it'),
  bad(
    'answers/alias-loop.yaml',
    'alias-loop.yaml:1:38: alias *me is inside its own anchor: a loop',
    'alias-loop.yaml:2:30: alias *later has no anchor &later before it',
  ),
  bad('answers/binary.yaml', 'binary.yaml: is not a text file (it contains NUL bytes)'),
  bad('answers/latin1.yaml', 'latin1.yaml:1:38: is not UTF-8 text: save it as UTF-8'),
  bad('answers/folder.yaml', 'folder.yaml: is a folder, not a file'),
  bad('answers/missing.yaml', 'missing.yaml: no such file or folder'),
  bad('answers/wrong-extension.txt', 'wrong-extension.txt: answer files end in .yaml, .yml, .json'),
  bad('answers/other-bank.yaml', 'other-bank.yaml:1:13: bank.id: answers are for bank "cash", not "tiny"'),
  bad('answers/newer-bank.yaml', 'newer-bank.yaml:2:21: respondent.role: must be one of sales, marketing, leadership, revops, other, not "salesperson"'),
  // Escape sequences in keys are stripped from the messages that quote them; the characters are named.
  bad(
    'answers/escapes.yaml',
    'escapes.yaml:7:3: answers.X9: unknown question id "X9"; it holds U+001B ESCAPE, U+202E RIGHT-TO-LEFT OVERRIDE',
    'escapes.yaml:8:3: answers.Y: unknown question id "Y"; it holds U+009B CONTROL SEQUENCE INTRODUCER',
  ),
  // The form comes from the file: a quick survey's answers score without --quick; a file without `form:` gets the way out.
  {
    ...valid('answers/valid-form-quick.yaml'),
    output: (out) => expect(JSON.parse(out)).toMatchObject({ form: 'quick', overall: { score: (75 + 2 * 25) / 3 } }),
  },
  {
    ...valid('answers/valid-form-quick.json'),
    output: (out) => expect(JSON.parse(out)).toMatchObject({ form: 'quick', overall: { score: (25 + 2 * 100) / 3 } }),
  },
  bad(
    'answers/quick-without-form.yaml',
    noAnswer('quick-without-form.yaml', '3:1', 'T2', 'We only talk when something breaks.'),
    noAnswer('quick-without-form.yaml', '3:1', 'R2', 'Each team blames the other.'),
    'hint: every question of the quick form is answered: add `form: quick` to the file, or pass --quick',
  ),
  // Special files, look-alike and invisible characters, YAML features we do not read, JSON read as JSON.
  { ...bad('answers/fifo.yaml', `fifo.yaml: ${FIFO}`), setup: fifo('fifo.yaml') },
  bad(
    'answers/yaml-tags.yaml',
    'yaml-tags.yaml:2:3: YAML tags (!!map) are not supported: write the plain value',
    'yaml-tags.yaml:4:13: YAML tags (!!int) are not supported: write the plain value',
    'yaml-tags.yaml:5:13: YAML tags (!!str) are not supported: write the plain value',
    'yaml-tags.yaml:6:16: YAML tags (!!binary) are not supported: write the plain value',
    'yaml-tags.yaml:7:15: YAML tags (!custom) are not supported: write the plain value',
    'yaml-tags.yaml:8:14: YAML tags (!!set) are not supported: write the plain value',
  ),
  bad('answers/merge-keys.yaml', 'merge-keys.yaml:7:3: merge keys (<<) are not supported: write the keys out'),
  bad(
    'answers/look-alike-ids.yaml',
    'look-alike-ids.yaml:8:3: answers.\u04221: unknown question id "\u04221"; it holds U+0422 CYRILLIC CAPITAL LETTER TE',
    'look-alike-ids.yaml:9:3: answers.\u03a42: unknown question id "\u03a42"; it holds U+03A4 GREEK CAPITAL LETTER TAU',
    'look-alike-ids.yaml:10:3: answers.\uff321: unknown question id "\uff321"; it holds U+FF32 FULLWIDTH LATIN CAPITAL LETTER R',
    'look-alike-ids.yaml:11:3: answers.\u13a12: unknown question id "\u13a12"; it holds U+13A1 (a Cherokee letter)',
    'look-alike-ids.yaml:12:3: answers.\u0405\u0430les: unknown question id "\u0405\u0430les"; it holds U+0405 CYRILLIC CAPITAL LETTER DZE, U+0430 CYRILLIC SMALL LETTER A',
  ),
  bad(
    'answers/invisible-ids.yaml',
    'invisible-ids.yaml:8:3: answers.T\u200b1: unknown question id "T\u200b1"; it holds U+200B ZERO WIDTH SPACE',
    'invisible-ids.yaml:9:3: answers.T2\u200d: unknown question id "T2\u200d"; it holds U+200D ZERO WIDTH JOINER',
    'invisible-ids.yaml:10:3: answers.\ufeffR1: unknown question id "\ufeffR1"; it holds U+FEFF ZERO WIDTH NO-BREAK SPACE',
    'invisible-ids.yaml:11:3: answers.R2: unknown question id "R2"; it holds U+202E RIGHT-TO-LEFT OVERRIDE',
    'invisible-ids.yaml:12:3: answers.T1: unknown question id "T1"; it holds U+2066 LEFT-TO-RIGHT ISOLATE, U+2069 POP DIRECTIONAL ISOLATE',
    'invisible-ids.yaml:13:3: answers.R\u00a01: unknown question id "R\u00a01"; it holds U+00A0 NO-BREAK SPACE',
    'invisible-ids.yaml:14:3: answers.T1: unknown question id "T1"; it holds U+0007 ALERT',
  ),
  bad('answers/not-a-mapping-text.yaml', 'not-a-mapping-text.yaml:1:1: must be a mapping, not text'),
  bad('answers/json-trailing-comma.json', 'json-trailing-comma.json:3:53: a trailing comma before } is not allowed in JSON'),
  bad('answers/json-trailing-comma-list.json', 'json-trailing-comma-list.json:4:17: a trailing comma before ] is not allowed in JSON'),
  bad('answers/json-comment.json', 'json-comment.json:2:3: comments are not allowed in JSON'),
  bad('answers/json-block-comment.json', 'json-block-comment.json:2:38: comments are not allowed in JSON'),
  bad('answers/json-single-quotes.json', 'json-single-quotes.json:2:3: strings in JSON take double quotes, not single quotes'),
  bad('answers/json-bare-key.json', 'json-bare-key.json:2:3: expected a key in double quotes, not "r"'),
  bad('answers/json-leading-zero.json', 'json-leading-zero.json:3:22: is not a JSON number (write numbers in decimal, without leading zeros)'),
  bad('answers/json-truncated.json', 'json-truncated.json:4:1: the file ends inside an object: a } is missing'),
  bad('answers/json-two-values.json', 'json-two-values.json:2:1: expected the end of the file (a JSON file holds one value), not "{"'),
  bad('answers/json-nan.json', 'json-nan.json:3:22: expected a value (a "string", a number, {…}, […], true, false or null), not "N"'),
  bad(
    'answers/json-unclosed-string.json',
    'json-unclosed-string.json:2:36: a line break inside a string: is a closing " missing? (JSON writes a line break in a string as \\n)',
  ),
  bad('answers/json-yaml-inside.json', 'json-yaml-inside.json:1:1: expected a value (a "string", a number, {…}, […], true, false or null), not "r"'),
  bad(
    'answers/json-positions.json',
    'json-positions.json:4:11: answers.T1: 9 is off the scale 1..5 (or na)',
    'json-positions.json:8:5: answers.X1: unknown question id "X1"',
  ),
  {
    ...bad('answers/too-large.yaml', 'too-large.yaml: is 1.4 MB; input files are limited to 1.0 MB'),
    generate: () => `${ANSWERS_HEADER}notes: "${'x'.repeat(1_500_000)}"\n`,
  },
  {
    ...bad(
      'answers/many-unknown-ids.yaml',
      ...Array.from({ length: MANY }, (_, i) => `many-unknown-ids.yaml:${i + 7}:3: answers.X${i}: unknown question id "X${i}"`),
    ),
    generate: () => `${ANSWERS_HEADER}${Array.from({ length: MANY }, (_, i) => `  X${i}: 3\n`).join('')}`,
  },

  // Banks.
  valid('bank/valid'),
  valid('bank/valid-bom-crlf'),
  valid('bank/valid-json'),
  valid('bank/valid-comments'),
  bad('bank/empty-bank-file', 'empty-bank-file/bank.yaml:1:1: is empty'),
  bad('bank/empty-pillar-file', 'empty-pillar-file/talk.yaml:1:1: is empty'),
  bad('bank/empty-values', 'empty-values/talk.yaml:2:7: name: must not be empty', 'empty-values/talk.yaml:7:12: questions: needs at least one question'),
  bad('bank/malformed', 'malformed/bank.yaml:14:1: flow sequence in block collection must be sufficiently indented and end with a ]'),
  { ...bad('bank/missing-bank-yaml', 'missing-bank-yaml/bank.yaml: no such file or folder'), remove: ['bank.yaml'] },
  bad('bank/missing-pillar-file', 'missing-pillar-file/bank.yaml:13:24: pillars[2]: no file systems.yaml for pillar "systems"'),
  bad('bank/folder-as-pillar-file', 'folder-as-pillar-file/trust.yaml: is a folder, not a file'),
  bad(
    'bank/duplicate-question-ids',
    'duplicate-question-ids/trust.yaml:14:9: questions[1].id: duplicate question id "T2" (first in duplicate-question-ids/talk.yaml)',
  ),
  bad(
    'bank/bands-not-ascending',
    'bands-not-ascending/bank.yaml:11:33: bands[0].min: the first band must start at 0, so that every score has a band',
    'bands-not-ascending/bank.yaml:12:35: bands[1].min: bands must be in ascending order: 5 is not above 10',
    'bands-not-ascending/bank.yaml:13:35: bands[2].min: bands must be in ascending order: 5 is not above 5',
    'bands-not-ascending/bank.yaml:13:11: bands[2].id: duplicate band id "low"',
  ),
  bad(
    'bank/labels-not-matching-scale',
    'labels-not-matching-scale/bank.yaml:8:11: scale.labels: 5 labels for a 7-point scale (1..7): give one label per point',
  ),
  bad(
    'bank/scale-fractional',
    'scale-fractional/bank.yaml:6:8: scale.min: must be a number, not "1"',
    'scale-fractional/bank.yaml:7:8: scale.max: must be a whole number, not 4.5',
  ),
  bad(
    'bank/unknown-keys',
    'unknown-keys/talk.yaml:1:1: summary: is required',
    'unknown-keys/talk.yaml:10:5: questions[0].quik: unknown key "quik" (did you mean "quick"?)',
    'unknown-keys/talk.yaml:3:1: summery: unknown key "summery" (did you mean "summary"?)',
  ),
  bad(
    'bank/wrong-types',
    'wrong-types/trust.yaml:4:9: weight: must be a number, not "heavy"',
    'wrong-types/trust.yaml:11:12: questions[0].quick: must be a boolean, not "yes"',
    'wrong-types/trust.yaml:17:13: questions[1].weight: must be greater than 0',
    'wrong-types/trust.yaml:18:12: questions[1].owner: must be one of sales, marketing, both, leadership, revops, not "ceo"',
  ),
  bad('bank/duplicate-keys', 'duplicate-keys/talk.yaml:18:1: duplicate key "name"'),
  // The parser's errors after a tab follow from it; each line's first is listed, none hidden behind a hint.
  bad(
    'bank/tabs',
    'tabs/talk.yaml:8:1: tabs are not allowed as indentation',
    ...[
      [9, 11],
      [10, 12],
      [11, 12],
      [12, 13],
      [13, 9],
      [14, 11],
      [15, 14],
      [16, 12],
    ].map(([line, col]) => `tabs/talk.yaml:${line}:${col}: nested mappings are not allowed in compact mappings`),
    // A pillar file's hint is kept among the bank's problems.
    'hint: fix the first problem first: the ones after it may follow from it',
  ),
  bad(
    'bank/proto-keys',
    'proto-keys/trust.yaml:8:3: the key "__proto__" is not allowed',
    'proto-keys/talk.yaml:7:3: advice.constructor: advice for unknown band "constructor" (bands: low, high)',
    'proto-keys/talk.yaml:8:3: advice.prototype: advice for unknown band "prototype" (bands: low, high)',
  ),
  bad('bank/alias-bomb', 'alias-bomb/talk.yaml: expands to more than 1000 aliased copies: refusing to expand it'),
  bad('bank/binary', 'binary/talk.yaml: is not a text file (it contains NUL bytes)'),
  bad('bank/pillar-id-mismatch', 'pillar-id-mismatch/talk.yaml:1:5: id: pillar id "chat" must match its file name "talk"'),
  bad(
    'bank/advice-bands',
    'advice-bands/talk.yaml:6:3: advice.highest: advice for unknown band "highest" (bands: low, high)',
    'advice-bands/talk.yaml:4:1: advice: no advice for band high',
  ),
  bad(
    'bank/pillar-names',
    'pillar-names/bank.yaml:13:17: pillars[1]: must be 1-64 letters, digits, "-" or "_", starting with a letter or digit',
    'pillar-names/bank.yaml:13:27: pillars[2]: pillar "talk" is listed twice',
  ),
  { ...bad('bank/fifo-pillar', `fifo-pillar/talk.yaml: ${FIFO}`), setup: fifo('fifo-pillar/talk.yaml') },
  { ...bad('bank/fifo-bank-yaml', `fifo-bank-yaml/bank.yaml: ${FIFO}`), setup: fifo('fifo-bank-yaml/bank.yaml') },
  {
    // A pillar file linked to a file outside the bank: refused, and its content never quoted.
    ...bad('bank/link-outside', 'link-outside/talk.yaml: is a link to a file outside the bank folder: copy the file into the folder instead'),
    setup(dir) {
      writeFileSync(join(dir, 'npmrc'), SECRET);
      rmSync(join(dir, 'link-outside', 'talk.yaml'));
      symlinkSync(join('..', 'npmrc'), join(dir, 'link-outside', 'talk.yaml'));
    },
  },
  {
    ...valid('bank/valid-link-inside'),
    setup(dir) {
      const talk = join(dir, 'valid-link-inside', 'talk.yaml');
      cpSync(talk, join(dir, 'valid-link-inside', 'talk-v1.yaml'));
      rmSync(talk);
      symlinkSync('talk-v1.yaml', talk);
    },
  },
  bad('bank/scalar-pillar', 'scalar-pillar/talk.yaml:1:1: must be a mapping, not text'),
  bad(
    'bank/yaml-tags',
    'yaml-tags/talk.yaml:2:13: YAML tags (!!str) are not supported: write the plain value',
    'yaml-tags/talk.yaml:10:19: YAML tags (!!bool) are not supported: write the plain value',
  ),
  // CSV exports and folders of answer files (aggregate).
  valid('csv/valid.csv'),
  valid('csv/valid-bom-crlf.csv'),
  valid('csv/valid-semicolon.csv'),
  valid('csv/valid-ids-and-case.csv'),
  valid('csv/folder'),
  // A team's form: the one its files name; quick, and said so, when they mix forms.
  { ...valid('csv/quick-forms'), output: (out) => expect(JSON.parse(out)).toMatchObject({ form: 'quick', respondents: { total: 2 } }) },
  {
    input: 'csv/mixed-forms',
    exit: 0,
    stderr: [/^cash-test: warning: the inputs mix the quick and the full form: the team is scored on the quick form, the questions all of them answered$/],
    // The report itself says it too: how many named each form, and what the figures rest on.
    output: (out) =>
      expect(JSON.parse(out)).toMatchObject({
        form: 'quick',
        respondents: { total: 2, mixedForms: { quick: 1, full: 1, reading: expect.stringContaining('1 answered the quick form and 1 the full form') } },
      }),
  },
  // Every file's problems are listed, each group with the hint that helps it, said once after its last problem.
  bad(
    'csv/hints-per-file',
    noAnswer('hints-per-file/a-quick.yaml', '3:1', 'T2', 'We only talk when something breaks.'),
    noAnswer('hints-per-file/a-quick.yaml', '3:1', 'R2', 'Each team blames the other.'),
    'hints-per-file/b-tabs.yaml:2:1: tabs are not allowed as indentation',
    'hints-per-file/b-tabs.yaml:4:1: tabs are not allowed as indentation',
    'hints-per-file/b-tabs.yaml:5:1: tabs are not allowed as indentation',
    'hint: fix the first problem first: the ones after it may follow from it',
    noAnswer('hints-per-file/c-quick.yaml', '3:1', 'T2', 'We only talk when something breaks.'),
    noAnswer('hints-per-file/c-quick.yaml', '3:1', 'R2', 'Each team blames the other.'),
    'hint: for hints-per-file/a-quick.yaml and hints-per-file/c-quick.yaml: every question of the quick form is answered: add `form: quick` to the file, or pass --quick',
    'hints-per-file/d-unknown-keys.yaml:1:29: respondent.nmae: unknown key "nmae" (did you mean "name"?)',
    'hints-per-file/d-unknown-keys.yaml:2:1: answer: unknown key "answer" (did you mean "answers"?)',
  ),
  valid('csv/valid-excel-sep.csv'),
  valid('csv/valid-excel-sep-comma.csv'),
  // Invisible characters in headers (zero-width, bidi marks and isolates, no-break space, a control) do not stop a match.
  valid('csv/valid-invisible-header.csv'),
  bad(
    'csv/look-alike-roles.csv',
    'look-alike-roles.csv:2:2: column B ("Your role"): "\u0405ales" is not a role (sales, marketing, leadership, revops, other): map it with --map (roles: …); it holds U+0405 CYRILLIC CAPITAL LETTER DZE',
  ),
  { ...bad('csv/fifo.csv', `fifo.csv: ${FIFO}`), setup: fifo('fifo.csv') },
  {
    ...bad('csv/fifo-in-folder', `fifo-in-folder/b.yaml: ${FIFO}`),
    setup(dir) {
      mkdirSync(join(dir, 'fifo-in-folder'));
      cpSync(join(CORPUS, 'answers', 'valid.yaml'), join(dir, 'fifo-in-folder', 'a.yaml'));
      fifo('fifo-in-folder/b.yaml')(dir);
    },
  },
  bad('csv/empty.csv', 'empty.csv:1:1: is empty: a CSV export starts with a header row'),
  bad('csv/header-only.csv', 'no respondents: the inputs hold no answers', 'hint: pass answer files, folders of them, or CSV exports'),
  bad('csv/unclosed-quote.csv', 'unclosed-quote.csv:3:3: a quoted field that starts in this row is never closed: the file ends inside quotes'),
  bad('csv/ragged-rows.csv', 'ragged-rows.csv:3:5: this row has 4 fields, the header has 8', 'ragged-rows.csv:5:9: this row has 9 fields, the header has 8'),
  bad(
    'csv/unknown-label.csv',
    'unknown-label.csv:3:3: column C (T1): "Often" is not an answer: use "Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree", a number 1-5, or "na", or map it with --map (labels: …)',
    'unknown-label.csv:3:6: column F (R2): "Totally" is not an answer: use "Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree", a number 1-5, or "na", or map it with --map (labels: …)',
  ),
  bad('csv/unmatched-question.csv', 'unmatched-question.csv:1:1: no column for question R1: match headers to questions with --map'),
  bad('csv/needs-map.csv', 'needs-map.csv:1:1: no column for 4 questions of the full form: T1, T2, R1, R2: match headers to questions with --map'),
  bad(
    'csv/missing-role-column.csv',
    'missing-role-column.csv:1:1: no role column: add a column whose header contains "role", or name it in --map (columns: { "<header>": role })',
  ),
  bad(
    'csv/role-values.csv',
    'role-values.csv:2:2: column B ("Your role"): no role given',
    'role-values.csv:3:2: column B ("Your role"): "CEO" is not a role (sales, marketing, leadership, revops, other): map it with --map (roles: …)',
  ),
  bad('csv/binary.csv', 'binary.csv: is not a text file (it contains NUL bytes)'),
  {
    // Formulas in names and teams: neutralised in CSV output (names only with --show-names), never run.
    ...valid('csv/formula-cells.csv'),
    extra: ['--show-names', '--format', 'csv'],
    output(out) {
      const names = out.split('\r\n').filter((row) => row.startsWith('respondents,team,,,name,'));
      expect(names).toEqual([
        `respondents,team,,,name,'-1`,
        `respondents,team,,,name,"'@HYPERLINK(""http://x"")"`,
        `respondents,team,,,name,'=cmd|' /C calc'!A0`,
      ]);
      expect(out).not.toMatch(/SUM|-2\+3|\ttab/);
    },
  },

  // --map files.
  valid('map/valid.yaml'),
  valid('map/valid.json'),
  { ...bad('map/fifo.yaml', `fifo.yaml: ${FIFO}`), setup: fifo('fifo.yaml') },
  bad('map/yaml-tags.yaml', 'yaml-tags.yaml:3:13: YAML tags (!!str) are not supported: write the plain value'),
  bad('map/json-trailing-comma.json', 'json-trailing-comma.json:1:85: a trailing comma before } is not allowed in JSON'),
  bad('map/empty.yaml', 'empty.yaml:1:1: is empty'),
  bad('map/unknown-keys.yaml', 'unknown-keys.yaml:6:1: label: unknown key "label" (did you mean "labels"?)'),
  bad('map/duplicate-keys.yaml', 'duplicate-keys.yaml:6:3: duplicate key "Q1"'),
  bad('map/alias-bomb.yaml', 'alias-bomb.yaml: expands to more than 1000 aliased copies: refusing to expand it'),
  bad('map/proto-key.yaml', 'proto-key.yaml:6:3: the key "__proto__" is not allowed'),
  bad('map/wrong-types.yaml', 'wrong-types.yaml:1:10: columns: must be a mapping, not a list'),
  bad(
    'map/wrong-values.yaml',
    'wrong-values.yaml:8:11: labels.Rarely: must be a whole number on the scale, or na',
    'wrong-values.yaml:10:8: roles.CEO: must be one of sales, marketing, leadership, revops, other, not "ceo"',
    'wrong-values.yaml:2:7: columns.Q1: "T9" is neither a question id of the bank nor one of role, name, ignore',
    'wrong-values.yaml:7:10: labels.Often: 9 is off the scale 1..5 (or na)',
  ),
  bad('map/binary.yaml', 'binary.yaml: is not a text file (it contains NUL bytes)'),

  // Result files (compare before.json <case>).
  valid('result/valid.json'),
  valid('result/valid-bom-crlf.json'),
  bad(
    'result/team.json',
    'team.json: is a team result, but before.json is a single result: compare two results of the same kind',
    'hint: compare two `run --format json` results, or two `aggregate --format json` results',
  ),
  bad(
    'result/answers.json',
    'answers.json:1:1: kind: must be "single" (written by run) or "team" (written by aggregate): this is not a result file',
    COMPARE_HINT,
  ),
  bad('result/empty.json', 'empty.json:1:1: is empty', COMPARE_HINT),
  bad('result/malformed.json', 'malformed.json:3:1: the file ends inside an object: a } is missing', COMPARE_HINT),
  bad('result/newer-version.json', 'newer-version.json:2:20: schemaVersion: must be one of 1, not 2', COMPARE_HINT),
  bad('result/proto-key.json', 'proto-key.json:1:2: the key "__proto__" is not allowed', COMPARE_HINT),
  bad('result/duplicate-keys.json', 'duplicate-keys.json:3:3: duplicate key "schemaVersion"', COMPARE_HINT),
  bad('result/binary.json', 'binary.json: is not a text file (it contains NUL bytes)', COMPARE_HINT),

  { ...bad('result/fifo.json', `fifo.json: ${FIFO}`, COMPARE_HINT), setup: fifo('fifo.json') },
  bad('result/json-trailing-comma.json', 'json-trailing-comma.json:2:22: expected a key in double quotes, not ","', COMPARE_HINT),
  bad('result/json-comment.json', 'json-comment.json:1:1: comments are not allowed in JSON', COMPARE_HINT),
  bad(['bank', 'lint', 'no-such-bank'], 'no-such-bank: no such folder', 'hint: a bank is a folder holding bank.yaml and one YAML file per pillar'),
  bad(
    ['run', '--bank', 'valid.yaml', '--answers', 'valid.yaml'],
    'valid.yaml: is a file, not a bank folder',
    'hint: a bank is a folder holding bank.yaml and one YAML file per pillar',
  ),

  // Flags. Standard input stays open in every case: nothing may wait for it.
  bad(['run', '--answers', 'valid.yaml', '--bogus'], "unknown option '--bogus'", 'hint: see cash-test run --help'),
  ...['-1', '101', 'abc', '', '0x10', '1e2', ' 50'].map((n) =>
    bad(
      ['run', '--bank', 'bank', '--answers', 'valid.yaml', `--fail-under=${n}`],
      `option '--fail-under <n>' argument '${n}' is invalid. It must be a number from 0 to 100.`,
      'hint: see cash-test run --help',
    ),
  ),
  bad(
    ['run', '--bank', 'bank', '--answers', 'valid.yaml', '--fail-pillar-under', 'x'],
    "option '--fail-pillar-under <n>' argument 'x' is invalid. It must be a number from 0 to 100.",
    'hint: see cash-test run --help',
  ),
  bad(
    ['run', '--bank', 'bank', '--answers', 'valid.yaml', '--format', 'pdf'],
    "option '--format <format>' argument 'pdf' is invalid. Allowed choices are text, json, markdown, html.",
    'hint: see cash-test run --help',
  ),
  bad(
    ['bank', 'print', '--format', 'html'],
    "option '--format <format>' argument 'html' is invalid. Allowed choices are markdown, json.",
    'hint: see cash-test bank print --help',
  ),
  bad(
    ['run', '--bank', 'bank', '--answers', 'valid.yaml', '--role', 'ceo'],
    "option '--role <role>' argument 'ceo' is invalid. Allowed choices are sales, marketing, leadership, revops, other.",
    'hint: see cash-test run --help',
  ),
  bad(['bank', 'lint', 'bank', 'extra'], "too many arguments for 'lint'. Expected 1 argument but got 2.", 'hint: see cash-test bank lint --help'),
  bad(
    ['schema', 'csv'],
    "command-argument value 'csv' is invalid for argument 'kind'. Allowed choices are answers, bank, result.",
    'hint: see cash-test schema --help',
  ),
  bad(
    ['run', '--bank', 'bank', '--answers', 'valid.yaml', '--out', 'out.json'],
    'out.json: already exists',
    'hint: pass --force to replace it, or choose another --out file',
  ),
  bad(['template', '--bank', 'bank', '--out', 'out.json'], 'out.json: already exists', 'hint: pass --force to replace it, or choose another --out file'),
  bad(
    ['run', '--bank', 'bank', '--answers', 'valid.yaml', '--out', 'no-such-folder/report.json'],
    'no-such-folder: no such folder (for --out no-such-folder/report.json)',
  ),
  bad(['run', '--bank', 'bank', '--answers', 'valid.yaml', '--out', 'bank', '--force'], 'bank: --out names a folder'),
  // Standard input is not read: named as an input, it is refused at once.
  bad(
    ['run', '--bank', 'bank', '--answers', '-'],
    '-: reading standard input is not supported: name a file',
    'hint: save the input to a file first, e.g. `cat > answers.yaml`',
  ),
  bad(
    ['aggregate', '--bank', 'bank', '-'],
    '-: reading standard input is not supported: name a file',
    'hint: save the input to a file first, e.g. `cat > answers.yaml`',
  ),
  {
    ...bad(
      ['compare', 'valid.json', '-'],
      '-: reading standard input is not supported: name a file',
      'hint: save the input to a file first, e.g. `cat > answers.yaml`',
    ),
    setup: (dir) => cpSync(join(CORPUS, 'result', 'valid.json'), join(dir, 'valid.json')),
  },

  // Output onto input: refused with or without --force, through a link, a hard link, in an input folder, in the bank.
  bad(['run', '--bank', 'bank', '--answers', 'valid.yaml', '--out', 'valid.yaml', '--force'], ...ONTO_INPUT('valid.yaml', 'valid.yaml')),
  bad(['run', '--bank', 'bank', '--answers', 'valid.yaml', '--out', 'valid.yaml'], ...ONTO_INPUT('valid.yaml', 'valid.yaml')),
  {
    ...bad(['run', '--bank', 'bank', '--answers', 'valid.yaml', '--out', 'link.yaml', '--force'], ...ONTO_INPUT('link.yaml', 'valid.yaml')),
    setup: (dir) => symlinkSync('valid.yaml', join(dir, 'link.yaml')),
  },
  {
    ...bad(['run', '--bank', 'bank', '--answers', 'link.yaml', '--out', 'valid.yaml', '--force'], ...ONTO_INPUT('valid.yaml', 'link.yaml')),
    setup: (dir) => symlinkSync('valid.yaml', join(dir, 'link.yaml')),
  },
  {
    ...bad(['run', '--bank', 'bank', '--answers', 'valid.yaml', '--out', 'hard.json', '--force'], ...ONTO_INPUT('hard.json', 'valid.yaml')),
    setup: (dir) => linkSync(join(dir, 'valid.yaml'), join(dir, 'hard.json')),
  },
  {
    ...bad(['aggregate', '--bank', 'bank', 'team', '--out', 'team/dana.yaml', '--force'], ...ONTO_INPUT('team/dana.yaml', 'team/dana.yaml')),
    setup: (dir) => cpSync(join(CORPUS, 'csv', 'folder'), join(dir, 'team'), { recursive: true }),
  },
  bad(['aggregate', '--bank', 'bank', 'valid.yaml', '--out', 'bank/talk.yaml', '--force'], ...ONTO_INPUT('bank/talk.yaml', 'bank/talk.yaml')),
  bad(['bank', 'print', '--bank', 'bank', '--out', 'bank/bank.yaml', '--force'], ...ONTO_INPUT('bank/bank.yaml', 'bank/bank.yaml')),
  bad(['template', '--bank', 'bank', '--out', 'bank/trust.yaml', '--force'], ...ONTO_INPUT('bank/trust.yaml', 'bank/trust.yaml')),
  {
    ...bad(['compare', 'valid.json', 'valid.json', '--out', 'valid.json', '--force'], ...ONTO_INPUT('valid.json', 'valid.json')),
    setup: (dir) => cpSync(join(CORPUS, 'result', 'valid.json'), join(dir, 'valid.json')),
  },
  {
    ...bad(['aggregate', '--bank', 'bank', 'valid.yaml', '--map', 'map.yaml', '--out', 'map.yaml', '--force'], ...ONTO_INPUT('map.yaml', 'map.yaml')),
    setup: (dir) => cpSync(join(CORPUS, 'map', 'valid.yaml'), join(dir, 'map.yaml')),
  },
  // An existing --out without --force, and an input with a hint of its own: both problems are listed, each with its hint.
  {
    ...bad(
      ['aggregate', '--bank', 'bank', 'quick.yaml', '--out', 'out.json'],
      noAnswer('quick.yaml', '3:1', 'T2', 'We only talk when something breaks.'),
      noAnswer('quick.yaml', '3:1', 'R2', 'Each team blames the other.'),
      'hint: every question of the quick form is answered: add `form: quick` to the file, or pass --quick',
      'out.json: already exists',
      'hint: pass --force to replace it, or choose another --out file',
    ),
    setup: (dir) => cpSync(join(CORPUS, 'answers', 'quick-without-form.yaml'), join(dir, 'quick.yaml')),
  },
  // An existing --out without --force: the input's problems are listed too, and its hint wins.
  {
    ...bad(
      ['run', '--bank', 'bank', '--answers', 'bad.yaml', '--out', 'out.json'],
      'bad.yaml:10:7: answers.R2: 9 is off the scale 1..5 (or na)',
      'bad.yaml:11:3: answers.X1: unknown question id "X1"',
      'out.json: already exists',
      'hint: pass --force to replace it, or choose another --out file',
    ),
    setup: (dir) => writeFileSync(join(dir, 'bad.yaml'), readFileSync(join(dir, 'valid.yaml'), 'utf8').replace('R2: 1', 'R2: 9\n  X1: 3')),
  },
  {
    ...bad(
      ['compare', 'valid.yaml', 'missing.json', '--out', 'out.json'],
      'valid.yaml:1:1: kind: must be "single" (written by run) or "team" (written by aggregate): this is not a result file',
      'missing.json: no such file or folder',
      `hint: for valid.yaml and missing.json: ${COMPARE_HINT.replace('hint: ', '')}`,
      'out.json: already exists',
      'hint: pass --force to replace it, or choose another --out file',
    ),
  },
  {
    ...bad(
      ['run', '--bank', 'bank', '--answers', 'valid.yaml', '--out', 'dangling.json', '--force'],
      'dangling.json: --out is a link to a file that does not exist',
      'hint: remove the link, or choose another --out file',
    ),
    setup: (dir) => symlinkSync('nowhere.json', join(dir, 'dangling.json')),
  },
  // A mistyped command is named as one, with the command meant.
  bad(['agregate', 'team'], "unknown command 'agregate' (Did you mean aggregate?)", 'hint: see cash-test --help'),
  bad(['workshp', 'room-folder'], "unknown command 'workshp' (Did you mean workshop?)", 'hint: see cash-test --help'),
  bad(['tempalte'], "unknown command 'tempalte' (Did you mean template?)", 'hint: see cash-test --help'),
  bad(['valid.yaml'], "unknown command 'valid.yaml'", 'hint: see cash-test --help'),
  bad(['run', '--bank', 'bank'], 'no answers to score: standard input is not a terminal, so nobody can be asked', /^hint: pass --answers FILE/),
  bad(
    ['run', '--bank', 'bank', '--quick', '--format', 'json', '--out', 'out.json', '--force'],
    'no answers to score: standard input is not a terminal, so nobody can be asked',
    /^hint: pass --answers FILE/,
  ),
];

const UNSAFE = new RegExp(CONTROL_CHARACTERS.source);

function caseName(c: Case): string {
  return typeof c.input === 'string' ? c.input : `cash-test ${c.input.map((a) => (a === '' || a.includes(' ') ? `'${a}'` : a)).join(' ')}`;
}

function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile()) files[path] = readFileSync(path, 'latin1');
    else if (entry.isSymbolicLink()) files[path] = `link`;
    else if (!entry.isDirectory()) files[path] = 'special';
  }
  return files;
}

async function runCase(c: Case, dir: string): Promise<{ code: number | null; stdout: string; stderr: string; dir: string; before: Record<string, string> }> {
  cpSync(join(CORPUS, 'bank', 'valid'), join(dir, 'bank'), { recursive: true });
  cpSync(join(CORPUS, 'answers', 'valid.yaml'), join(dir, 'valid.yaml'));
  writeFileSync(join(dir, 'out.json'), KEPT);
  let args: string[];
  if (typeof c.input === 'string') {
    const kind = KINDS[c.input.split('/')[0] as string] as Kind;
    if (c.generate) writeFileSync(join(dir, basename(c.input)), c.generate());
    args = [...kind.args(c.generate ? basename(c.input) : kind.prepare(dir, c.input, c.remove ?? []), 'out.json'), ...(c.extra ?? [])];
  } else {
    args = c.input;
  }
  c.setup?.(dir);
  const before = snapshot(dir);
  return { ...(await cli(args, { cwd: dir, input: null })), dir, before };
}

describe('bad-input corpus (built binary)', () => {
  // Concurrent cases share one temporary root, removed at the end.
  let root = '';
  const baselines = new Map<string, string>();
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'cash-test-corpus-'));
    for (const [name, kind] of Object.entries(KINDS)) {
      const dir = mkdtempSync(join(root, 'baseline-'));
      const { code, stderr } = await runCase(valid(kind.valid), dir);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      baselines.set(name, timeless(readFileSync(join(dir, 'out.json'), 'utf8')));
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.concurrent.for(CASES.map((c) => [caseName(c), c] as const))('%s', async ([, c], { expect }) => {
    const { code, stdout, stderr, dir, before } = await runCase(c, mkdtempSync(join(root, 'case-')));
    const lines = stderr.split('\n').slice(0, -1);
    expect(stderr.endsWith('\n') || stderr === '').toBe(true);
    expect(lines).toHaveLength(c.stderr.length);
    c.stderr.forEach((want, i) => {
      const line = lines[i] as string;
      if (want instanceof RegExp) expect(line).toMatch(want);
      else expect(line).toBe(want.startsWith('hint: ') ? want : `cash-test: error: ${want}`);
    });
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr).not.toMatch(UNSAFE);
    expect(stdout).toBe('');
    expect(code).toBe(c.exit);

    const after = snapshot(dir);
    if (c.exit === 0) {
      const kind = (c.input as string).split('/')[0] as string;
      const out = readFileSync(join(dir, 'out.json'), 'utf8');
      if (c.output) c.output(out);
      else expect(timeless(out)).toBe(baselines.get(kind));
      delete after[join(dir, 'out.json')];
      delete before[join(dir, 'out.json')];
    }
    expect(after).toEqual(before);
  });

  it('has a valid case for every kind, and every corpus entry is in the table', () => {
    const inTable = new Set(CASES.map((c) => c.input).filter((i): i is string => typeof i === 'string'));
    for (const kind of Object.keys(KINDS)) {
      for (const entry of readdirSync(join(CORPUS, kind))) expect([...inTable]).toContain(`${kind}/${entry}`);
    }
  });
});
