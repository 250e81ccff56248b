import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { TeamSink } from '../core/aggregate.js';
import type { Response } from '../core/answers.js';
import type { AnswerMap } from '../core/answer-map.js';
import type { Bank, Form } from '../core/bank.js';
import { hintedProblems, InputError } from '../core/errors.js';
import { ANSWER_EXTENSIONS, loadBankForAnswers, loadResponse } from './load-answers.js';
import { loadBank } from './load-bank.js';
import { readCsvResponses } from './load-csv.js';
import { ProblemList } from './problems.js';
import { checkInputFile, fileErrorMessage, notRegularFile } from './read-text.js';

// The inputs of a team report: answer files, folders of them (recursively, hidden entries
// skipped, in sorted order) and CSV exports. Every problem in every input is listed before
// failing; nothing is handed on when there is one.

export interface ResponseSource {
  bank: Bank;
  /** Undefined: the form the answer files name (see readResponses). */
  form: Form | undefined;
  map: AnswerMap;
  keepNames: boolean;
  /** Told the form the responses are read on, before the first of them. */
  onForm?: (form: Form, mixed: boolean) => void;
}

type Input = { kind: 'answers' | 'csv'; file: string };

/** The inputs found under the paths given, and the problems met finding them. */
export interface ResponseInputs {
  inputs: Input[];
  problems: ProblemList;
}

/**
 * Reads every response; each answer file is checked on the form given, or else on the form it names.
 * The team is then read on that form when all files name the same one (CSV exports count as full),
 * or on the quick form when they differ: the questions all of them answered.
 */
export async function readResponses(paths: readonly string[] | ResponseInputs, source: ResponseSource, sink: TeamSink): Promise<void> {
  const { inputs, problems } = 'inputs' in paths ? paths : await collectInputs(paths);
  let count = 0;
  const add: TeamSink = {
    add(response) {
      count++;
      if (problems.size === 0) sink.add(response);
    },
    addCoded(role, codes, name) {
      count++;
      if (problems.size === 0) sink.addCoded(role, codes, name);
    },
  };

  // Answer files first, each on its own form, so that the team's form is known before a CSV row is read.
  const answered: Response[] = [];
  for (const input of inputs.filter((i) => i.kind === 'answers')) {
    try {
      answered.push(await loadResponse(input.file, source.bank, source.form));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.addAll(hintedProblems(error));
    }
  }
  const csvs = inputs.filter((i) => i.kind === 'csv');
  const forms = new Set<Form>(
    source.form !== undefined ? [source.form] : [...answered.map((r) => r.form ?? 'full'), ...(csvs.length > 0 ? ['full' as const] : [])],
  );
  const form: Form = forms.size === 1 ? ([...forms][0] as Form) : forms.size === 0 ? 'full' : 'quick';
  source.onForm?.(form, forms.size > 1);
  for (const response of answered) add.add(response);
  for (const input of csvs) await readCsvResponses(input.file, { ...source, form, problems, sink: add });
  problems.throwIfAny();
  if (count === 0) throw new InputError([{ message: 'no respondents: the inputs hold no answers' }], 'pass answer files, folders of them, or CSV exports');
}

/** The bank for a team report given no --bank: the built-in one its first answer file names (CSV exports name none). */
export async function loadBankForInputs({ inputs }: ResponseInputs): Promise<Bank> {
  const first = inputs.find((input) => input.kind === 'answers');
  return first === undefined ? loadBank() : loadBankForAnswers(first.file);
}

export async function collectInputs(paths: readonly string[]): Promise<ResponseInputs> {
  const problems = new ProblemList();
  const inputs: Input[] = [];
  const seen = new Set<string>();
  const push = (kind: Input['kind'], file: string) => {
    const key = resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    inputs.push({ kind, file });
  };
  for (const path of paths) {
    if ((await stat(path).catch(() => null))?.isDirectory()) {
      const files = await answerFilesIn(path, problems);
      if (files.length === 0) problems.add({ file: path, message: `no answer files (${ANSWER_EXTENSIONS.join(', ')}) in this folder` });
      for (const file of files) push('answers', file);
      continue;
    }
    try {
      checkInputFile(path);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.addAll(hintedProblems(error));
      continue;
    }
    const ext = extname(path).toLowerCase();
    if (ext === '.csv') push('csv', path);
    else if (ANSWER_EXTENSIONS.includes(ext)) push('answers', path);
    else problems.add({ file: path, message: `is neither an answer file (${ANSWER_EXTENSIONS.join(', ')}) nor a CSV export (.csv)` });
  }
  return { inputs, problems };
}

async function answerFilesIn(dir: string, problems: ProblemList): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    problems.add({ file: dir, message: fileErrorMessage(error) });
    return [];
  });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await answerFilesIn(path, problems)));
    else if (!ANSWER_EXTENSIONS.includes(extname(entry.name).toLowerCase())) continue;
    // A link to a file counts; links to folders are not followed, so a folder cannot contain itself.
    else if (entry.isFile()) files.push(path);
    else if (!entry.isSymbolicLink()) problems.add({ file: path, message: notRegularFile(await stat(path)) ?? 'is not a regular file' });
    else if ((await stat(path).catch(() => null))?.isFile()) files.push(path);
  }
  return files;
}
