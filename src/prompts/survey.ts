import { stat } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import type { Respondent, Response } from '../core/answers.js';
import { allQuestions, type Bank, type Form } from '../core/bank.js';
import { InputError, InterruptedError } from '../core/errors.js';
import { answeredCount, bankChange, fingerprints, newProgress, nextUnanswered, type BankChange, type Progress } from '../core/progress.js';
import { ROLES, type Role } from '../core/roles.js';
import type { Context } from '../commands/context.js';
import type { RunOptions } from '../commands/run.js';
import { ANSWER_EXTENSIONS } from '../io/load-answers.js';
import { loadBank } from '../io/load-bank.js';
import { newRunId, removeProgress, saveProgress, stateDir, unfinishedRuns } from '../io/state.js';
import { checkWritable, writeFileAtomic } from '../io/write-file.js';
import { renderAnswerFile, renderAnswerFileJson } from '../render/answer-file.js';
import { plainText } from '../render/shared/sanitize.js';
import type { Asker, Choice } from './asker.js';

// The interactive survey: intro, respondent, the questions pillar by pillar, the answer file.
// Progress is in the state folder after every answer, so Ctrl-C or a crash loses at most the question on screen.

export interface SurveyResult {
  bank: Bank;
  form: Form;
  response: Response;
}

export type OpenAsker = () => Promise<Asker>;

export async function openTerminalAsker(): Promise<Asker> {
  const { createInquirerAsker } = await import('./inquirer-asker.js');
  return createInquirerAsker();
}

/** `cash-test run` without --answers: a new run, or with --resume the last unfinished one. */
export async function takeSurvey(options: RunOptions, ctx: Context, openAsker: OpenAsker = openTerminalAsker): Promise<SurveyResult> {
  const dir = stateDir(ctx.env);
  if (options.save !== undefined) await checkSaveTarget(options.save, options.force);
  const resumed = options.resume ? await resumable(dir, options) : null;
  const bankDir = options.bank ?? resumed?.bank.dir ?? undefined;
  const bank = await loadBank(bankDir);
  const form: Form = resumed?.form ?? (options.quick ? 'quick' : 'full');
  if (resumed && resumed.bank.id !== bank.id) {
    throw new InputError(
      [{ message: `the unfinished run was started with question bank "${resumed.bank.id}", not "${bank.id}"` }],
      `pass --bank with the folder of bank "${resumed.bank.id}"`,
    );
  }

  const asker = await openAsker();
  const session: Session = { asker, bank, form, stateDir: dir, now: () => ctx.now() };
  const resumeHint = () => resumeCommand(options, form, bankDir);
  let progress: Progress | null = resumed;
  try {
    if (progress) {
      await continueAfterBankChange(session, progress);
      welcomeBack(session, progress);
    } else {
      const unfinished = (await unfinishedRuns(dir)).runs.find((r) => r.workshop === undefined);
      introduce(session, 'if you stop (Ctrl-C), cash-test run --resume continues where you left off', unfinished);
      progress = await startProgress(session, await askRespondent(asker, options.role), bankDir === undefined ? null : resolve(bankDir));
    }
    await askQuestions(session, progress);
    const response = finished(session, progress);
    const file = options.save ?? (await chooseAnswerFile(asker, response.respondent.role, ctx.now(), options.force));
    if (file !== null) {
      await writeAnswerFile(file, bank, form, response);
      asker.note(`\nYour answers are saved in ${file}. To score them again: cash-test run --answers ${shellQuote(file)}${form === 'quick' ? ' --quick' : ''}\n`);
    }
    await removeProgress(dir, progress.id);
    return { bank, form, response };
  } catch (error) {
    if (!(error instanceof InterruptedError)) throw error;
    if (progress === null) throw new InterruptedError('nothing was answered yet; start again with: cash-test run');
    const questions = allQuestions(bank, form);
    throw new InterruptedError(`${answeredCount(questions, progress.answers)} of ${questions.length} answers are saved; continue with: ${resumeHint()}`);
  }
}

export interface Session {
  asker: Asker;
  bank: Bank;
  form: Form;
  stateDir: string;
  now(): Date;
}

async function resumable(dir: string, options: RunOptions): Promise<Progress> {
  const { runs, unreadable } = await unfinishedRuns(dir);
  const last = runs.find((r) => r.workshop === undefined);
  if (last === undefined) {
    throw new InputError(
      [{ message: `no unfinished run to resume (progress is kept in ${dir})` }, ...unreadable],
      'start a new run with: cash-test run',
    );
  }
  if (options.role !== undefined && options.role !== last.respondent.role) {
    throw new InputError(
      [{ message: `--role ${options.role} does not match the unfinished run, which is answered as ${last.respondent.role}` }],
      'leave out --role to continue it as it was started',
    );
  }
  if (options.quick && last.form === 'full') {
    throw new InputError([{ message: '--quick does not match the unfinished run, which uses the full form' }], 'leave out --quick to continue it');
  }
  return last;
}

/** What the test is, how long it takes, that answers stay here, and how a stop is continued (`resuming`). */
export function introduce(session: Session, resuming: string, unfinished?: Progress): void {
  const { bank, form } = session;
  const questions = allQuestions(bank, form);
  const pillars = bank.pillars.filter((p) => questions.some((q) => q.pillar === p.id)).map((p) => plainText(p.name));
  const { scale } = bank;
  const paragraphs = [
    `A self-assessment of how well sales and marketing work as one revenue team: ${questions.length} statements on ${listing(pillars)}${form === 'quick' ? ' (the quick form)' : ''}, about ${minutes(questions.length)}.`,
    `For each statement, say how much you agree, from ${scale.min} (${plainText(scale.labels[0] ?? '')}) to ${scale.max} (${plainText(scale.labels.at(-1) ?? '')}), or n if you don't know. b goes back to the previous statement.`,
    `Your answers stay on this machine. Progress is saved after every answer in ${session.stateDir}: ${resuming}.`,
  ];
  if (unfinished) {
    const done = answeredCount(allQuestions(bank, unfinished.form), unfinished.answers);
    paragraphs.push(`You also have an unfinished run from ${localTime(unfinished.startedAt)} (${done} answered); cash-test run --resume continues that one instead.`);
  }
  session.asker.inform(plainText(bank.title), paragraphs);
}

const ROLE_CHOICES: readonly Choice<Role>[] = ROLES.map((value) => ({
  value,
  name: {
    sales: 'Sales',
    marketing: 'Marketing',
    leadership: 'Leadership (CEO, CRO, CMO, founder)',
    revops: 'Revenue operations (sales or marketing ops)',
    other: 'Other',
  }[value],
}));

export async function askRespondent(asker: Asker, role: Role | undefined): Promise<Respondent> {
  const respondent: Respondent = { role: role ?? (await asker.choose('Your role', ROLE_CHOICES)) };
  const optional = { validate: (value: string) => (value.length > 200 ? 'at most 200 characters, please' : null) };
  const name = plainText(await asker.text('Your name (optional, Enter to skip)', optional));
  const team = plainText(await asker.text('Your team (optional, Enter to skip)', optional));
  if (name) respondent.name = name;
  if (team) respondent.team = team;
  return respondent;
}

/** A changed bank is said, never silently mixed: the answers to questions that still read the same are offered to keep (a run without answers has nothing to mix). */
export async function continueAfterBankChange(session: Session, progress: Progress): Promise<void> {
  const { bank } = session;
  const change = bankChange(progress, bank);
  if (change === null) return;
  const kept = Object.keys(change.kept).length;
  const dropped = change.dropped.length;
  if (kept + dropped > 0) await offerToKeep(session, progress, change);
  progress.bank = { id: bank.id, version: bank.version, hash: bank.hash, dir: progress.bank.dir };
  progress.fingerprints = fingerprints(bank, progress.form);
  progress.answers = change.kept;
  progress.updatedAt = session.now().toISOString();
  await saveProgress(session.stateDir, progress);
}

async function offerToKeep(session: Session, progress: Progress, change: BankChange): Promise<void> {
  const { asker, bank } = session;
  const kept = Object.keys(change.kept).length;
  const dropped = change.dropped.length;
  const versions =
    change.from.version === change.to.version
      ? `version ${change.to.version} is still its version, but its content is different`
      : `it was version ${change.from.version} and is now ${change.to.version}`;
  const are = (n: number) => (n === 1 ? `${n} is to a question that` : `${n} are to questions that`);
  asker.inform('The question bank changed since you started', [
    `Your unfinished run from ${localTime(progress.startedAt)} used "${plainText(bank.title)}"; ${versions}.`,
    `Of your ${kept + dropped} answer${kept + dropped === 1 ? '' : 's'}, ${are(kept)} ${kept === 1 ? 'reads' : 'read'} exactly as before and can be kept.` +
      (dropped > 0 ? ` ${are(dropped)} changed or ${dropped === 1 ? 'was' : 'were'} removed (${change.dropped.join(', ')}): ${dropped === 1 ? 'it is' : 'they are'} asked again if still in the form.` : ''),
  ]);
  const keep = kept === 0 ? 'Start again' : kept === 1 ? 'Keep that answer' : `Keep those ${kept} answers`;
  if (!(await asker.confirm(`${keep} and continue with the changed bank?`, true))) {
    throw new InputError(
      [{ message: `stopped: the question bank changed since the run started (it was ${progress.bank.id} ${progress.bank.version})` }],
      'the unfinished run is kept as it was: resume it with the bank it was started with, or start a new run with: cash-test run',
    );
  }
}

export function welcomeBack(session: Session, progress: Progress): void {
  const questions = allQuestions(session.bank, session.form);
  const next = nextUnanswered(questions, progress.answers, -1);
  const { role, name } = progress.respondent;
  session.asker.inform('Welcome back', [
    `Continuing the run ${name ? `of ${plainText(name)} ` : ''}(${role}) started ${localTime(progress.startedAt)}: ${answeredCount(questions, progress.answers)} of ${questions.length} answered` +
      (next === null ? '.' : `, next is question ${next + 1}.`),
  ]);
}

export async function askQuestions(session: Session, progress: Progress): Promise<void> {
  const { asker, bank, form } = session;
  const questions = allQuestions(bank, form);
  const pillars = new Map(bank.pillars.map((p) => [p.id, p]));
  const points = bank.scale.labels.map((label, i) => ({ value: bank.scale.min + i, label: plainText(label) }));
  let shown: string | null = null;
  let i = nextUnanswered(questions, progress.answers, -1);
  while (i !== null) {
    const question = questions[i];
    const pillar = question && pillars.get(question.pillar);
    if (!question || !pillar) throw new Error(`question ${i} of the form is missing`);
    if (pillar.id !== shown) asker.section(plainText(pillar.name), plainText(pillar.summary));
    shown = pillar.id;
    const current = progress.answers[question.id];
    const answer = await asker.scale({
      position: i + 1,
      total: questions.length,
      pillar: plainText(pillar.name),
      text: plainText(question.text),
      points,
      unknownLabel: plainText(bank.scale.unknown),
      ...(current === undefined ? {} : { current }),
      canGoBack: i > 0,
    });
    if (answer === 'back') {
      i = Math.max(0, i - 1);
      continue;
    }
    progress.answers[question.id] = answer;
    progress.updatedAt = session.now().toISOString();
    await saveProgress(session.stateDir, progress);
    i = nextUnanswered(questions, progress.answers, i);
  }
}

/** A new run's progress, saved at once so that even a stop before the first answer keeps the respondent. */
export async function startProgress(session: Session, respondent: Respondent, bankDir: string | null, workshop?: string): Promise<Progress> {
  const now = session.now();
  const progress = newProgress({ bank: session.bank, bankDir, form: session.form, respondent, id: newRunId(now), now: now.toISOString(), ...(workshop === undefined ? {} : { workshop }) });
  await saveProgress(session.stateDir, progress);
  return progress;
}

/** Every question of the form has its answer once askQuestions returns. */
export function finished(session: Session, progress: Progress): Response {
  return { respondent: progress.respondent, answers: { ...progress.answers }, takenAt: session.now().toISOString() };
}

/** Asks whether and where to save the completed answer file; null when the person does not want it. */
async function chooseAnswerFile(asker: Asker, role: Role, now: Date, force: boolean): Promise<string | null> {
  if (!(await asker.confirm('Save your answers to a file (to score them again, add them to a team report, or compare later)?', true))) return null;
  const suggestion = await freeName(`cash-test-${role}-${localTime(now.toISOString()).slice(0, 10)}`, '.yaml');
  for (;;) {
    const file = await asker.text('File name', { initial: suggestion, validate: saveTargetProblem });
    if (force || !(await exists(file)) || (await asker.confirm(`${file} already exists. Replace it?`, false))) return file;
  }
}

async function writeAnswerFile(file: string, bank: Bank, form: Form, response: Response): Promise<void> {
  await writeFileAtomic(file, extname(file).toLowerCase() === '.json' ? renderAnswerFileJson(bank, response) : renderAnswerFile(bank, form, response));
}

/** --save is checked before anything is asked: a refusal at the end would waste the person's time. */
async function checkSaveTarget(file: string, force: boolean): Promise<void> {
  const problem = await saveTargetProblem(file);
  if (problem !== null) throw new InputError([{ file, message: problem }], 'choose another --save file');
  await checkWritable(file, force, '--save');
}

async function saveTargetProblem(file: string): Promise<string | null> {
  if (file === '') return 'a file name, please';
  if (!ANSWER_EXTENSIONS.includes(extname(file).toLowerCase())) return `answer files end in ${ANSWER_EXTENSIONS.join(', ')}`;
  const info = await stat(file).catch(() => null);
  if (info?.isDirectory()) return 'is a folder';
  const parent = await stat(dirname(resolve(file))).catch(() => null);
  if (!parent?.isDirectory()) return `there is no folder ${dirname(file)}`;
  return null;
}

/** `base.ext`, or `base-2.ext`, `base-3.ext`, ... : the first that does not exist yet. */
async function freeName(base: string, ext: string): Promise<string> {
  for (let n = 1; ; n++) {
    const name = `${base}${n === 1 ? '' : `-${n}`}${ext}`;
    if (!(await exists(name))) return name;
  }
}

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => null)) !== null;
}

/** The exact command that continues this run: the same options, with --resume. */
function resumeCommand(options: RunOptions, form: Form, bankDir: string | undefined): string {
  const parts = ['cash-test', 'run', '--resume'];
  if (bankDir !== undefined) parts.push('--bank', shellQuote(bankDir));
  if (form === 'quick') parts.push('--quick');
  if (options.format !== 'text') parts.push('--format', options.format);
  if (options.out !== undefined) parts.push('--out', shellQuote(options.out));
  if (options.save !== undefined) parts.push('--save', shellQuote(options.save));
  if (options.force) parts.push('--force');
  if (options.failUnder !== undefined) parts.push('--fail-under', String(options.failUnder));
  if (options.failPillarUnder !== undefined) parts.push('--fail-pillar-under', String(options.failPillarUnder));
  return parts.join(' ');
}

export function shellQuote(word: string): string {
  return /^[\w./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function listing(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** About 4 statements a minute. */
function minutes(count: number): string {
  const n = Math.max(1, Math.round(count / 4));
  return n === 1 ? 'a minute' : `${n} minutes`;
}

/** "2026-11-01 14:05" in local time. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
