import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { BIN, ROOT, tempDir } from './cli.js';
import { SLOW_TEST_TIMEOUT_MS } from './timeouts.js';

// `cash-test room` as the facilitator runs it: the built binary, its Join and Screen lines read from stdout,
// and HTTP requests sent exactly as given (raw paths, any Host header), on 127.0.0.1 only.

export interface RunningRoom {
  join: string;
  screen: string;
  /** http://127.0.0.1:port */
  origin: string;
  joinToken: string;
  screenToken: string;
  output(): string;
  /** Sends the signal and waits for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

export async function startRoom(dir: string, args: readonly string[] = ['--quick'], stateDir = tempDir()): Promise<RunningRoom> {
  const child: ChildProcess = spawn(process.execPath, [BIN, 'room', dir, '--host', '127.0.0.1', '--port', '0', ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', CASH_TEST_STATE_DIR: stateDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const lines = await new Promise<{ join: string; screen: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the room did not start:\n${stdout}\n${stderr}`)), SLOW_TEST_TIMEOUT_MS);
    const look = () => {
      const join = /^Join: (\S+)$/m.exec(stdout)?.[1];
      const screen = /^Screen: (\S+)$/m.exec(stdout)?.[1];
      if (join && screen) {
        clearTimeout(timer);
        resolve({ join, screen });
      }
    };
    child.stdout?.on('data', look);
    void exited.then(({ code }) => reject(new Error(`the room exited ${code}:\n${stdout}\n${stderr}`)));
  });
  const url = new URL(lines.join);
  return {
    ...lines,
    origin: url.origin,
    joinToken: url.pathname.split('/')[2] ?? '',
    screenToken: new URL(lines.screen).pathname.split('/')[2] ?? '',
    output: () => stdout,
    async stop(signal = 'SIGTERM') {
      child.kill(signal);
      const result = await exited;
      return { ...result, stdout, stderr };
    },
  };
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: unknown;
}

/** One request to the room, with the path sent as written (no normalising of `..` or escapes). */
export function send(
  origin: string,
  method: string,
  path: string,
  options: { body?: string | Buffer; headers?: Record<string, string>; json?: unknown } = {},
): Promise<Reply> {
  const { hostname, port } = new URL(origin);
  const body = options.json === undefined ? options.body : JSON.stringify(options.json);
  const headers = { ...(options.json === undefined ? {} : { 'Content-Type': 'application/json' }), ...options.headers };
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, method, path, headers, setHost: !Object.keys(headers).some((h) => h.toLowerCase() === 'host') }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        let json: unknown = null;
        try {
          json = JSON.parse(text);
        } catch {
          json = null;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** Joins as a participant; returns the credential for `Authorization: Bearer …`. */
export async function joinRoom(room: RunningRoom, respondent: Record<string, unknown>): Promise<string> {
  const reply = await send(room.origin, 'POST', `/j/${room.joinToken}/api/join`, { json: { respondent } });
  if (reply.status !== 201) throw new Error(`join: ${reply.status} ${reply.text}`);
  return (reply.json as { credential: string }).credential;
}

export function answer(room: RunningRoom, credential: string, question: string, value: unknown): Promise<Reply> {
  return send(room.origin, 'PUT', `/j/${room.joinToken}/api/answers/${question}`, { json: { value }, headers: { Authorization: `Bearer ${credential}` } });
}

export function roomState(dir: string): string {
  return join(dir, '.cash-test-room');
}
