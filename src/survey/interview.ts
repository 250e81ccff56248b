import { MAX_NAME_LENGTH, type Respondent } from '../core/answers.js';
import { allQuestions, type Bank, type Form } from '../core/bank.js';
import { InputError } from '../core/errors.js';
import { answeredCount, type Progress } from '../core/progress.js';
import { ROLES, type Role } from '../core/roles.js';
import { plainText } from '../render/shared/sanitize.js';
import type { Asker, Choice } from './asker.js';
import { localTime } from './local-time.js';
import type { Session } from './session.js';

// The survey told through a pull-style asker (the terminal's prompts, a script in tests): the intro,
// who answers, a changed bank, then the statements one by one until the session has them all.

/** What the test is, how long it takes, that answers stay here, and how a stop is continued (`resuming`). */
export function introduce(asker: Asker, bank: Bank, form: Form, where: string, resuming: string, unfinished?: Progress): void {
  const questions = allQuestions(bank, form);
  const pillars = bank.pillars.filter((p) => questions.some((q) => q.pillar === p.id)).map((p) => plainText(p.name));
  const { scale } = bank;
  const paragraphs = [
    `A self-assessment of how well sales and marketing work as one revenue team: ${questions.length} statements on ${listing(pillars)}${form === 'quick' ? ' (the quick form)' : ''}, about ${minutes(questions.length)}.`,
    ...(bank.instructions === undefined ? [] : [plainText(bank.instructions)]),
    `For each statement, say how much you agree, from ${scale.min} (${plainText(scale.labels[0] ?? '')}) to ${scale.max} (${plainText(scale.labels.at(-1) ?? '')}), or n if you don't know. b goes back to the previous statement.`,
    `Your answers stay on this machine. Progress is saved after every answer in ${where}: ${resuming}.`,
  ];
  if (unfinished) {
    const done = answeredCount(allQuestions(bank, unfinished.form), unfinished.answers);
    paragraphs.push(
      `You also have an unfinished run from ${localTime(unfinished.startedAt)} (${done} answered); cash-test run --resume continues that one instead.`,
    );
  }
  asker.inform(plainText(bank.title), paragraphs);
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
  const respondent: Respondent = { role: role ?? (await asker.choose('Your role', ROLE_CHOICES, { answer: true })) };
  const optional = { validate: (value: string) => (value.length > MAX_NAME_LENGTH ? `at most ${MAX_NAME_LENGTH} characters, please` : null) };
  const name = plainText(await asker.text('Your name (optional, Enter to skip)', optional));
  const team = plainText(await asker.text('Your team (optional, Enter to skip)', optional));
  if (name) respondent.name = name;
  if (team) respondent.team = team;
  return respondent;
}

/** A changed bank is said, never silently mixed: the answers to questions that still read the same are offered to keep (a run without answers has nothing to mix). */
export async function settleBankChange(asker: Asker, bank: Bank, session: Session): Promise<void> {
  const change = session.bankChange;
  if (change === null) return;
  const { progress } = session;
  const kept = Object.keys(change.kept).length;
  const dropped = change.dropped.length;
  if (kept + dropped > 0) {
    const versions =
      change.from.version === change.to.version
        ? `version ${change.to.version} is still its version, but its content is different`
        : `it was version ${change.from.version} and is now ${change.to.version}`;
    const are = (n: number) => (n === 1 ? `${n} is to a question that` : `${n} are to questions that`);
    asker.inform('The question bank changed since you started', [
      `Your unfinished run from ${localTime(progress.startedAt)} used "${plainText(bank.title)}"; ${versions}.`,
      `Of your ${kept + dropped} answer${kept + dropped === 1 ? '' : 's'}, ${are(kept)} ${kept === 1 ? 'reads' : 'read'} exactly as before and can be kept.` +
        (dropped > 0
          ? ` ${are(dropped)} changed or ${dropped === 1 ? 'was' : 'were'} removed (${change.dropped.join(', ')}): ${dropped === 1 ? 'it is' : 'they are'} asked again if still in the form.`
          : ''),
    ]);
    const keep = kept === 0 ? 'Start again' : kept === 1 ? 'Keep that answer' : `Keep those ${kept} answers`;
    if (!(await asker.confirm(`${keep} and continue with the changed bank?`, true))) {
      throw new InputError(
        [{ message: `stopped: the question bank changed since the run started (it was ${progress.bank.id} ${progress.bank.version})` }],
        'the unfinished run is kept as it was: resume it with the bank it was started with, or start a new run with: cash-test run',
      );
    }
  }
  await session.acceptBankChange();
}

export function welcomeBack(asker: Asker, session: Session): void {
  const next = session.next();
  const { role, name } = session.progress.respondent;
  asker.inform('Welcome back', [
    `Continuing the run ${name ? `of ${plainText(name)} ` : ''}(${role}) started ${localTime(session.progress.startedAt)}: ${session.answered} of ${session.total} answered` +
      (next === null ? '.' : `, next is question ${next.index + 1}.`),
  ]);
}

/** Asks until every question of the form has its answer; each answer is stored before the next question. */
export async function askQuestions(asker: Asker, bank: Bank, session: Session): Promise<void> {
  const points = bank.scale.labels.map((label, i) => ({ value: bank.scale.min + i, label: plainText(label) }));
  let shown: string | null = null;
  for (let next = session.next(); next !== null; next = session.next()) {
    const { question, pillar } = next;
    if (pillar.id !== shown) asker.section(plainText(pillar.name), plainText(pillar.summary));
    shown = pillar.id;
    const answer = await asker.scale({
      position: next.index + 1,
      total: next.total,
      pillar: plainText(pillar.name),
      text: plainText(question.text),
      points,
      unknownLabel: plainText(bank.scale.unknown),
      ...(next.current === undefined ? {} : { current: next.current }),
      canGoBack: next.canGoBack,
    });
    if (answer === 'back') session.back();
    else await session.answer(question.id, answer);
  }
}

function listing(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** About 4 statements a minute. */
function minutes(count: number): string {
  const n = Math.max(1, Math.round(count / 4));
  return n === 1 ? 'a minute' : `${n} minutes`;
}
