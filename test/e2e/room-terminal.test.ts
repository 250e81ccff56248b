import { describe, expect, it } from 'vitest';
import { BIN, cli, ROOT, tempDir } from '../helpers/cli.js';
import { answer, joinRoom, send, type RunningRoom } from '../helpers/room.js';
import { startTerminal } from '../helpers/terminal.js';

// The facilitator's terminal: live counts by role, r to reveal, e to end.

describe('cash-test room at a terminal', () => {
  it('shows the counts as people join and finish; r reveals (only once someone finished), e ends with 0 after a reveal', async () => {
    const dir = tempDir();
    const term = await startTerminal({
      command: [process.execPath, BIN, 'room', dir, '--host', '127.0.0.1', '--port', '0', '--quick', '--min-group', '1'],
      cwd: ROOT,
      env: { CASH_TEST_STATE_DIR: tempDir() },
      cols: 200,
    });
    await term.waitForText('Keys: r reveals the results on the screen page, e ends the room.');
    const text = term.fullText();
    const join = /Join: (\S+)/.exec(text)?.[1] ?? '';
    const screen = /Screen: (\S+)/.exec(text)?.[1] ?? '';
    const url = new URL(join);
    const room = { origin: url.origin, joinToken: url.pathname.split('/')[2] ?? '', screenToken: new URL(screen).pathname.split('/')[2] ?? '' } as RunningRoom;

    await term.press('r');
    await term.waitForText('Not revealed: nobody has finished yet: there is nothing to reveal.');

    const credential = await joinRoom(room, { role: 'marketing' });
    await term.waitForText('joined 1 (marketing 1) · finished 0');
    const page = await send(room.origin, 'GET', `/j/${room.joinToken}`);
    const ids = (JSON.parse(/id="room-data">(.*?)<\/script>/s.exec(page.text)?.[1] ?? '{}') as { questions: { id: string }[] }).questions.map((q) => q.id);
    for (const id of ids) expect((await answer(room, credential, id, 5)).status).toBe(200);
    await term.waitForText('joined 1 (marketing 1) · finished 1 (marketing 1) · 1 more salesperson and the sales–marketing gap can be shown');

    await term.press('r');
    await term.waitForText('Revealed: the screen page shows the team report.');
    expect((await send(room.origin, 'GET', `/s/${room.screenToken}/report`)).status).toBe(200);
    await term.press('e');
    expect(await term.exited()).toBe(0);
    expect(term.fullText()).toContain('Room closed: 1 finished in this room.');
    // The answer files name their form: the closing hint needs no --quick, and runs as printed.
    expect(term.fullText().split('\n')).toContain(`The team report: cash-test aggregate ${dir}`);
    const again = await cli(['aggregate', dir, '--min-group', '1']);
    expect(again.code, again.stderr).toBe(0);
  });
});
