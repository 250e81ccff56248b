import { cpSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, cli, ROOT, tempDir } from '../helpers/cli.js';
import { startTerminal, type TerminalSession } from '../helpers/terminal.js';
import { expectWrappedOnWords } from '../helpers/words.js';

// The built binary in a real pseudo-terminal, answered by keyboard alone.

const QUICK = 18;
// The key pressed for question n (1-based): the whole scale and "don't know".
const keyFor = (n: number) => ['4', '2', '5', 'n', '1', '3'][(n - 1) % 6] ?? '3';
const valueFor = (n: number) => (keyFor(n) === 'n' ? 'na' : Number(keyFor(n)));

async function survey(args: readonly string[], cols?: number): Promise<{ term: TerminalSession; cwd: string; state: string }> {
  const cwd = tempDir();
  const state = join(cwd, 'state');
  const term = await startTerminal({
    command: [process.execPath, BIN, ...args],
    cwd,
    env: { CASH_TEST_STATE_DIR: state },
    ...(cols === undefined ? {} : { cols }),
  });
  return { term, cwd, state };
}

async function answer(term: TerminalSession, from: number, to: number, total = QUICK): Promise<void> {
  for (let n = from; n <= to; n++) {
    await term.waitForText(`? ${n}/${total} · `);
    await term.press(keyFor(n));
  }
}

async function saveAtTheSuggestedPath(term: TerminalSession): Promise<void> {
  await term.waitForText('Save your answers to a file');
  await term.press('enter');
  await term.waitForText(/File name \(cash-test-sales-\d{4}-\d{2}-\d{2}\.yaml\)/);
  await term.press('enter');
}

function savedAnswers(cwd: string): { file: string; answers: Record<string, unknown> } {
  const [name, ...others] = readdirSync(cwd).filter((f) => f.endsWith('.yaml'));
  expect(others).toEqual([]);
  const file = join(cwd, name ?? 'none');
  return { file, answers: parse(readFileSync(file, 'utf8')).answers };
}

describe('the survey in a real terminal', () => {
  it('takes a whole quick run by keyboard, prints the report and saves the answer file', async () => {
    const { term, cwd, state } = await survey(['run', '--quick', '--role', 'sales']);
    await term.waitForText('about 5 minutes');
    await term.waitForText('in the last 90 days');
    await term.waitForText('Your name');
    await term.press('enter');
    await term.waitForText('Your team');
    await term.press('enter');
    await answer(term, 1, QUICK);
    await saveAtTheSuggestedPath(term);
    expect(await term.exited()).toBe(0);

    const printed = term.fullText();
    expect(printed).toMatch(/Overall: \d+\/100/);
    expect(printed).toContain('Next steps, weakest first');
    const { file, answers } = savedAnswers(cwd);
    expect(Object.values(answers)).toEqual(Array.from({ length: QUICK }, (_, i) => valueFor(i + 1)));
    const rescored = await cli(['run', '--answers', file, '--quick']);
    expect(rescored.code).toBe(0);
    expect(printed).toContain(rescored.stdout.match(/Overall: .*/)?.[0]);
    expect(readdirSync(state)).toEqual([]);
  });

  it('breaks every statement and its answered line between words in a 60-column terminal', async () => {
    // The statements of the built-in bank the binary asks, however many its quick form has.
    const bank = parse(readFileSync(join(ROOT, 'questions', 'bank.yaml'), 'utf8')) as { pillars: string[]; scale: { labels: string[]; unknown: string } };
    const labels: Record<string, string> = { ...Object.fromEntries(bank.scale.labels.map((label, i) => [String(i + 1), label])), n: bank.scale.unknown };
    const quick = bank.pillars.flatMap((pillar) =>
      (parse(readFileSync(join(ROOT, 'questions', `${pillar}.yaml`), 'utf8')) as { questions: { text: string; quick?: boolean }[] }).questions.filter(
        (q) => q.quick,
      ),
    );
    const { term } = await survey(['run', '--quick', '--role', 'sales'], 60);
    await term.waitForText('Your name');
    await term.press('enter');
    await term.waitForText('Your team');
    await term.press('enter');
    await answer(term, 1, quick.length, quick.length);
    await term.waitForText('Save your answers to a file');
    await term.press('n', 'enter');
    expect(await term.exited()).toBe(0);

    const printed = term.fullText();
    quick.forEach((q, i) => expectWrappedOnWords(printed, `${i + 1}/${quick.length} ${q.text} ${labels[keyFor(i + 1)]}`, 60));
    expectWrappedOnWords(printed, 'Save your answers to a file (to score them again, add them to a team report, or compare later)? No', 60);
    expectWrappedOnWords(printed, 'For each statement, say how much you agree, from 1 (Strongly disagree) to 5 (Strongly agree),', 60);
  });

  it('shows the keys line whole between words in a 50-column terminal', async () => {
    const { term } = await survey(['run', '--quick', '--role', 'sales'], 50);
    await term.waitForText('Your name');
    await term.press('enter');
    await term.waitForText('Your team');
    await term.press('enter');
    await term.waitForText(/\? 1\/\d+ · /);
    await term.press('4');
    const screen = await term.waitForText(/\? 2\/\d+ · /);
    expectWrappedOnWords(screen, '1-5 or n: answer · ↑↓ Enter: choose · b: back · Ctrl-C: stop (progress is saved)', 50);
  });

  it('stops on Ctrl-C after six answers with exit 130 and how to resume; --resume starts at question 7', async () => {
    const first = await survey(['run', '--quick', '--role', 'sales']);
    await first.term.waitForText('Your name');
    await first.term.type('Dana');
    await first.term.press('enter');
    await first.term.waitForText('Your team');
    await first.term.press('enter');
    await answer(first.term, 1, 6);
    await first.term.waitForText(`? 7/${QUICK} · `);
    await first.term.press('ctrl-c');
    expect(await first.term.exited()).toBe(130);
    expect(first.term.fullText()).toContain('cash-test: interrupted');
    expect(first.term.fullText()).toContain(`hint: 6 of ${QUICK} answers are saved; continue with: cash-test run --resume --quick`);
    expect(first.term.fullText()).not.toMatch(/\bat .*\.js:\d+/);

    const term = await startTerminal({ command: [process.execPath, BIN, 'run', '--resume'], cwd: first.cwd, env: { CASH_TEST_STATE_DIR: first.state } });
    await term.waitForText(`6 of ${QUICK} answered, next is question 7.`);
    await answer(term, 7, QUICK);
    await saveAtTheSuggestedPath(term);
    expect(await term.exited()).toBe(0);
    expect(term.fullText()).toMatch(/Overall: \d+\/100/);
    expect(term.fullText()).toContain('quick form · sales');
    expect(Object.values(savedAnswers(first.cwd).answers)).toEqual(Array.from({ length: QUICK }, (_, i) => valueFor(i + 1)));
    expect(parse(readFileSync(savedAnswers(first.cwd).file, 'utf8')).respondent).toEqual({ role: 'sales', name: 'Dana' });
    expect(readdirSync(first.state)).toEqual([]);
  });

  it('refuses a --save onto a bank file, through a link too, with exit 2 before asking anything', async () => {
    const cwd = tempDir();
    cpSync(join(ROOT, 'test', 'fixtures', 'survey-bank'), join(cwd, 'bank'), { recursive: true });
    symlinkSync(join('bank', 'talk.yaml'), join(cwd, 'me.yaml'));
    const before = readFileSync(join(cwd, 'bank', 'talk.yaml'), 'utf8');
    for (const save of ['bank/talk.yaml', 'me.yaml']) {
      const term = await startTerminal({
        command: [process.execPath, BIN, 'run', '--bank', 'bank', '--save', save, '--force'],
        cwd,
        env: { CASH_TEST_STATE_DIR: join(cwd, 'state') },
        cols: 200,
      });
      expect(await term.exited()).toBe(2);
      expect(term.fullText().replace(/\s+/g, ' ')).toContain(
        `cash-test: error: ${save}: names a file this run reads or writes (bank/talk.yaml): the answers never replace it hint: choose another --save file`,
      );
    }
    expect(readFileSync(join(cwd, 'bank', 'talk.yaml'), 'utf8')).toBe(before);
  });

  it('two runs saving to the same --save file both keep their answers: the second goes to a new name and says so', async () => {
    const cwd = tempDir();
    const env = { CASH_TEST_STATE_DIR: join(cwd, 'state') };
    const command = [
      process.execPath,
      BIN,
      'run',
      '--bank',
      join(ROOT, 'test', 'fixtures', 'survey-bank'),
      '--quick',
      '--role',
      'sales',
      '--save',
      'team.yaml',
    ];
    // Both start while team.yaml does not exist yet; the first to finish takes it.
    const [ann, ben] = [await startTerminal({ command, cwd, env, cols: 200 }), await startTerminal({ command, cwd, env, cols: 200 })];
    for (const [term, name] of [
      [ann, 'Ann'],
      [ben, 'Ben'],
    ] as const) {
      await term.waitForText('Your name');
      await term.type(name);
      await term.press('enter');
      await term.waitForText('Your team');
      await term.press('enter');
      await term.waitForText('? 1/3 · ');
    }
    for (const term of [ann, ben]) {
      for (let n = 1; n <= 3; n++) {
        await term.waitForText(`? ${n}/3 · `);
        await term.press('4');
      }
      expect(await term.exited()).toBe(0);
    }
    expect(ben.fullText().replace(/\s+/g, ' ')).toContain('team.yaml was taken by another file while you answered; it is left as it is.');
    const names = ['team.yaml', 'team-2.yaml'].map((f) => parse(readFileSync(join(cwd, f), 'utf8')).respondent.name);
    expect(names).toEqual(['Ann', 'Ben']);
    expect(readdirSync(join(cwd, 'state'))).toEqual([]);
  });

  it('prompts on standard error when standard output is a file, which gets only the report', async () => {
    const cwd = tempDir();
    const command = `"${process.execPath}" "${BIN}" run --quick --role marketing --format json --save me.yaml > result.json`;
    const term = await startTerminal({ command: ['/bin/sh', '-c', command], cwd, env: { CASH_TEST_STATE_DIR: join(cwd, 'state') } });
    await term.waitForText('Your name');
    await term.press('enter');
    await term.waitForText('Your team');
    await term.press('enter');
    await answer(term, 1, QUICK);
    expect(await term.exited()).toBe(0);
    const result = JSON.parse(readFileSync(join(cwd, 'result.json'), 'utf8'));
    expect(result).toMatchObject({ kind: 'single', form: 'quick', respondent: { role: 'marketing' } });
    expect(parse(readFileSync(join(cwd, 'me.yaml'), 'utf8')).respondent.role).toBe('marketing');
  });
});

describe('the survey without a terminal', () => {
  it('never waits: --resume without a terminal exits 2 naming --answers', async () => {
    const { code, stderr } = await cli(['run', '--resume']);
    expect(code).toBe(2);
    expect(stderr).toContain('pass --answers FILE');
  });

  it.each([['--resume'], ['--save', 'x.yaml']])('refuses %s with --answers', async (...flag) => {
    const { code, stderr } = await cli(['run', '--answers', 'examples/dana-sales.yaml', ...flag]);
    expect(code).toBe(2);
    expect(stderr).toContain(`cash-test: error: ${flag[0]} is for the interactive survey; --answers already gives the answers`);
  });
});

describe('the workshop in a real terminal', () => {
  it('takes participants in turn on a cleared screen, saves each, and ends the round', async () => {
    const { term, cwd } = await survey(['workshop', 'room', '--quick']);
    for (const participant of [1, 2]) {
      await term.waitForText('Start the next participant');
      await term.press('enter');
      await term.waitForText('Your role');
      if (participant === 2) {
        // Nothing of the previous participant is left on the screen or in the scroll-back.
        expect(term.fullText()).not.toContain(`/${QUICK} `);
        expect(term.fullText()).not.toContain('Thank you');
      }
      // Nothing is under the cursor at the role: a number picks it (1 Sales, 2 Marketing).
      await term.press(String(participant));
      await term.waitForText('Your name');
      await term.press('enter');
      await term.waitForText('Your team');
      await term.press('enter');
      await answer(term, 1, QUICK);
      await term.waitForText('Done: clear the screen');
      await term.press('enter');
    }
    await term.waitForText('2 answer files in');
    await term.press('up', 'enter');
    expect(await term.exited()).toBe(0);
    expect(term.fullText()).toContain('Round ended: 2 answer files in');
    // The files name their form: the command needs no --quick, and runs as printed.
    expect(term.fullText()).toMatch(/The team report again, or in another format: cash-test aggregate room$/m);
    expect((await cli(['aggregate', 'room'], { cwd })).code).toBe(0);
    expect(term.fullText()).toContain('The CASH test: team report  quick form · 2 respondents');
    expect(readdirSync(join(cwd, 'room')).sort()).toEqual(['marketing-01.yaml', 'sales-01.yaml']);
  });
});
