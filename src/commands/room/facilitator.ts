import { emitKeypressEvents } from 'node:readline';
import type { RoomCounts } from '../../core/room/counts.js';
import { RequestError } from '../../server/request-error.js';
import type { Context } from '../../context.js';
import type { Room } from './room.js';

// The facilitator's terminal while the room is open: the counts as they change (people by role, never a
// name or an answer), and the keys r (reveal) and e (end). Without a terminal it only prints the counts;
// the room ends on SIGINT or SIGTERM either way.

/** Resolves when the facilitator ends the room. */
export function watchFacilitator(room: Room, ctx: Context): Promise<void> {
  return new Promise((resolve) => {
    let last = '';
    const show = () => {
      const line = countsLine(room.status().counts, room.revealed);
      if (line !== last) ctx.stdout.write(`${line}\n`);
      last = line;
    };
    const stop = room.onStatus(show);
    show();

    const stdin = process.stdin;
    const keys = ctx.stdinIsTTY && stdin.isTTY;
    const onKey = (_: string, key: { name?: string; ctrl?: boolean } | undefined) => {
      if (key?.ctrl === true && key.name === 'c') end();
      else if (key?.name === 'e' || key?.name === 'q') end();
      else if (key?.name === 'r') {
        room.reveal().then(
          () => ctx.stdout.write('Revealed: the screen page shows the team report.\n'),
          (error: unknown) => {
            if (!(error instanceof RequestError)) throw error;
            ctx.stdout.write(`Not revealed: ${error.message}.\n`);
          },
        );
      }
    };
    if (keys) {
      emitKeypressEvents(stdin);
      stdin.setRawMode(true);
      stdin.on('keypress', onKey);
      stdin.resume();
    }
    const end = () => {
      stop();
      process.off('SIGINT', end);
      process.off('SIGTERM', end);
      if (keys) {
        stdin.off('keypress', onKey);
        stdin.setRawMode(false);
        stdin.pause();
      }
      resolve();
    };
    process.on('SIGINT', end);
    process.on('SIGTERM', end);
  });
}

export function countsLine(counts: RoomCounts, revealed: boolean): string {
  const byRole = (pick: (r: RoomCounts['byRole'][number]) => number) =>
    counts.byRole
      .filter((r) => pick(r) > 0)
      .map((r) => `${r.role} ${pick(r)}`)
      .join(', ');
  const joined = counts.joined === 0 ? 'nobody has joined yet' : `joined ${counts.joined} (${byRole((r) => r.joined)})`;
  const finished = counts.finished === 0 ? 'finished 0' : `finished ${counts.finished} (${byRole((r) => r.finished)})`;
  return `${joined} · ${finished}${counts.needed === null ? '' : ` · ${counts.needed}`}${revealed ? ' · revealed' : ''}`;
}
