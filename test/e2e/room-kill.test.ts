import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { parse } from 'yaml';
import { launchChromium } from '../helpers/browser.js';
import { cli, tempDir } from '../helpers/cli.js';
import { answer, joinRoom, roomState, send, startRoom, type RunningRoom } from '../helpers/room.js';

// kill -9 of the room's server in the middle of a round, then the same command again: the same room,
// the same URLs, every answer the server confirmed still there, and the phones carry on.

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function formIds(room: RunningRoom): Promise<string[]> {
  const page = await send(room.origin, 'GET', `/j/${room.joinToken}`);
  const json = /<script type="application\/json" id="room-data">(.*?)<\/script>/s.exec(page.text)?.[1] ?? '{}';
  return (JSON.parse(json) as { questions: { id: string }[] }).questions.map((q) => q.id);
}

/** The role and answers of each answer file in the room's folder. */
function answerFiles(dir: string): { role: string; answers: Record<string, unknown> }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => parse(readFileSync(join(dir, f), 'utf8')) as { respondent: { role: string }; answers: Record<string, unknown> })
    .map((file) => ({ role: file.respondent.role, answers: file.answers }));
}

describe('cash-test room killed with SIGKILL', () => {
  it('reopens the same room with every confirmed answer; the phones carry on', async () => {
    const dir = tempDir();
    const state = tempDir();
    const first = await startRoom(dir, ['--quick'], state);
    const ids = await formIds(first);

    // A phone in Chromium answers three statements.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const phone = await context.newPage();
    await phone.goto(first.join);
    await phone.getByRole('button', { name: 'Marketing', exact: true }).tap();
    for (let k = 1; k <= 3; k++) {
      await expect.poll(() => phone.locator('.progress').textContent()).toMatch(new RegExp(`^${k}/`));
      await phone.getByRole('button', { name: /^4 · / }).tap();
    }
    await expect.poll(() => phone.locator('.progress').textContent()).toMatch(/^4\//);

    // Six more participants answer as fast as they can; the server is killed while they do.
    const roles = ['sales', 'sales', 'sales', 'marketing', 'marketing', 'leadership'];
    const people = await Promise.all(roles.map((role) => joinRoom(first, { role })));
    const confirmed = people.map(() => new Map<string, number>());
    let stopped = false;
    const round = Promise.all(
      people.map(async (credential, p) => {
        for (const [k, id] of ids.entries()) {
          if (stopped) return;
          const value = 1 + ((k + p) % 5);
          const reply = await answer(first, credential, id, value).catch(() => null);
          if (reply === null) return;
          expect(reply.status).toBe(200);
          confirmed[p]?.set(id, value);
        }
      }),
    );
    await expect.poll(() => confirmed.reduce((n, m) => n + m.size, 0)).toBeGreaterThan(10);
    const killed = await first.stop('SIGKILL');
    stopped = true;
    await round;
    expect(killed.signal).toBe('SIGKILL');
    const beforeRestart = confirmed.reduce((n, m) => n + m.size, 0);
    expect(beforeRestart).toBeLessThan(people.length * ids.length);

    // The phone taps while the laptop is away: it says so and stays on the statement.
    await phone.getByRole('button', { name: /^2 · / }).tap();
    await phone.getByRole('alert').waitFor();
    expect(await phone.locator('.progress').textContent()).toMatch(/^4\//);

    const second = await startRoom(dir, ['--quick'], state);
    expect([second.join, second.screen]).toEqual([first.join, first.screen]);
    for (const [p, credential] of people.entries()) {
      const me = await send(second.origin, 'GET', `/j/${second.joinToken}/api/me`, { headers: { Authorization: `Bearer ${credential}` } });
      expect(me.status).toBe(200);
      const { answers, next, finished } = me.json as { answers: Record<string, number>; next: number | null; finished: boolean };
      if (finished) {
        // The last answer was saved, and the answer file written, as the server was killed: its reply never came.
        expect(
          answerFiles(dir)
            .filter((file) => file.role === roles[p])
            .map((file) => file.answers),
        ).toContainEqual(expect.objectContaining(Object.fromEntries(confirmed[p] ?? [])));
        continue;
      }
      expect(answers).toMatchObject(Object.fromEntries(confirmed[p] ?? []));
      // Each carries on at its first unanswered statement, to the end.
      for (let k = next ?? ids.length; k < ids.length; k++) expect((await answer(second, credential, ids[k] ?? '', 3)).status).toBe(200);
    }
    await phone.getByRole('button', { name: /^2 · / }).tap();
    for (let k = 5; k <= ids.length; k++) {
      await expect.poll(() => phone.locator('.progress').textContent()).toMatch(new RegExp(`^${k}/`));
      await phone.getByRole('button', { name: /^2 · / }).tap();
    }
    await phone.getByRole('heading', { name: 'Thank you!' }).waitFor();
    await context.close();

    expect(
      readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .sort(),
    ).toEqual(['leadership-01.yaml', 'marketing-01.yaml', 'marketing-02.yaml', 'marketing-03.yaml', 'sales-01.yaml', 'sales-02.yaml', 'sales-03.yaml']);
    const status = await send(second.origin, 'GET', `/s/${second.screenToken}/api/status`);
    expect(status.json).toMatchObject({ counts: { joined: 7, finished: 7 } });
    const aggregate = await cli(['aggregate', dir, '--quick', '--format', 'json']);
    expect(aggregate.code, aggregate.stderr).toBe(0);
    expect((JSON.parse(aggregate.stdout) as { respondents: { total: number } }).respondents.total).toBe(7);
    expect((await second.stop()).code).toBe(130);
  });

  it('a finish cut short by the kill is completed on restart, never written twice', async () => {
    const dir = tempDir();
    const state = tempDir();
    const first = await startRoom(dir, ['--quick'], state);
    const ids = await formIds(first);
    const [one, two] = [await joinRoom(first, { role: 'sales' }), await joinRoom(first, { role: 'sales' })];
    for (const id of ids.slice(0, -1)) {
      expect((await answer(first, one, id, 2)).status).toBe(200);
      expect((await answer(first, two, id, 4)).status).toBe(200);
    }
    const idOf = (credential: string) => credential.split('.')[0] ?? '';
    const participantFile = (credential: string) => join(roomState(dir), 'participants', `${idOf(credential)}.json`);
    const recordOfTwo = readFileSync(participantFile(two), 'utf8');
    expect((await answer(first, two, ids.at(-1) ?? '', 4)).status).toBe(200);
    await first.stop('SIGKILL');
    const written = readFileSync(join(dir, 'sales-01.yaml'), 'utf8');

    const journal = join(roomState(dir), 'progress.journal');
    const lines = readFileSync(journal, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { save?: { id: string; answers: Record<string, number> }; remove?: string });
    const lastOf = (credential: string) => lines.filter((l) => l.save?.id === `run-room-${idOf(credential)}`).at(-1)?.save;
    const one_ = lastOf(one);
    if (one_ === undefined) throw new Error('no progress of the first participant in the journal');
    // One: the last answer saved, the server killed before the answer file was written.
    one_.answers[ids.at(-1) ?? ''] = 2;
    // Two: the answer file written, the server killed before that was noted and the progress removed.
    const kept = lines.filter((l) => l.remove !== `run-room-${idOf(two)}`);
    expect(kept.length).toBe(lines.length - 1);
    writeFileSync(journal, [...kept, { save: one_ }].map((l) => `${JSON.stringify(l)}\n`).join(''));
    writeFileSync(participantFile(two), recordOfTwo);

    const second = await startRoom(dir, ['--quick'], state);
    expect(
      readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .sort(),
    ).toEqual(['sales-01.yaml', 'sales-02.yaml']);
    expect(readFileSync(join(dir, 'sales-01.yaml'), 'utf8')).toBe(written);
    expect(readdirSync(join(roomState(dir), 'progress'))).toEqual([]);
    const status = await send(second.origin, 'GET', `/s/${second.screenToken}/api/status`);
    expect(status.json).toMatchObject({ counts: { joined: 2, finished: 2 } });
    await second.stop();
  });
});
