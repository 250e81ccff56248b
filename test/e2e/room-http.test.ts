import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/cli.js';
import { answer, joinRoom, roomState, send, startRoom, type RunningRoom } from '../helpers/room.js';

// Every refusal of the room's HTTP API, as a client on the Wi-Fi would meet it: a 4xx with a JSON error,
// and nothing written.

interface FormData {
  questions: { id: string }[];
  scale: { value: number }[];
}

async function formOf(room: RunningRoom): Promise<FormData> {
  const page = await send(room.origin, 'GET', `/j/${room.joinToken}`);
  const json = /<script type="application\/json" id="room-data">(.*?)<\/script>/s.exec(page.text)?.[1];
  if (json === undefined) throw new Error('no form data in the phone page');
  return JSON.parse(json) as FormData;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

function expectRefused(reply: { status: number; json: unknown; headers: Record<string, unknown> }, status: number): void {
  expect(reply.status).toBe(status);
  expect(reply.headers['content-type']).toMatch(/^application\/json/);
  expect(reply.json).toEqual({ error: expect.any(String) });
}

describe('cash-test room: the HTTP API refuses', () => {
  it('wrong tokens, wrong Host headers, path tricks and listings, writing nothing', async () => {
    const dir = tempDir();
    const room = await startRoom(dir);
    const before = filesUnder(dir);
    const j = room.joinToken;
    const s = room.screenToken;
    const wrong = `${j.slice(0, -1)}${j.endsWith('A') ? 'B' : 'A'}`;

    for (const path of [
      `/j/${wrong}`,
      `/s/${wrong}`,
      `/j/${s}`,
      `/s/${j}`,
      `/j/${wrong}/api/join`,
      '/',
      '/j',
      '/j/',
      `/x/${j}`,
      '/.cash-test-room/room.json',
      `/j/${j}/.cash-test-room/room.json`,
      `/s/${s}/api`,
    ]) {
      expectRefused(await send(room.origin, 'GET', path), 404);
    }
    for (const path of [
      `/j/${j}/../s/${s}/api/status`,
      `/j/${j}/./api/me`,
      `/j/${j}/api/answers/..%2F..%2Froom`,
      `/j/${j}/api/answers/C1%2F..`,
      `/j/${j}/api/answers/C1%00`,
      `/j/${j}%00`,
      `/j/${j}/api/answers/..\\..\\room`,
      `/j/${j}//api/me`,
      `/j/${j}/`,
    ]) {
      const reply = await send(room.origin, 'GET', path);
      expect([400, 404]).toContain(reply.status);
      expectRefused(reply, reply.status);
    }
    const url = new URL(room.join);
    for (const host of ['evil.example', `evil.example:${url.port}`, `127.0.0.1:${Number(url.port) + 1}`, '127.0.0.1', `localhost:${url.port}`]) {
      expectRefused(await send(room.origin, 'GET', `/j/${j}`, { headers: { Host: host } }), 421);
      expectRefused(await send(room.origin, 'GET', `/s/${s}/api/status`, { headers: { Host: host } }), 421);
    }
    expect(filesUnder(dir)).toEqual(before);
    expect((await room.stop()).code).toBe(130);
  });

  it('bad joins and bad answers: 4xx with a JSON error, nothing written', async () => {
    const dir = tempDir();
    const room = await startRoom(dir);
    const join = `/j/${room.joinToken}/api/join`;
    const before = filesUnder(dir);

    expectRefused(await send(room.origin, 'POST', join, { body: '{"respondent":', headers: { 'Content-Type': 'application/json' } }), 400);
    expectRefused(await send(room.origin, 'POST', join, { body: '{"respondent":{"role":"sales"}}', headers: { 'Content-Type': 'text/plain' } }), 415);
    expectRefused(await send(room.origin, 'POST', join, { json: { respondent: { role: 'sales', padding: 'x'.repeat(5000) } } }), 413);
    const chunked = await send(room.origin, 'POST', join, {
      body: Buffer.alloc(64 * 1024, 32),
      headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
    });
    expectRefused(chunked, 413);
    expectRefused(await send(room.origin, 'POST', join, { json: { respondent: { role: 'ceo' } } }), 400);
    expectRefused(await send(room.origin, 'POST', join, { json: { respondent: {} } }), 400);
    expectRefused(await send(room.origin, 'POST', join, { json: { respondent: { role: 'sales' }, admin: true } }), 400);
    expectRefused(await send(room.origin, 'POST', join, { json: { respondent: { role: 'sales', name: 'Dana' } } }), 400);
    expectRefused(await send(room.origin, 'POST', join, { json: [1, 2] }), 400);
    expectRefused(await send(room.origin, 'GET', join), 405);
    expect(filesUnder(dir)).toEqual(before);

    const { questions } = await formOf(room);
    const first = questions[0]?.id ?? '';
    const mine = await joinRoom(room, { role: 'sales' });
    const theirs = await joinRoom(room, { role: 'marketing' });
    expect((await answer(room, mine, first, 4)).status).toBe(200);
    const saved = filesUnder(dir).map((f) => [f, readFileSync(f, 'utf8')]);

    for (const value of [0, 6, 9, -1, 3.5, '4', 'yes', null, true, { value: 4 }, [4]]) {
      expectRefused(await answer(room, mine, questions[1]?.id ?? '', value), 400);
    }
    for (const id of ['C999', 'c1', '__proto__', 'constructor', 'toString']) {
      expectRefused(await answer(room, mine, id, 3), 400);
    }
    // A question of the full form that the quick form does not ask.
    const full = (await cli(['template'])).stdout.match(/^ {2}([A-Z]+\d+):/gm)?.map((l) => l.trim().slice(0, -1)) ?? [];
    const notQuick = full.find((id) => !questions.some((q) => q.id === id));
    expect(notQuick).toBeDefined();
    expectRefused(await answer(room, mine, notQuick ?? '', 3), 400);

    const [theirId] = theirs.split('.');
    const [, mySecret] = mine.split('.');
    const me = `/j/${room.joinToken}/api/me`;
    for (const credential of [`${theirId}.${mySecret}`, `${theirId}`, `${theirId}.`, `${mine}x`, `${mine}.extra`, 'x'.repeat(300)]) {
      expectRefused(await send(room.origin, 'GET', me, { headers: { Authorization: `Bearer ${credential}` } }), 401);
      expectRefused(await answer(room, credential, first, 1), 401);
    }
    expectRefused(await send(room.origin, 'GET', me), 401);
    expectRefused(await send(room.origin, 'GET', me, { headers: { Authorization: mine } }), 401);
    // Their answers are theirs: mine did not reach them, and theirs are not mine to read.
    const theirState = await send(room.origin, 'GET', me, { headers: { Authorization: `Bearer ${theirs}` } });
    expect(theirState.json).toMatchObject({ answers: {}, next: 0, finished: false });

    expect(filesUnder(dir).map((f) => [f, readFileSync(f, 'utf8')])).toEqual(saved);
    expect((await room.stop()).code).toBe(130);
  });

  it('serves no figure before the reveal, then the same report as aggregate --format html', async () => {
    const dir = tempDir();
    const room = await startRoom(dir);
    const { questions } = await formOf(room);
    const screen = `/s/${room.screenToken}`;

    expectRefused(await send(room.origin, 'GET', `${screen}/report`), 409);
    expectRefused(await send(room.origin, 'POST', `${screen}/api/reveal`, { json: {} }), 409);

    const roles = ['sales', 'sales', 'sales', 'marketing', 'marketing', 'marketing'];
    await Promise.all(
      roles.map(async (role, p) => {
        const credential = await joinRoom(room, { role });
        for (const [k, q] of questions.entries()) {
          const reply = await answer(room, credential, q.id, role === 'sales' ? 1 + ((k + p) % 3) : 5 - ((k + p) % 2));
          expect(reply.status).toBe(200);
        }
      }),
    );
    const status = await send(room.origin, 'GET', `${screen}/api/status`);
    expect(status.json).toEqual({
      counts: {
        joined: 6,
        finished: 6,
        byRole: [
          { role: 'sales', joined: 6 / 2, finished: 3 },
          { role: 'marketing', joined: 3, finished: 3 },
        ],
        needed: null,
      },
      revealed: false,
    });
    const lobby = await send(room.origin, 'GET', screen);
    expect(lobby.text).not.toMatch(/\/100|Team score/);
    expectRefused(await send(room.origin, 'GET', `${screen}/report`), 409);

    expect((await send(room.origin, 'POST', `${screen}/api/reveal`, { json: {} })).status).toBe(200);
    const report = await send(room.origin, 'GET', `${screen}/report`);
    expect(report.status).toBe(200);
    expect(report.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-/);
    expect(readdirSync(dir).sort()).toEqual([
      '.cash-test-room',
      'marketing-01.yaml',
      'marketing-02.yaml',
      'marketing-03.yaml',
      'sales-01.yaml',
      'sales-02.yaml',
      'sales-03.yaml',
    ]);
    expect(readdirSync(join(roomState(dir), 'progress'))).toEqual([]);

    const aggregate = await cli(['aggregate', dir, '--quick', '--format', 'html']);
    expect(aggregate.code).toBe(0);
    const undated = (html: string) => html.replace(/Made \d{4}-\d{2}-\d{2}/, 'Made DATE');
    expect(undated(report.text)).toBe(undated(aggregate.stdout));
    expect((await room.stop()).code).toBe(0);
  });

  it('limits each client’s rate', async () => {
    const room = await startRoom(tempDir());
    const replies = [];
    for (let i = 0; i < 160; i++) replies.push((await send(room.origin, 'GET', `/j/${'A'.repeat(22)}`)).status);
    expect(replies.slice(0, 100).every((s) => s === 404)).toBe(true);
    expect(replies).toContain(429);
    await room.stop();
  });
});
