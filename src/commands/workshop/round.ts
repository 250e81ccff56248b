import { mkdir, readdir } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { allQuestions, type Bank, type Form } from '../../core/bank.js';
import { InputError, InterruptedError } from '../../core/errors.js';
import { answeredCount, type Progress } from '../../core/progress.js';
import type { Context } from '../../context.js';
import { folderSink } from '../../io/answer-sinks.js';
import { ANSWER_EXTENSIONS } from '../../io/load-answers.js';
import { loadBank } from '../../io/load-bank.js';
import { folderProgressStore, newRunId, stateDir } from '../../io/state.js';
import { terminalAsker, type OpenAsker } from '../../prompts/terminal.js';
import { plainText } from '../../render/shared/sanitize.js';
import type { Asker } from '../../survey/asker.js';
import { askQuestions, askRespondent, introduce, settleBankChange, welcomeBack } from '../../survey/interview.js';
import { localTime } from '../../survey/local-time.js';
import type { StoredRun } from '../../survey/progress-store.js';
import { Session, type SessionSetup } from '../../survey/session.js';
import { bankAndFormFlags, shellQuote } from '../shell-quote.js';
import type { WorkshopOptions } from './options.js';

// One laptop passed round the room: the facilitator's menu, then each participant's survey on a cleared
// screen, their answer file saved into the workshop folder under a name of its own.

export interface Round {
  folder: string;
  /** Answer files in the folder now, from this round and earlier ones. */
  files: number;
  /** Saved in this round. */
  saved: string[];
}

type Outcome = { saved: string } | { stopped: Progress | null };

export async function runWorkshop(options: WorkshopOptions, ctx: Context, openAsker: OpenAsker = terminalAsker(ctx)): Promise<Round> {
  const folder = resolve(options.dir);
  await mkdir(folder, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new InputError([
      {
        file: options.dir,
        message: error.code === 'EEXIST' || error.code === 'ENOTDIR' ? 'is a file, not a folder' : `cannot create the folder: ${error.code ?? error.message}`,
      },
    ]);
  });
  const bank = await loadBank(options.bank);
  const form: Form = options.quick ? 'quick' : 'full';
  const asker = await openAsker();
  const store = folderProgressStore(stateDir(ctx.env));
  const setup: SessionSetup = { bank, form, store, now: () => ctx.now() };
  const bankDir = options.bank === undefined ? null : resolve(options.bank);
  const saved: string[] = [];
  let notice: string | null = null;

  for (;;) {
    const waiting = (await store.list()).runs.filter(({ progress: r }) => r.workshop === folder && r.form === form && r.bank.id === bank.id);
    const files = await answerFiles(folder);
    asker.clear();
    asker.inform(`Workshop: ${options.dir}`, [
      `${files} answer file${files === 1 ? '' : 's'} in ${folder}${saved.length > 0 ? `, ${saved.length} from this round` : ''}.`,
      'Hand the laptop to the next participant and start their survey. Each answers alone; the screen is cleared before and after, and their answers are saved into the folder under a name of their own.',
      ...(notice === null ? [] : [notice]),
    ]);
    let choice: string;
    try {
      choice = await asker.choose('What next?', [
        { value: 'next', name: 'Start the next participant' },
        ...waiting.map(({ progress: r }) => ({
          value: r.id,
          name: `Continue the unfinished survey of ${who(r)}, started ${localTime(r.startedAt)} (${progressOf(bank, r)})`,
        })),
        { value: 'end', name: 'End the round and show the team report' },
      ]);
    } catch (error) {
      if (!(error instanceof InterruptedError)) throw error;
      throw new InterruptedError(
        `${files} answer file${files === 1 ? ' is' : 's are'} in ${options.dir}; continue the round with: ${workshopCommand(options)}`,
      );
    }
    if (choice === 'end') return { folder, files, saved };

    const outcome = await participant(asker, setup, folder, bankDir, waiting.find((r) => r.progress.id === choice) ?? null, ctx);
    if ('saved' in outcome) {
      saved.push(outcome.saved);
      notice = null;
    } else {
      notice =
        outcome.stopped === null
          ? 'The last participant stopped before the first question; nothing was kept.'
          : `The last survey stopped at ${progressOf(bank, outcome.stopped)}; its answers are kept and it can be continued from this menu.`;
    }
  }
}

async function participant(
  asker: Asker,
  setup: SessionSetup,
  folder: string,
  bankDir: string | null,
  unfinished: StoredRun | null,
  ctx: Context,
): Promise<Outcome> {
  const { bank, form } = setup;
  asker.clear();
  let session: Session | null = null;
  try {
    if (unfinished) {
      session = Session.reopen(setup, unfinished);
      await settleBankChange(asker, bank, session);
      welcomeBack(asker, session);
    } else {
      introduce(
        asker,
        bank,
        form,
        setup.store.location,
        'if you need to stop, press Ctrl-C: your answers so far are kept and the facilitator can continue your survey later',
      );
      session = await Session.start(setup, await askRespondent(asker, undefined), { bankDir, workshop: folder, id: newRunId(ctx.now()) });
    }
    await askQuestions(asker, bank, session);
  } catch (error) {
    if (!(error instanceof InterruptedError)) throw error;
    return { stopped: session?.progress ?? null };
  }
  const { saved } = await session.finish(folderSink(folder, bankAndFormFlags({ bank: bankDir ?? undefined, quick: false })));
  const file = saved?.file ?? '';
  asker.inform('Thank you!', [`Your answers are saved as ${basename(file)}.`, 'Please hand the laptop back to the facilitator.']);
  // Whoever is at the keyboard now may press Ctrl-C instead: the answers are saved either way.
  await asker.choose('When you are ready', [{ value: 'done', name: 'Done: clear the screen' }]).catch((error: unknown) => {
    if (!(error instanceof InterruptedError)) throw error;
  });
  return { saved: file };
}

async function answerFiles(folder: string): Promise<number> {
  return (await readdir(folder)).filter((name) => !name.startsWith('.') && ANSWER_EXTENSIONS.includes(extname(name).toLowerCase())).length;
}

function who(progress: Progress): string {
  const { role, name } = progress.respondent;
  return name ? `${plainText(name)} (${role})` : `a participant (${role})`;
}

function progressOf(bank: Bank, progress: Progress): string {
  const questions = allQuestions(bank, progress.form);
  return `${answeredCount(questions, progress.answers)} of ${questions.length} answered`;
}

function workshopCommand(options: WorkshopOptions): string {
  return ['cash-test', 'workshop', shellQuote(options.dir), ...bankAndFormFlags(options)].join(' ');
}

/** The answer files name their form: aggregate needs only the bank. */
export function teamReportCommand(options: WorkshopOptions): string {
  return ['cash-test', 'aggregate', shellQuote(options.dir), ...bankAndFormFlags({ bank: options.bank, quick: false })].join(' ');
}
