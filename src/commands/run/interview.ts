import { resolve } from 'node:path';
import type { Form } from '../../core/bank.js';
import { InputError, InterruptedError } from '../../core/errors.js';
import type { Role } from '../../core/roles.js';
import type { Context } from '../../context.js';
import { fileSink, identityOf, type FileIdentity } from '../../io/answer-sinks.js';
import { builtInBankDir, loadBank } from '../../io/load-bank.js';
import { checkSaveTarget, freeName, saveTargetProblem } from '../../io/save-target.js';
import { folderProgressStore, newRunId, stateDir } from '../../io/state.js';
import { terminalAsker, type OpenAsker } from '../../prompts/terminal.js';
import { plainText } from '../../render/shared/sanitize.js';
import type { Asker } from '../../survey/asker.js';
import { askQuestions, askRespondent, introduce, settleBankChange, welcomeBack } from '../../survey/interview.js';
import { localTime } from '../../survey/local-time.js';
import type { DamagedRun, ProgressStore, StoredRun } from '../../survey/progress-store.js';
import { Session, type SessionSetup } from '../../survey/session.js';
import { bankAndFormFlags, shellQuote } from '../shell-quote.js';
import type { RunOptions, SurveyResult } from './options.js';
import { resumeCommand } from './resume-hint.js';

// `cash-test run` without --answers: a new run, or with --resume an unfinished one; then where the answer file goes.

export async function takeSurvey(options: RunOptions, ctx: Context, openAsker: OpenAsker = terminalAsker(ctx)): Promise<SurveyResult> {
  const store = folderProgressStore(stateDir(ctx.env));
  const written = options.out === undefined ? [] : [options.out];
  let others = [options.bank ?? builtInBankDir(), ...written];
  let replaces = options.save === undefined ? null : await checkSaveTarget(options.save, options.force, others);
  const { runs, damaged } = await store.list();
  const mine = runs.filter((r) => r.progress.workshop === undefined);
  const asker = await openAsker();
  const resumed = options.resume === false ? null : await chooseRun(asker, store, mine, damaged, options);
  const bankDir = options.bank ?? resumed?.progress.bank.dir ?? undefined;
  if (bankDir !== options.bank && bankDir !== undefined) {
    // The resumed run's own bank folder is read too: the answers never replace one of its files either.
    others = [bankDir, ...written];
    if (options.save !== undefined) replaces = await checkSaveTarget(options.save, options.force, others);
  }
  const bank = await loadBank(bankDir);
  const form: Form = resumed?.progress.form ?? (options.quick ? 'quick' : 'full');
  const setup: SessionSetup = { bank, form, store, now: () => ctx.now() };

  let session: Session | null = null;
  try {
    if (resumed) {
      session = Session.reopen(setup, resumed);
      await settleBankChange(asker, bank, session);
      welcomeBack(asker, session);
    } else {
      introduce(asker, bank, form, store.location, 'if you stop (Ctrl-C), cash-test run --resume continues where you left off', mine[0]?.progress);
      const respondent = await askRespondent(asker, options.role);
      session = await Session.start(setup, respondent, { bankDir: bankDir === undefined ? null : resolve(bankDir), id: newRunId(ctx.now()) });
    }
    await askQuestions(asker, bank, session);
    const target =
      options.save === undefined
        ? await chooseAnswerFile(asker, session.progress.respondent.role, ctx, options.force, others)
        : { file: options.save, replaces };
    if (target === null) return { bank, form, response: await session.discard() };
    const { response, saved } = await session.finish(
      fileSink(resolve(ctx.cwd, target.file), target.replaces, bankAndFormFlags({ bank: bankDir, quick: false })),
    );
    const file = saved?.taken === undefined ? target.file : saved.file;
    if (saved?.taken !== undefined) asker.note(`\n${target.file} was taken by another file while you answered; it is left as it is.`);
    asker.note(`\nYour answers are saved in ${file}. To score them again: ${rescoreCommand(file, bankDir)}\n`);
    return { bank, form, response };
  } catch (error) {
    if (!(error instanceof InterruptedError)) throw error;
    if (session === null) throw new InterruptedError('nothing was answered yet; start again with: cash-test run');
    const others = mine.some((r) => r.progress.id !== session?.progress.id);
    const command = resumeCommand(options, form, bankDir, others ? session.progress.id : undefined);
    throw new InterruptedError(`${session.answered} of ${session.total} answers are saved; continue with: ${command}`);
  }
}

/** The run --resume continues: the one named, the only one, or the person's choice; a damaged newest run is said, never passed over. */
async function chooseRun(
  asker: Asker,
  store: ProgressStore,
  runs: readonly StoredRun[],
  damaged: readonly DamagedRun[],
  options: RunOptions,
): Promise<StoredRun> {
  let chosen: StoredRun | undefined;
  if (typeof options.resume === 'string') {
    const id = options.resume;
    const broken = damaged.find((d) => d.id === id);
    if (broken) throw new InputError(broken.problems, 'the unfinished run is damaged: remove that file, or start a new run');
    chosen = runs.find((r) => r.progress.id === id);
    if (chosen === undefined) {
      throw new InputError(
        [{ message: `no unfinished run "${id}" (progress is kept in ${store.location})` }],
        runs.length > 0 ? `unfinished runs: ${runs.map((r) => r.progress.id).join(', ')}` : 'start a new run with: cash-test run',
      );
    }
  } else {
    const newest = runs[0];
    const newer = damaged.filter((d) => newest === undefined || d.modifiedAt.getTime() > Date.parse(newest.progress.updatedAt));
    if (newer.length > 0) {
      throw new InputError(
        newer.flatMap((d) => d.problems),
        newest === undefined
          ? 'the unfinished run is damaged: remove that file, or start a new run'
          : `the newest unfinished run is damaged: remove that file, or continue an older one with --resume ${newest.progress.id}`,
      );
    }
    if (newest === undefined) {
      throw new InputError(
        [{ message: `no unfinished run to resume (progress is kept in ${store.location})` }, ...damaged.flatMap((d) => d.problems)],
        'start a new run with: cash-test run',
      );
    }
    chosen = runs.length === 1 ? newest : await pickRun(asker, runs, damaged.length);
  }
  if (options.role !== undefined && options.role !== chosen.progress.respondent.role) {
    throw new InputError(
      [{ message: `--role ${options.role} does not match the unfinished run, which is answered as ${chosen.progress.respondent.role}` }],
      'leave out --role to continue it as it was started',
    );
  }
  if (options.quick && chosen.progress.form === 'full') {
    throw new InputError([{ message: '--quick does not match the unfinished run, which uses the full form' }], 'leave out --quick to continue it');
  }
  return chosen;
}

async function pickRun(asker: Asker, runs: readonly StoredRun[], damaged: number): Promise<StoredRun> {
  if (damaged > 0)
    asker.note(
      `${damaged} older unfinished run${damaged === 1 ? '' : 's'} cannot be read and ${damaged === 1 ? 'is' : 'are'} not offered (cash-test run --resume <id> names the problem).`,
    );
  const id = await asker.choose(
    `${runs.length} unfinished runs: which one do you continue?`,
    runs.map(({ progress: p }) => {
      const total = Object.keys(p.fingerprints).length;
      const who = p.respondent.name ? `${plainText(p.respondent.name)} (${p.respondent.role})` : p.respondent.role;
      return {
        value: p.id,
        name: `${who}, ${p.form} form, ${Object.keys(p.answers).length} of ${total} answered, last answer ${localTime(p.updatedAt)}  [${p.id}]`,
      };
    }),
  );
  const chosen = runs.find((r) => r.progress.id === id);
  if (chosen === undefined) throw new Error(`the choice ${id} is not one of the runs offered`);
  return chosen;
}

/** Asks whether and where to save the completed answer file; null when the person does not want it. */
async function chooseAnswerFile(
  asker: Asker,
  role: Role,
  ctx: Context,
  force: boolean,
  others: readonly string[],
): Promise<{ file: string; replaces: FileIdentity | null } | null> {
  if (!(await asker.confirm('Save your answers to a file (to score them again, add them to a team report, or compare later)?', true))) return null;
  const suggestion = await freeName(ctx.cwd, `cash-test-${role}-${localTime(ctx.now().toISOString()).slice(0, 10)}`, '.yaml');
  for (;;) {
    const file = await asker.text('File name', { initial: suggestion, validate: (name) => saveTargetProblem(name, others) });
    const existing = await identityOf(resolve(ctx.cwd, file));
    if (existing === null) return { file, replaces: null };
    if (force || (await asker.confirm(`${file} already exists. Replace it?`, false))) return { file, replaces: existing };
  }
}

/** The saved file names its form: the bank is all that scoring it again needs besides the file. */
function rescoreCommand(file: string, bankDir: string | undefined): string {
  return ['cash-test', 'run', '--answers', shellQuote(file), ...bankAndFormFlags({ bank: bankDir, quick: false })].join(' ');
}
