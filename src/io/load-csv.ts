import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { MAX_NAME_LENGTH, type AnswerValue, type Response } from '../core/answers.js';
import type { AnswerMap } from '../core/answer-map.js';
import type { Bank, Form } from '../core/bank.js';
import { answerReader, columnLetter, matchColumns, roleReader, type CellResult, type ColumnPlan } from '../core/csv-columns.js';
import { CsvRecordReader, CsvSyntaxError, type CsvErrorCode } from '../core/csv-records.js';
import type { Problem } from '../core/errors.js';
import type { ProblemList } from './problems.js';
import { fileErrorMessage } from './read-text.js';

// A CSV export is streamed row by row: each row becomes one response, handed on at once and not
// kept. Problems carry file:line:col, where line is the physical line the row starts on and col
// the column's number (1 = column A), as a spreadsheet shows them.

export interface CsvInput {
  bank: Bank;
  form: Form;
  map: AnswerMap;
  keepNames: boolean;
  problems: ProblemList;
  onResponse(response: Response): void;
}

const SNIFF_BYTES = 64 * 1024;
const READ_BYTES = 1024 * 1024;
const MAX_RECORD_CHARS = 1_000_000;
const MAX_CACHED_CELLS = 10_000;

export async function readCsvResponses(file: string, input: CsvInput): Promise<void> {
  const problem = (p: Omit<Problem, 'file'>) => input.problems.add({ file, ...p });
  const start = await sniff(file);
  if ('error' in start) {
    problem({ message: start.error });
    return;
  }

  const readAnswer = cached(answerReader(input.bank, input.map));
  const readRole = roleReader(input.map);
  let header: readonly string[] | null = null;
  let plan: ColumnPlan | null = null;
  let usable = false;

  const onRow = (fields: string[], line: number) => {
    if (isBlank(fields) || (line === 1 && start.sepLine)) return;
    if (header === null) {
      header = fields;
      const matched = matchColumns(fields, input.bank, input.form, input.map);
      plan = matched.plan;
      usable = matched.issues.length === 0;
      for (const issue of matched.issues) {
        problem(
          issue.column === null
            ? { line, col: 1, message: issue.message }
            : { line, col: issue.column + 1, message: `${describeColumn(fields, issue.column)}: ${issue.message}` },
        );
      }
      return;
    }
    if (plan === null) return;
    if (fields.length !== header.length) {
      problem({ line, col: Math.min(fields.length, header.length) + 1, message: `this row has ${fields.length} fields, the header has ${header.length}` });
      return;
    }
    const rowProblems: Omit<Problem, 'file'>[] = [];
    const answers: Record<string, AnswerValue> = {};
    for (const { column, id } of plan.questions) {
      const cell = readAnswer(fields[column] ?? '');
      if ('error' in cell) rowProblems.push({ line, col: column + 1, message: `column ${columnLetter(column)} (${id}): ${cell.error}` });
      else if (cell.value !== null) answers[id] = cell.value;
    }
    let role: Response['respondent']['role'] | null = null;
    if (plan.role !== null) {
      const read = readRole(fields[plan.role] ?? '');
      if ('error' in read) rowProblems.push({ line, col: plan.role + 1, message: `${describeColumn(header, plan.role)}: ${read.error}` });
      else role = read.role;
    }
    if (rowProblems.length > 0) {
      for (const p of rowProblems.sort((a, b) => (a.col ?? 0) - (b.col ?? 0))) problem(p);
      return;
    }
    if (!usable || role === null) return;
    const respondent: Response['respondent'] = { role };
    const name = input.keepNames && plan.name !== null ? (fields[plan.name] ?? '').trim().slice(0, MAX_NAME_LENGTH) : '';
    if (name !== '' && name.toLowerCase() !== 'anonymous') respondent.name = name;
    input.onResponse({ respondent, answers });
  };

  const reader = new CsvRecordReader({ delimiter: start.delimiter, maxRecordChars: MAX_RECORD_CHARS }, onRow);
  try {
    for await (const text of createReadStream(file, { highWaterMark: READ_BYTES, encoding: start.encoding })) reader.write(text as string);
    reader.end();
  } catch (error) {
    if (error instanceof CsvSyntaxError) problem({ line: error.line, col: error.field + 1, message: csvErrorMessage(error.code) });
    else if ((error as NodeJS.ErrnoException).code) problem({ message: fileErrorMessage(error as NodeJS.ErrnoException) });
    else throw error;
    return;
  }
  if (header === null) problem({ line: 1, col: 1, message: 'is empty: a CSV export starts with a header row' });
}

/**
 * Reads the start of the file: refuses binaries, and finds the delimiter (comma, semicolon or tab) from
 * the header line, or from Excel's `sep=;` line before it, which is then skipped.
 */
async function sniff(file: string): Promise<{ delimiter: string; encoding: 'utf8' | 'utf16le'; sepLine: boolean } | { error: string }> {
  let bytes: Buffer;
  try {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(SNIFF_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
      bytes = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { error: fileErrorMessage(error as NodeJS.ErrnoException) };
  }
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe;
  if (!utf16 && bytes.includes(0)) return { error: 'is not a text file (it contains NUL bytes)' };
  const encoding = utf16 ? 'utf16le' : 'utf8';
  const text = bytes.toString(encoding).replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const sep = /^"?sep=(.)"?$/i.exec(firstLine)?.[1];
  return { delimiter: sep ?? delimiterOf(firstLine), encoding, sepLine: sep !== undefined };
}

function delimiterOf(headerLine: string): string {
  const counts = new Map([',', ';', '\t'].map((d) => [d, 0]));
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > (counts.get(best) ?? 0)) best = d;
  return best;
}

function cached(read: (cell: string) => CellResult): (cell: string) => CellResult {
  const cache = new Map<string, CellResult>();
  return (cell) => {
    let result = cache.get(cell);
    if (result === undefined) {
      result = read(cell);
      if (cache.size < MAX_CACHED_CELLS) cache.set(cell, result);
    }
    return result;
  };
}

function isBlank(fields: readonly string[]): boolean {
  return (fields[0] ?? '').trim() === '' && fields.every((f) => f.trim() === '');
}

function describeColumn(header: readonly string[], column: number): string {
  const text = (header[column] ?? '').trim();
  return `column ${columnLetter(column)} ("${text.length > 50 ? `${text.slice(0, 50)}…` : text}")`;
}

function csvErrorMessage(code: CsvErrorCode): string {
  switch (code) {
    case 'quote-not-closed':
      return 'a quoted field that starts in this row is never closed: the file ends inside quotes';
    case 'invalid-opening-quote':
      return 'a quote inside an unquoted field: quote the whole field and double the quotes in it ("")';
    case 'invalid-closing-quote':
      return 'text after a closing quote: quote the whole field and double the quotes in it ("")';
    case 'record-too-long':
      return `a row longer than ${MAX_RECORD_CHARS.toLocaleString('en')} characters: is this a CSV export?`;
  }
}
