import process from 'node:process';
import { spawn } from '@lydell/node-pty';
import type { IPty } from '@lydell/node-pty';
// @xterm/headless is a CommonJS bundle whose named exports Node cannot detect.
import xtermHeadless from '@xterm/headless';
import type { Terminal as XtermTerminal } from '@xterm/headless';
import { onTestFinished } from 'vitest';
import { SLOW_TEST_TIMEOUT_MS } from './timeouts.js';

const { Terminal } = xtermHeadless;

export interface TerminalOptions {
  /** Program and arguments, e.g. `[process.execPath, 'bin/cash-test.js', 'run']`. */
  command: readonly string[];
  cwd?: string;
  /**
   * Added to a clean environment (PATH, HOME, TMPDIR, LANG, TERM); `undefined` removes a variable.
   * The test runner's own environment (CI, FORCE_COLOR, NO_COLOR, VITEST*, npm_*) is not passed on
   * unless `inheritEnv` is set, so a run behaves the same locally and in CI.
   */
  env?: Record<string, string | undefined>;
  inheritEnv?: boolean;
  cols?: number;
  rows?: number;
}

export interface WaitOptions {
  timeoutMs?: number;
}

export type KeyName =
  | 'enter'
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'home'
  | 'end'
  | 'pageup'
  | 'pagedown'
  | 'tab'
  | 'shift-tab'
  | 'space'
  | 'backspace'
  | 'delete'
  | 'escape'
  | 'ctrl-c'
  | 'ctrl-d';

export interface TerminalSession {
  readonly pid: number;
  /** The visible screen as plain text: trailing spaces and trailing blank lines removed. */
  screen(): string;
  /** Scrollback and screen together, for output that has scrolled off the top. */
  fullText(): string;
  /** The lines (scrollback included) that ran past the right edge, so that the terminal itself carried them on to the next line. */
  overflowed(): string[];
  /** Resolves with the screen once it shows `pattern`; rejects (showing the screen) on timeout or exit. */
  waitForText(pattern: string | RegExp, options?: WaitOptions): Promise<string>;
  /** Each argument is a key name or a single character, sent in order. */
  press(...keys: Array<KeyName | (string & {})>): Promise<void>;
  /** Sends text as typed, character for character. */
  type(text: string): Promise<void>;
  /** Exit code; a death by signal N gives 128 + N, as a shell reports it. */
  exited(options?: WaitOptions): Promise<number>;
  /** Kills the process group if still running and frees the terminal. Safe to call twice. */
  close(): Promise<void>;
}

/** A wait gives up well before the test's own timeout, so that its message (with the screen) is the one shown. */
export const DEFAULT_TIMEOUT_MS = SLOW_TEST_TIMEOUT_MS / 4;
const POLL_INTERVAL_MS = 20;
const CLOSE_GRACE_MS = 2_000;

const KEYS: Record<KeyName, string> = {
  enter: '\r',
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  home: '\x1b[H',
  end: '\x1b[F',
  pageup: '\x1b[5~',
  pagedown: '\x1b[6~',
  tab: '\t',
  'shift-tab': '\x1b[Z',
  space: ' ',
  backspace: '\x7f',
  delete: '\x1b[3~',
  escape: '\x1b',
  'ctrl-c': '\x03',
  'ctrl-d': '\x04',
};

// In application cursor mode (DECCKM) the arrow keys send SS3 sequences instead of CSI.
const APPLICATION_CURSOR_KEYS: Partial<Record<KeyName, string>> = {
  up: '\x1bOA',
  down: '\x1bOB',
  right: '\x1bOC',
  left: '\x1bOD',
  home: '\x1bOH',
  end: '\x1bOF',
};

function buildEnv(options: TerminalOptions): Record<string, string> {
  const env: Record<string, string> = {};
  const base: Record<string, string | undefined> = options.inheritEnv
    ? { ...process.env }
    : { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR };
  for (const [name, value] of Object.entries({
    LANG: 'C.UTF-8',
    TERM: 'xterm-256color',
    ...base,
    ...options.env,
  })) {
    if (value !== undefined) env[name] = value;
  }
  return env;
}

function readLines(xterm: XtermTerminal, from: number, to: number): string {
  const buffer = xterm.buffer.active;
  const lines: string[] = [];
  for (let y = from; y < to; y++) {
    lines.push(buffer.getLine(y)?.translateToString(true) ?? '');
  }
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

function matches(text: string, pattern: string | RegExp): boolean {
  if (typeof pattern === 'string') return text.includes(pattern);
  pattern.lastIndex = 0;
  return pattern.test(text);
}

/** Starts `command` in a real pseudo-terminal; call it inside a test, which closes it when it finishes. */
export async function startTerminal(options: TerminalOptions): Promise<TerminalSession> {
  const [file, ...args] = options.command;
  if (file === undefined) throw new Error('startTerminal: command is empty');
  const cols = options.cols ?? 100;
  const rows = options.rows ?? 40;
  const env = buildEnv(options);

  // In @xterm/headless 6 the buffer API that screen() reads counts as proposed API.
  const xterm = new Terminal({ cols, rows, scrollback: 5_000, allowProposedApi: true });
  const pty: IPty = spawn(file, args, {
    name: env.TERM ?? 'xterm-256color',
    cols,
    rows,
    cwd: options.cwd ?? process.cwd(),
    env,
    encoding: 'utf8',
  });

  let exitCode: number | undefined;
  let pendingWrite: Promise<void> = Promise.resolve();
  let closed = false;

  pty.onData((data) => {
    pendingWrite = new Promise((resolve) => xterm.write(data, resolve));
  });
  // Answers the program's terminal queries (cursor position, device attributes) as a real terminal would.
  xterm.onData((data) => {
    if (exitCode === undefined && !closed) pty.write(data);
  });
  const exit = new Promise<number>((resolve) => {
    pty.onExit(({ exitCode: code, signal }) => {
      const status = signal ? 128 + signal : code;
      exitCode = status;
      void pendingWrite.then(() => resolve(status));
    });
  });

  const screen = (): string => {
    const top = xterm.buffer.active.viewportY;
    return readLines(xterm, top, top + xterm.rows);
  };
  const describe = (): string =>
    `command: ${options.command.join(' ')}\n` +
    `${exitCode === undefined ? 'still running' : `exited with ${exitCode}`}; screen:\n` +
    `----------\n${screen()}\n----------`;

  const send = async (data: string): Promise<void> => {
    if (exitCode !== undefined || closed) {
      throw new Error(`cannot send ${JSON.stringify(data)}: the program has ended\n${describe()}`);
    }
    pty.write(data);
  };

  const session: TerminalSession = {
    pid: pty.pid,
    screen,
    fullText: () => readLines(xterm, 0, xterm.buffer.active.length),
    overflowed: () => {
      const buffer = xterm.buffer.active;
      const lines: string[] = [];
      for (let y = 1; y < buffer.length; y++) if (buffer.getLine(y)?.isWrapped) lines.push(buffer.getLine(y - 1)?.translateToString(true) ?? '');
      return lines;
    },

    async waitForText(pattern, waitOptions = {}) {
      const timeoutMs = waitOptions.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const ended = exitCode !== undefined;
        if (ended) await pendingWrite;
        const current = screen();
        if (matches(current, pattern)) return current;
        if (ended) {
          throw new Error(`program ended before the screen showed ${String(pattern)}\n${describe()}`);
        }
        if (Date.now() >= deadline) {
          throw new Error(`timed out after ${timeoutMs} ms waiting for ${String(pattern)}\n${describe()}`);
        }
        await Promise.race([exit, new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS))]);
      }
    },

    async press(...keys) {
      const appCursor = xterm.modes.applicationCursorKeysMode;
      let data = '';
      for (const key of keys) {
        const name = key.toLowerCase();
        const sequence = Object.hasOwn(KEYS, name) ? ((appCursor ? APPLICATION_CURSOR_KEYS[name as KeyName] : undefined) ?? KEYS[name as KeyName]) : undefined;
        if (sequence !== undefined) data += sequence;
        else if ([...key].length === 1) data += key;
        else throw new Error(`press: unknown key ${JSON.stringify(key)}; use type() for text`);
      }
      await send(data);
    },

    async type(text) {
      await send(text);
    },

    async exited(waitOptions = {}) {
      const timeoutMs = waitOptions.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`program still running after ${timeoutMs} ms\n${describe()}`)), timeoutMs);
      });
      try {
        return await Promise.race([exit, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },

    async close() {
      if (closed) return;
      closed = true;
      if (exitCode === undefined) {
        // The pty made the program a session leader, so -pid also reaches any children it started.
        try {
          process.kill(-pty.pid, 'SIGKILL');
        } catch {
          try {
            pty.kill('SIGKILL');
          } catch {
            // already gone
          }
        }
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([exit, new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS)))]);
        clearTimeout(timer);
      }
      xterm.dispose();
    },
  };
  onTestFinished(() => session.close());
  return session;
}
