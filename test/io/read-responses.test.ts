import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Response } from '../../src/core/answers.js';
import type { AnswerMap } from '../../src/core/answer-map.js';
import { EMPTY_MAP } from '../../src/core/answer-map.js';
import { NO_ANSWER, UNKNOWN } from '../../src/core/answer-codes.js';
import { allQuestions, type Bank, type Form } from '../../src/core/bank.js';
import { InputError, formatProblem } from '../../src/core/errors.js';
import { loadBank } from '../../src/io/load-bank.js';
import { loadAnswerMap } from '../../src/io/load-map.js';
import { readResponses } from '../../src/io/read-responses.js';
import { tempDir } from '../helpers/cli.js';
import { MINI_BANK } from '../helpers/team.js';

// The mini bank: T1 "We talk every week.", T2 "We rarely talk." (reversed), K1 "Our CRM is connected.",
// K2 "Sales can find content."; T1 and K1 are the quick form. Scale 1-5, unknown label "Don't know".

let bank: Bank;
beforeAll(async () => {
  bank = await loadBank(MINI_BANK);
});

const TEXTS = ['We talk every week.', 'We rarely talk.', 'Our CRM is connected.', 'Sales can find content.'];

interface Options {
  form?: Form;
  map?: AnswerMap;
  keepNames?: boolean;
}

async function read(paths: string[], options: Options = {}): Promise<Response[]> {
  const out: Response[] = [];
  const form = options.form ?? 'full';
  const questions = allQuestions(bank, form);
  // CSV rows come as answer codes: read back as the answers they stand for.
  const answersOf = (codes: Uint8Array) =>
    Object.fromEntries(
      questions.flatMap((q, k) => (codes[k] === NO_ANSWER ? [] : [[q.id, codes[k] === UNKNOWN ? ('na' as const) : (codes[k] as number) + bank.scale.min - 1]])),
    );
  await readResponses(
    paths,
    { bank, form, map: options.map ?? EMPTY_MAP, keepNames: options.keepNames ?? false },
    {
      add: (r) => out.push(r),
      addCoded: (role, codes, name) => out.push({ respondent: { role, ...(name === undefined ? {} : { name }) }, answers: answersOf(codes) }),
    },
  );
  return out;
}

/** The problems reading fails with, as the user sees them, with the temp dir cut off. */
async function problems(dir: string, paths: string[], options: Options = {}): Promise<string[]> {
  try {
    await read(paths, options);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return error.problems.map((p) => formatProblem(p).replace(`${dir}/`, ''));
  }
  throw new Error('expected an input error');
}

async function csv(dir: string, name: string, content: string | Buffer): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, content);
  return file;
}

const q = (cells: readonly string[]) => cells.map((c) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');

describe('CSV exports as forms tools write them', () => {
  it('reads Google Forms: Timestamp first, question texts as headers, labels, BOM and CRLF', async () => {
    const dir = tempDir();
    const rows = [
      ['Timestamp', 'Email Address', 'What is your role?', ...TEXTS],
      ['2024/05/01 10:00:00 AM GMT+2', 'a@x.io', 'Sales', 'Strongly agree', 'strongly DISAGREE', 'Agree', "Don't know"],
      ['2024/05/01 10:05:00 AM GMT+2', 'b@x.io', 'marketing', 'Disagree', 'N/A', '', 'neither agree nor disagree'],
    ];
    const file = await csv(dir, 'google.csv', `\uFEFF${rows.map(q).join('\r\n')}\r\n`);
    expect(await read([file])).toEqual([
      { respondent: { role: 'sales' }, answers: { T1: 5, T2: 1, K1: 4, K2: 'na' } },
      { respondent: { role: 'marketing' }, answers: { T1: 2, T2: 'na', K2: 3 } },
    ]);
  });

  it('reads Google Forms grid questions (Title [Statement]) and ids in brackets anywhere', async () => {
    const dir = tempDir();
    const header = ['Timestamp', 'Role', 'Talk [We talk every week]', 'TALK [ we rarely   talk ]', 'Is the CRM connected? [K1]', '[k2] content'];
    const file = await csv(dir, 'grid.csv', `${q(header)}\n${q(['t', 'Leadership', '1', '2', '3', '4'])}\n`);
    expect(await read([file])).toEqual([{ respondent: { role: 'leadership' }, answers: { T1: 1, T2: 2, K1: 3, K2: 4 } }]);
  });

  it('reads Microsoft Forms: ID, times, Email and Name columns; names only when asked, "anonymous" dropped', async () => {
    const dir = tempDir();
    const header = ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Last modified time', 'Your role', ...TEXTS];
    const rows = [
      ['1', '5/1/24 10:00:00', '5/1/24 10:04:00', 'dana@x.io', 'Dana Smith', '', 'RevOps', 'Agree', 'Agree', 'Agree', 'Agree'],
      ['2', '5/1/24 10:00:00', '5/1/24 10:04:00', 'anonymous', 'anonymous', '', 'Other', 'Agree', 'Agree', 'Agree', 'Agree'],
    ];
    const file = await csv(dir, 'ms.csv', [header, ...rows].map(q).join('\r\n'));
    expect((await read([file])).map((r) => r.respondent)).toEqual([{ role: 'revops' }, { role: 'other' }]);
    expect((await read([file], { keepNames: true })).map((r) => r.respondent)).toEqual([{ role: 'revops', name: 'Dana Smith' }, { role: 'other' }]);
  });

  it('reads Typeform: #, question columns with numbers, Start/Submit Date (UTC), Network ID', async () => {
    const dir = tempDir();
    const header = ['#', 'What is your role?', ...TEXTS, 'Start Date (UTC)', 'Submit Date (UTC)', 'Network ID'];
    const file = await csv(
      dir,
      'typeform.csv',
      `${q(header)}\n${q(['a1b2', 'sales', '5', '4', '3', '2', '2024-05-01 10:00:00', '2024-05-01 10:04:00', 'f3e1'])}\n`,
    );
    expect(await read([file])).toEqual([{ respondent: { role: 'sales' }, answers: { T1: 5, T2: 4, K1: 3, K2: 2 } }]);
  });

  it('reads semicolon-separated exports and UTF-16 with a byte-order mark', async () => {
    const dir = tempDir();
    const text = `Role;${TEXTS.join(';')}\r\nsales;1;2;3;4\r\n`;
    const semicolons = await csv(dir, 'semi.csv', text);
    const utf16 = await csv(dir, 'utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const want = [{ respondent: { role: 'sales' }, answers: { T1: 1, T2: 2, K1: 3, K2: 4 } }];
    expect(await read([semicolons])).toEqual(want);
    expect(await read([utf16])).toEqual(want);
  });

  it('reads a quick-form export with --quick, and ignores columns of questions outside the form', async () => {
    const dir = tempDir();
    const quick = await csv(dir, 'quick.csv', `role,${TEXTS[0]},${TEXTS[2]}\nsales,5,1\n`);
    expect(await read([quick], { form: 'quick' })).toEqual([{ respondent: { role: 'sales' }, answers: { T1: 5, K1: 1 } }]);
    const full = await csv(dir, 'full.csv', `role,${TEXTS.join(',')}\nsales,5,4,3,2\n`);
    expect(await read([full], { form: 'quick' })).toEqual([{ respondent: { role: 'sales' }, answers: { T1: 5, K1: 3 } }]);
    expect(await problems(dir, [quick])).toEqual([
      'quick.csv:1:1: no column for 2 questions of the full form: T2, K2: this looks like an export of the quick form, pass --quick',
    ]);
  });

  it('applies a --map file to headers, labels and roles', async () => {
    const dir = tempDir();
    const mapFile = await csv(
      dir,
      'map.yaml',
      [
        'columns:',
        '  "How often do you talk?": T1',
        '  Dept: role',
        '  Comments: ignore',
        '  "Nothing like it? [X9]": ignore',
        'labels:',
        '  Totally: 5',
        '  "No idea": na',
        'roles:',
        '  Account Executive: sales',
        '',
      ].join('\n'),
    );
    const map = await loadAnswerMap(mapFile, bank);
    const header = ['Dept', 'How often do you talk?', ...TEXTS.slice(1), 'Comments', 'Nothing like it? [X9]'];
    const file = await csv(dir, 'mapped.csv', `${q(header)}\n${q(['account executive', 'totally', 'no idea', '1', '2', 'a role for talking', 'x'])}\n`);
    expect(await read([file], { map })).toEqual([{ respondent: { role: 'sales' }, answers: { T1: 5, T2: 'na', K1: 1, K2: 2 } }]);
  });
});

describe('CSV problems: every one listed with file:line:col, nothing handed on', () => {
  it.each<[string, string, string[]]>([
    [
      'an unknown label, a number off the scale, a fraction',
      `role,${TEXTS.join(',')}\nsales,Agre,6,2.5,1\n`,
      [
        'bad.csv:2:2: column B (T1): "Agre" is not an answer: use "Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree", a number 1-5, or "na", or map it with --map (labels: …)',
        'bad.csv:2:3: column C (T2): 6 is off the scale 1..5',
        'bad.csv:2:4: column D (K1): 2.5 is not a whole number on the scale 1..5',
      ],
    ],
    [
      'a missing and an unknown role',
      `role,${TEXTS.join(',')}\n,1,1,1,1\nFinance,1,1,1,1\n`,
      [
        'bad.csv:2:1: column A ("role"): no role given',
        'bad.csv:3:1: column A ("role"): "Finance" is not a role (sales, marketing, leadership, revops, other): map it with --map (roles: …)',
      ],
    ],
    [
      'a row with too few or too many fields',
      `role,${TEXTS.join(',')}\nsales,1,1\nsales,1,1,1,1,1\n`,
      ['bad.csv:2:4: this row has 3 fields, the header has 5', 'bad.csv:3:6: this row has 6 fields, the header has 5'],
    ],
    [
      'a question column that matches no question',
      `role,${TEXTS.join(',')},We talk every single week,Budget [Z12]\nsales,1,1,1,1,2,3\n`,
      [
        'bad.csv:1:6: column F ("We talk every single week"): looks like a question but matches none in the bank exactly (closest: T1 "We talk every week."): fix the header or map it with --map',
        'bad.csv:1:7: column G ("Budget [Z12]"): no question "Z12" in the bank: fix the header or map it with --map',
      ],
    ],
    [
      'no role column',
      `Team,${TEXTS.join(',')}\nEMEA,1,1,1,1\n`,
      ['bad.csv:1:1: no role column: add a column whose header contains "role", or name it in --map (columns: { "<header>": role })'],
    ],
    [
      'two role columns',
      `Role,${TEXTS.join(',')},Role in the company\nsales,1,1,1,1,sales\n`,
      ['bad.csv:1:6: column F ("Role in the company"): several columns could be the role (A, F): name one in --map (columns: { "<header>": role })'],
    ],
    [
      'a question without a column, and one with two',
      `role,${TEXTS[0]},${TEXTS[1]},${TEXTS[2]},[T1]\nsales,1,1,1,1\n`,
      ['bad.csv:1:5: column E ("[T1]"): question T1 already has column B', 'bad.csv:1:1: no column for question K2: match headers to questions with --map'],
    ],
    [
      'a quote left open',
      `role,${TEXTS.join(',')}\nsales,1,1,1,1\nsales,"1,1,1,1\n`,
      ['bad.csv:3:2: a quoted field that starts in this row is never closed: the file ends inside quotes'],
    ],
    [
      'a quote inside a field',
      `role,${TEXTS.join(',')}\nsales,1,1 "x",1,1\n`,
      ['bad.csv:2:3: a quote inside an unquoted field: quote the whole field and double the quotes in it ("")'],
    ],
    ['an empty file', '', ['bad.csv:1:1: is empty: a CSV export starts with a header row']],
    ['only blank lines', '\r\n , ,\r\n', ['bad.csv:1:1: is empty: a CSV export starts with a header row']],
  ])('%s', async (_, content, want) => {
    const dir = tempDir();
    expect(await problems(dir, [await csv(dir, 'bad.csv', content)])).toEqual(want);
  });

  it('counts lines as an editor does, across quoted line breaks and CRLF', async () => {
    const dir = tempDir();
    const content = `role,${TEXTS.join(',')},Comments\r\nsales,1,1,1,1,"line one\r\nline two\r\nline three"\r\n\r\nsales,1,9,1,1,ok\r\n`;
    expect(await problems(dir, [await csv(dir, 'bad.csv', content)])).toEqual(['bad.csv:6:3: column C (T2): 9 is off the scale 1..5']);
  });

  it('refuses binaries and missing files (paths that do not exist are found first)', async () => {
    const dir = tempDir();
    const binary = await csv(dir, 'bin.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]));
    expect(await problems(dir, [binary, join(dir, 'nope.csv')])).toEqual([
      'nope.csv: no such file or folder',
      'bin.csv: is not a text file (it contains NUL bytes)',
    ]);
  });

  // The file is read a megabyte at a time, ASCII pieces apart from others: a character cut in two by
  // that boundary is still read whole, and a broken one still reads as U+FFFD.
  it.each([
    ['é, cut after its first byte', Buffer.from('Zoé'), 1, 'Zoé'],
    ['€, cut after its first byte', Buffer.from('Zo€'), 1, 'Zo€'],
    ['€, cut after its second byte', Buffer.from('Zo€'), 2, 'Zo€'],
    ['a lone lead byte before an ASCII megabyte', Buffer.from([0x5a, 0x6f, 0xc3]), 1, 'Zo\uFFFD'],
  ])('reads names across the reading boundary: %s', async (_what, name, cutAfter, want) => {
    const dir = tempDir();
    const MB = 1024 * 1024;
    const header = `role,Name,${TEXTS.join(',')}\n`;
    // The name's last character (2 bytes in) starts cutAfter bytes before the boundary; two long rows lead up to it.
    const before = MB - cutAfter - 2 - header.length - 'sales,'.length;
    const row = (nameLength: number) => `sales,${'x'.repeat(nameLength)},1,1,1,1\n`;
    const first = Math.floor(before / 2) - row(0).length;
    const content = Buffer.concat([
      Buffer.from(header + row(first) + row(before - first - 2 * row(0).length)),
      Buffer.from('sales,'),
      name,
      Buffer.from(`,2,2,2,2\n${row(3).repeat(MB / 16)}`),
    ]);
    expect(content.indexOf(name)).toBe(MB - cutAfter - 2);
    const got = await read([await csv(dir, 'names.csv', content)], { keepNames: true });
    expect(got.find((r) => r.answers.T1 === 2)?.respondent.name).toBe(want);
  });

  it('lists problems from every input, and stops listing after 200', async () => {
    const dir = tempDir();
    const rows = Array.from({ length: 300 }, () => 'sales,x,1,1,1');
    const many = await csv(dir, 'many.csv', `role,${TEXTS.join(',')}\n${rows.join('\n')}\n`);
    const listed = await problems(dir, [many]);
    expect(listed).toHaveLength(201);
    expect(listed.at(-1)).toBe('… and 100 more problems like these');
  });
});

describe('answer files and folders', () => {
  const answers = (role: string, values: string) => `respondent:\n  role: ${role}\nanswers:\n${values}`;

  it('walks folders recursively in sorted order, skipping hidden entries and other files', async () => {
    const dir = tempDir();
    await mkdir(join(dir, 'b-sub'));
    await mkdir(join(dir, '.hidden'));
    await writeFile(join(dir, 'c.yaml'), answers('sales', '  T1: 1\n  T2: 1\n  K1: 1\n  K2: 1\n'));
    await writeFile(join(dir, 'a.json'), JSON.stringify({ respondent: { role: 'marketing' }, answers: { T1: 2, T2: 2, K1: 2, K2: 2 } }));
    await writeFile(join(dir, 'b-sub', 'x.YML'), answers('leadership', '  T1: 3\n  T2: 3\n  K1: 3\n  K2: na\n'));
    await writeFile(join(dir, '.hidden', 'h.yaml'), answers('sales', '  T1: 5\n'));
    await writeFile(join(dir, '.dot.yaml'), answers('sales', '  T1: 5\n'));
    await writeFile(join(dir, 'notes.txt'), 'not an answer file');
    const got = await read([dir]);
    expect(got.map((r) => r.respondent.role)).toEqual(['marketing', 'leadership', 'sales']);
    expect(got[1]?.answers).toEqual({ T1: 3, T2: 3, K1: 3, K2: 'na' });
  });

  it('reports every bad answer file with positions, through the full parser', async () => {
    const dir = tempDir();
    await writeFile(join(dir, 'a.yaml'), answers('sales', '  T1: 7\n  T2: 1\n  K1: 1\n  K2: 1\n'));
    await writeFile(join(dir, 'b.yaml'), answers('sales', '  T1: 1\n  T2: 1\n  K1: 1\n'));
    expect(await problems(dir, [dir])).toEqual([
      'a.yaml:4:7: answers.T1: 7 is off the scale 1..5 (or na)',
      'b.yaml:3:1: answers: K2: no answer ("Sales can find content.")',
    ]);
  });

  it('rejects other kinds of file, empty folders and missing paths; counts a file given twice once', async () => {
    const dir = tempDir();
    await mkdir(join(dir, 'empty'));
    const file = join(dir, 'a.yaml');
    await writeFile(file, answers('sales', '  T1: 1\n  T2: 1\n  K1: 1\n  K2: 1\n'));
    expect(await read([file, dir])).toHaveLength(1);
    await writeFile(join(dir, 'report.pdf'), '%PDF');
    expect(await problems(dir, [join(dir, 'empty'), join(dir, 'report.pdf'), join(dir, 'gone')])).toEqual([
      'empty: no answer files (.yaml, .yml, .json) in this folder',
      'report.pdf: is neither an answer file (.yaml, .yml, .json) nor a CSV export (.csv)',
      'gone: no such file or folder',
    ]);
  });

  it('needs at least one respondent', async () => {
    const dir = tempDir();
    const header = await csv(dir, 'header-only.csv', `role,${TEXTS.join(',')}\n`);
    expect(await problems(dir, [header])).toEqual(['no respondents: the inputs hold no answers']);
  });
});

describe('the --map file', () => {
  it('reports every problem with its position', async () => {
    const dir = tempDir();
    const file = await csv(
      dir,
      'map.yaml',
      ['columns:', '  Talk: T9', 'labels:', '  Yes: 6', '  Maybe: 2.5', 'roles:', '  AE: seller', 'extra: 1', ''].join('\n'),
    );
    try {
      await loadAnswerMap(file, bank);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).problems.map((p) => formatProblem(p).replace(`${dir}/`, ''))).toEqual([
        'map.yaml:5:10: labels.Maybe: must be a whole number on the scale, or na',
        'map.yaml:7:7: roles.AE: must be one of sales, marketing, leadership, revops, other, not "seller"',
        'map.yaml:8:1: extra: unknown key "extra"',
        'map.yaml:2:9: columns.Talk: "T9" is neither a question id of the bank nor one of role, name, ignore',
        'map.yaml:4:8: labels.Yes: 6 is off the scale 1..5 (or na)',
      ]);
    }
    const semantic = await csv(dir, 'map2.yaml', ['columns:', '  Talk: T9', 'labels:', '  Yes: 6', ''].join('\n'));
    await expect(loadAnswerMap(semantic, bank)).rejects.toMatchObject({
      problems: [
        { line: 2, col: 9, message: 'columns.Talk: "T9" is neither a question id of the bank nor one of role, name, ignore' },
        { line: 4, col: 8, message: 'labels.Yes: 6 is off the scale 1..5 (or na)' },
      ],
    });
  });
});
