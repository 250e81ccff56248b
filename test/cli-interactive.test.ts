import { describe, expect, it } from 'vitest';
import { runCli, type Handlers } from '../src/cli.js';
import type { Context } from '../src/commands/context.js';

// argv → the command and the options it receives, for the interactive flags and the workshop command.

function dispatch(args: readonly string[]): { calls: [string, unknown][]; code: Promise<number>; stderr: () => string } {
  const calls: [string, unknown][] = [];
  const record =
    (name: string) =>
    async (options: unknown): Promise<0> => {
      calls.push([name, options]);
      return 0;
    };
  const handlers: Handlers = {
    run: record('run'),
    template: record('template'),
    bankLint: record('bankLint'),
    bankPrint: record('bankPrint'),
    schema: record('schema'),
    workshop: record('workshop'),
  };
  let stderr = '';
  const ctx: Context = { stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t) }, stdinIsTTY: false, env: {}, now: () => new Date() };
  return { calls, code: runCli(['node', 'cash-test', ...args], ctx, handlers), stderr: () => stderr };
}

describe('dispatch', () => {
  it.each<[string[], string, object]>([
    [[], 'run', { quick: false, force: false, resume: false, format: 'text' }],
    [['run', '--resume'], 'run', { resume: true, quick: false }],
    [['run', '--quick', '--role', 'sales', '--save', 'me.yaml', '--force'], 'run', { quick: true, role: 'sales', save: 'me.yaml', force: true, resume: false }],
    [['workshop', 'room'], 'workshop', { dir: 'room', quick: false }],
    [['workshop', 'room', '--quick', '--bank', 'my-bank'], 'workshop', { dir: 'room', quick: true, bank: 'my-bank' }],
  ])('%j → %s %j', async (args, command, options) => {
    const { calls, code } = dispatch(args);
    expect(await code).toBe(0);
    expect(calls).toEqual([[command, expect.objectContaining(options)]]);
  });

  it('wants a folder for the workshop', async () => {
    const { calls, code, stderr } = dispatch(['workshop']);
    expect(await code).toBe(2);
    expect(calls).toEqual([]);
    expect(stderr()).toContain("missing required argument 'dir'");
  });
});
