import type { AnswerValue, Respondent, Response } from '../core/answers.js';
import { allQuestions, type Bank, type Form, type Pillar, type Question } from '../core/bank.js';
import { InputError } from '../core/errors.js';
import { answeredCount, answerProblem, bankChange, checkProgress, fingerprints, newProgress, type BankChange, type Progress } from '../core/progress.js';
import type { AnswerSink, SavedAnswers } from './answer-sink.js';
import type { ProgressStore, StoredRun } from './progress-store.js';

// One respondent's survey as plain code: what to ask next, answer, back, finish. No files, no terminal:
// the progress store keeps every answer before it counts, the answer sink takes the finished file.
// Sessions share nothing, so one process can hold many at once (the room: one per phone).

export interface SessionSetup {
  bank: Bank;
  form: Form;
  store: ProgressStore;
  now(): Date;
}

export interface NextQuestion {
  question: Question;
  pillar: Pillar;
  /** 0-based place in the form, and the form's length. */
  index: number;
  total: number;
  /** The first question of its pillar in the form. */
  pillarStarts: boolean;
  /** The answer given before, when the person came back to this question. */
  current?: AnswerValue;
  canGoBack: boolean;
}

export interface StartOptions {
  /** The --bank folder, resolved; null for the built-in bank. */
  bankDir: string | null;
  /** The workshop folder the run belongs to: only the workshop continues it. */
  workshop?: string;
  id: string;
}

export class Session {
  readonly #setup: SessionSetup;
  readonly #progress: Progress;
  readonly #questions: readonly Question[];
  readonly #pillars: ReadonlyMap<string, Pillar>;
  /** The question the person went back to; null: the first unanswered one. */
  #cursor: number | null = null;
  #change: BankChange | null;
  #saving: Promise<void> = Promise.resolve();

  private constructor(setup: SessionSetup, progress: Progress, change: BankChange | null) {
    this.#setup = setup;
    this.#progress = progress;
    this.#change = change;
    this.#questions = allQuestions(setup.bank, progress.form);
    this.#pillars = new Map(setup.bank.pillars.map((p) => [p.id, p]));
  }

  /** A new run, saved at once so that even a stop before the first answer keeps the respondent. */
  static async start(setup: SessionSetup, respondent: Respondent, options: StartOptions): Promise<Session> {
    const { bank, form } = setup;
    const progress = newProgress({
      bank,
      bankDir: options.bankDir,
      form,
      respondent,
      id: options.id,
      now: setup.now().toISOString(),
      ...(options.workshop === undefined ? {} : { workshop: options.workshop }),
    });
    const session = new Session(setup, progress, null);
    await setup.store.save(progress);
    return session;
  }

  /**
   * A stored run, continued on `setup.bank` (its form is the run's own). Damage is an error, located in the stored run.
   * When the bank changed since the run started, `bankChange` says how, and nothing is asked before `acceptBankChange`.
   */
  static reopen(setup: SessionSetup, stored: StoredRun): Session {
    const { progress } = stored;
    const { bank } = setup;
    if (progress.bank.id !== bank.id) {
      throw new InputError(
        [stored.locate({ path: ['bank', 'id'], message: `the unfinished run was started with question bank "${progress.bank.id}", not "${bank.id}"` })],
        `pass --bank with the folder of bank "${progress.bank.id}"`,
      );
    }
    const issues = checkProgress(progress, bank);
    if (issues.length > 0)
      throw new InputError(
        issues.map((issue) => stored.locate(issue)),
        'the unfinished run is damaged: remove that file, or start a new run',
      );
    return new Session(setup, structuredClone(progress), bankChange(progress, bank));
  }

  get progress(): Readonly<Progress> {
    return this.#progress;
  }

  get form(): Form {
    return this.#progress.form;
  }

  get answered(): number {
    return answeredCount(this.#questions, this.#progress.answers);
  }

  get total(): number {
    return this.#questions.length;
  }

  /** How the bank changed since the run started; null when it did not, or once accepted. */
  get bankChange(): BankChange | null {
    return this.#change;
  }

  /** Continues on the changed bank with the answers that still read the same; the others are asked again. */
  async acceptBankChange(): Promise<void> {
    const change = this.#change;
    if (change === null) return;
    const { bank } = this.#setup;
    const progress = this.#progress;
    progress.bank = { id: bank.id, version: bank.version, hash: bank.hash, dir: progress.bank.dir };
    progress.fingerprints = fingerprints(bank, progress.form);
    progress.answers = { ...change.kept };
    this.#change = null;
    await this.#save();
  }

  /** The question to ask now: the one gone back to, else the first unanswered of the form; null when all are answered. */
  next(): NextQuestion | null {
    this.#mustBeSettled();
    const index = this.#cursor ?? this.#questions.findIndex((q) => !Object.hasOwn(this.#progress.answers, q.id));
    const question = this.#questions[index];
    if (question === undefined) return null;
    const pillar = this.#pillars.get(question.pillar);
    if (pillar === undefined) throw new Error(`question ${question.id} has no pillar ${question.pillar}`);
    const current = this.#progress.answers[question.id];
    return {
      question,
      pillar,
      index,
      total: this.#questions.length,
      pillarStarts: index === 0 || this.#questions[index - 1]?.pillar !== question.pillar,
      ...(current === undefined ? {} : { current }),
      canGoBack: index > 0,
    };
  }

  /** Records an answer to any question of the form (answering an earlier one again is how a page goes back); resolves once it is stored. */
  async answer(questionId: string, value: unknown): Promise<void> {
    this.#mustBeSettled();
    const problem = answerProblem(this.#setup.bank, this.#progress.form, questionId, value);
    if (problem !== null) throw new InputError([{ message: problem }]);
    this.#progress.answers[questionId] = value as AnswerValue;
    this.#progress.updatedAt = this.#setup.now().toISOString();
    this.#cursor = null;
    await this.#save();
  }

  /** Goes back to the question before the one asked now (no further than the first). */
  back(): void {
    const next = this.next();
    this.#cursor = Math.max(0, (next?.index ?? this.#questions.length) - 1);
  }

  /** The answer file, once every question of the form is answered: written through the sink, and only then the progress removed. */
  async finish(sink: AnswerSink): Promise<{ response: Response; saved: SavedAnswers | null }> {
    const response = this.response();
    const saved = await sink.save({ bank: this.#setup.bank, form: this.#progress.form, response });
    await this.#saving;
    await this.#setup.store.remove(this.#progress.id);
    return { response, saved };
  }

  /** Finishes without an answer file (the person did not want one): the progress is removed. */
  async discard(): Promise<Response> {
    const response = this.response();
    await this.#saving;
    await this.#setup.store.remove(this.#progress.id);
    return response;
  }

  /** The completed response; an error while a question of the form has no answer. */
  response(): Response {
    this.#mustBeSettled();
    const missing = this.#questions.filter((q) => !Object.hasOwn(this.#progress.answers, q.id));
    if (missing.length > 0)
      throw new InputError([
        { message: `not finished: ${missing.length} question${missing.length === 1 ? '' : 's'} without an answer (${missing.map((q) => q.id).join(', ')})` },
      ]);
    const { respondent, answers } = this.#progress;
    return { respondent: { ...respondent }, answers: { ...answers }, takenAt: this.#setup.now().toISOString() };
  }

  #mustBeSettled(): void {
    if (this.#change !== null) throw new Error('the bank changed since the run started: acceptBankChange first');
  }

  /** Saves run one after another, each with the whole progress as it is then: the last write holds every answer. */
  #save(): Promise<void> {
    const snapshot = structuredClone(this.#progress);
    const saving = this.#saving.then(() => this.#setup.store.save(snapshot));
    this.#saving = saving.catch(() => undefined);
    return saving;
  }
}
