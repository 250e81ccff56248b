import { isAscii } from 'node:buffer';
import { open } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { answerCode } from '../core/answer-codes.js';
import { MAX_NAME_LENGTH } from '../core/answers.js';
import type { AnswerMap } from '../core/answer-map.js';
import type { TeamSink } from '../core/aggregate.js';
import { allQuestions, type Bank, type Form } from '../core/bank.js';
import { answerReader, columnLetter, matchColumns, roleReader, type ColumnPlan } from '../core/csv-columns.js';
import { CsvRecordReader, CsvSyntaxError, type CsvErrorCode } from '../core/csv-records.js';
import type { Problem } from '../core/errors.js';
import type { Role } from '../core/roles.js';
import type { ProblemList } from './problems.js';
import { fileErrorMessage } from './read-text.js';

// A CSV export is streamed row by row: each row becomes one respondent's answer codes, handed on at
// once and not kept. Problems carry file:line:col, where line is the physical line the row starts on and col
// the column's number (1 = column A), as a spreadsheet shows them.

export interface CsvInput {
  bank: Bank;
  form: Form;
  map: AnswerMap;
  keepNames: boolean;
  problems: ProblemList;
  sink: TeamSink;
}

const SNIFF_BYTES = 64 * 1024;
const READ_BYTES = 1024 * 1024;
const MAX_RECORD_CHARS = 1_000_000;
const MAX_CACHED_CELLS = 10_000;
const MAX_BUCKETED_LENGTH = 100;
const CELLS_PER_LENGTH = 4;

export async function readCsvResponses(file: string, input: CsvInput): Promise<void> {
  const problem = (p: Omit<Problem, 'file'>) => input.problems.add({ file, ...p });
  const start = await sniff(file);
  if ('error' in start) {
    problem({ message: start.error });
    return;
  }

  const readAnswer = answerCodeReader(input.bank, input.map);
  const readRole = cached(roleReader(input.map));
  const formIds = allQuestions(input.bank, input.form).map((q) => q.id);
  // One respondent's codes, indexed as the form's questions (written whole for every row handed on).
  const codes = new Uint8Array(formIds.length);
  let header: readonly string[] | null = null;
  let plan: ColumnPlan | null = null;
  // plan.questions as columns and their places in `codes`.
  let columns = new Uint32Array(0);
  let slots = new Uint32Array(0);
  let usable = false;

  const onRow = (fields: string[], line: number) => {
    if (isBlank(fields) || (line === 1 && start.sepLine)) return;
    if (header === null) {
      header = fields;
      const matched = matchColumns(fields, input.bank, input.form, input.map);
      plan = matched.plan;
      columns = Uint32Array.from(plan.questions, (q) => q.column);
      slots = Uint32Array.from(plan.questions, (q) => formIds.indexOf(q.id));
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
    for (let j = 0; j < columns.length; j++) {
      const column = columns[j] as number;
      const code = readAnswer(fields[column] ?? '');
      if (typeof code === 'number') codes[slots[j] as number] = code;
      else rowProblems.push({ line, col: column + 1, message: `column ${columnLetter(column)} (${plan.questions[j]?.id}): ${code}` });
    }
    let role: Role | null = null;
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
    const name = input.keepNames && plan.name !== null ? (fields[plan.name] ?? '').trim().slice(0, MAX_NAME_LENGTH) : '';
    input.sink.addCoded(role, codes, name !== '' && name.toLowerCase() !== 'anonymous' ? name : undefined);
  };

  const reader = new CsvRecordReader({ delimiter: start.delimiter, maxRecordChars: MAX_RECORD_CHARS }, onRow);
  try {
    const decoder = new StringDecoder(start.encoding);
    // Read a megabyte at a time through a file handle: a read stream would load Node's streams (about 3 ms) for nothing.
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.allocUnsafe(READ_BYTES);
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, READ_BYTES, null);
        if (bytesRead === 0) break;
        const bytes = buffer.subarray(0, bytesRead);
        // Most exports are ASCII, which reads several times faster as Latin-1 than through the UTF-8 decoder.
        const ascii = start.encoding === 'utf8' && isAscii(bytes);
        reader.write(ascii ? decoder.end() + bytes.toString('latin1') : decoder.write(bytes));
      }
    } finally {
      await handle.close();
    }
    reader.write(decoder.end());
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

/** An answer cell's code, or what is wrong with it. */
function answerCodeReader(bank: Bank, map: AnswerMap): (cell: string) => number | string {
  const read = answerReader(bank, map);
  return cached((cell) => {
    const result = read(cell);
    return 'error' in result ? result.error : answerCode(result.value, bank.scale.min);
  });
}

/**
 * A cell reader that remembers what it read: an export repeats a handful of labels. A cell is first looked
 * for among a few remembered cells of its length, compared whole: a Map would hash every new string.
 */
function cached<T>(read: (cell: string) => T): (cell: string) => T {
  const byLength: { cell: string; result: T }[][] = [];
  const cache = new Map<string, T>();
  return (cell) => {
    const bucket = byLength[cell.length];
    if (bucket !== undefined) for (const entry of bucket) if (entry.cell === cell) return entry.result;
    let result = cache.get(cell);
    if (result === undefined) {
      result = read(cell);
      if (cache.size < MAX_CACHED_CELLS) cache.set(detached(cell), result);
    }
    if (cell.length < MAX_BUCKETED_LENGTH) {
      byLength[cell.length] ??= [];
      const entries = byLength[cell.length] as { cell: string; result: T }[];
      if (entries.length < CELLS_PER_LENGTH) entries.push({ cell: detached(cell), result });
    }
    return result;
  };
}

/** A copy of a cell that does not keep the whole text it was cut from in memory. */
function detached(cell: string): string {
  return Buffer.from(cell, 'utf16le').toString('utf16le');
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
