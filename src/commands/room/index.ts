import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { renderUnicodeCompact } from 'uqr';
import type { Form } from '../../core/bank.js';
import { inputError, type ExitCode } from '../../core/errors.js';
import { chooseAddress } from '../../core/room/address.js';
import type { Role } from '../../core/roles.js';
import { loadBank } from '../../io/load-bank.js';
import { renderPhonePage } from '../../render/room/phone-page.js';
import { renderLobbyPage, renderSlidesPage } from '../../render/room/screen-page.js';
import { bankAndFormFlags, shellQuote } from '../shell-quote.js';
import { startRoomServer, type RoomServer } from '../../server/server.js';
import type { Context } from '../../context.js';
import { watchFacilitator } from './facilitator.js';
import { Room, type RoomPages } from './room.js';
import { RoomFolder } from './room-folder.js';

export interface RoomOptions {
  dir: string;
  bank?: string;
  quick: boolean;
  host?: string;
  port?: number;
  minGroup: number;
  showRole: Role[];
  names: boolean;
  showOwn: boolean;
}

/** The port a new room listens on unless --port says otherwise; the next free one when it is taken. */
export const DEFAULT_PORT = 8347;
const PORTS_TO_TRY = 20;

export async function room(options: RoomOptions, ctx: Context): Promise<ExitCode> {
  const bank = await loadBank(options.bank);
  const form: Form = options.quick ? 'quick' : 'full';
  const folder = new RoomFolder(resolve(options.dir));
  const settings = {
    bank,
    form,
    minGroup: options.minGroup,
    showRoles: options.showRole,
    names: options.names,
    showOwn: options.showOwn,
    bankFlags: bankAndFormFlags({ bank: options.bank, quick: false }),
    now: () => ctx.now(),
  };
  let joinUrl = '';
  const pages: RoomPages = {
    phone: (r) => renderPhonePage({ bank, questions: r.form, names: options.names }),
    lobby: () => renderLobbyPage(bank.title, joinUrl, options.names),
    slides: (r, report) => renderSlidesPage(report, `/s/${r.screenToken}/report`),
  };

  const saved = await folder.loadRoom();
  if (saved && saved.form !== form) {
    throw inputError(
      `this room was started with the ${saved.form} form`,
      `start it again ${saved.form === 'quick' ? 'with' : 'without'} --quick: ${roomCommand({ ...options, quick: saved.form === 'quick' })}`,
    );
  }
  if (saved && saved.bank.hash !== bank.hash) {
    throw inputError(
      `this room was started with question bank ${saved.bank.id} ${saved.bank.version}, and the bank is now ${bank.id} ${bank.version}${saved.bank.version === bank.version ? ' with other content' : ''}`,
      'start the room with the bank it was started with (--bank), or in a new folder',
    );
  }

  const choice = chooseAddress(networkInterfaces());
  const host = options.host ?? (saved && choice.candidates.some((c) => c.address === saved.host) ? saved.host : choice.address);
  if (host === null) {
    throw inputError(
      'loopbackOnly' in choice && choice.loopbackOnly
        ? 'this laptop is on no network, so phones cannot reach the room'
        : 'this laptop has no private network address (192.168.x.x, 10.x.x.x or 172.16-31.x.x), so phones on the Wi-Fi cannot reach the room',
      "join the room's Wi-Fi (guest networks often keep devices from reaching each other; a phone's hotspot works), or pass --host",
    );
  }
  const room_ = await Room.open(folder, settings, pages, { host, port: 1 });
  // --port 0 picks a free port for a new room; a reopened room listens where it did, so its URLs stay the same.
  const port = options.port !== undefined && options.port !== 0 ? options.port : (saved?.port ?? options.port);
  const server = await listen(room_, host, port, options.port === undefined && saved === null);
  await room_.listenAt(host, server.port);
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${server.port}`;
  joinUrl = `${origin}/j/${room_.joinToken}`;
  const screenUrl = `${origin}/s/${room_.screenToken}`;

  const others = choice.candidates.filter((c) => c.address !== host);
  ctx.stdout.write(
    [
      renderUnicodeCompact(joinUrl, { border: 1 }),
      `Scan the code, or open ${joinUrl} on a phone on the same Wi-Fi.`,
      ...(others.length > 0
        ? [
            `Other addresses of this laptop: ${others.map((c) => `${c.address} (${c.interface})`).join(', ')}. If phones cannot open the page, start again with --host <address>.`,
          ]
        : []),
      ...(host.startsWith('127.') || host === 'localhost' ? ['This address is this laptop only: phones cannot reach it.'] : []),
      `Join: ${joinUrl}`,
      `Screen: ${screenUrl}`,
      `Answers are saved into ${options.dir}. ${ctx.stdinIsTTY ? 'Keys: r reveals the results on the screen page, e ends the room.' : 'Reveal from the screen page; Ctrl-C or SIGTERM ends the room.'}`,
      '',
    ].join('\n'),
  );

  try {
    await watchFacilitator(room_, ctx);
  } finally {
    await server.close();
    await folder.close();
  }
  const { counts, revealed } = room_.status();
  const unfinished = counts.joined - counts.finished;
  ctx.stdout.write(
    `\nRoom closed: ${counts.finished} finished in this room${unfinished > 0 ? `, ${unfinished} unfinished (kept: start the room again to let them carry on)` : ''}.\n` +
      `The team report: cash-test aggregate ${[shellQuote(options.dir), ...bankAndFormFlags({ bank: options.bank, quick: false })].join(' ')}\n`,
  );
  return revealed ? 0 : 130;
}

async function listen(room_: Room, host: string, port: number | undefined, mayMove: boolean): Promise<RoomServer> {
  const first = port ?? DEFAULT_PORT;
  for (let p = first; ; p++) {
    try {
      return await startRoomServer(room_, host, p);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' && mayMove && port === undefined && p < first + PORTS_TO_TRY) continue;
      if (code === 'EADDRINUSE') throw inputError(`port ${p} on ${host} is taken by another program`, 'pass another --port (0 picks a free one)');
      if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
        throw inputError(`--host ${host} is not an address of this laptop`, 'leave out --host to use the Wi-Fi address, or name one that `ip addr` lists');
      throw error;
    }
  }
}

function roomCommand(options: RoomOptions): string {
  return ['cash-test', 'room', shellQuote(options.dir), ...bankAndFormFlags(options)].join(' ');
}
