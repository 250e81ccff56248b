import { describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { runCli, type Handlers } from '../src/cli.js';
import type { Context } from '../src/context.js';
import { InputError, type ExitCode } from '../src/core/errors.js';

interface Call {
  command: keyof Handlers;
  options: unknown;
}

/** Runs argv through the real commander wiring with handlers that only record what they were given. */
async function dispatch(args: readonly string[], exitCode: ExitCode = 0) {
  const calls: Call[] = [];
  let stdout = '';
  let stderr = '';
  const ctx: Context = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdinIsTTY: false,
    env: {},
    cwd: '/',
    now: () => new Date(0),
  };
  const record =
    (command: keyof Handlers) =>
    async (options: unknown, got: Context): Promise<ExitCode> => {
      expect(got).toBe(ctx);
      calls.push({ command, options });
      return exitCode;
    };
  const handlers: Handlers = {
    run: record('run'),
    template: record('template'),
    bankLint: record('bankLint'),
    bankPrint: record('bankPrint'),
    schema: record('schema'),
    aggregate: record('aggregate'),
    compare: record('compare'),
    workshop: record('workshop'),
    room: record('room'),
  };
  const code = await runCli(['node', 'cash-test', ...args], ctx, handlers);
  return { code, calls, stdout, stderr };
}

const RUN_DEFAULTS = { quick: false, format: 'text', force: false, resume: false };
const AGGREGATE_DEFAULTS = { quick: false, minGroup: 3, showRole: [], showNames: false, format: 'text', force: false };

describe('runCli dispatch', () => {
  it.each([
    { args: [], command: 'run', options: RUN_DEFAULTS },
    { args: ['run'], command: 'run', options: RUN_DEFAULTS },
    { args: ['--quick', '--role', 'sales'], command: 'run', options: { ...RUN_DEFAULTS, quick: true, role: 'sales' } },
    {
      args: ['run', '--answers', 'me.yaml', '--format', 'json', '--out', 'r.json', '--force', '--bank', 'my-bank'],
      command: 'run',
      options: { ...RUN_DEFAULTS, answers: 'me.yaml', format: 'json', out: 'r.json', force: true, bank: 'my-bank' },
    },
    {
      args: ['run', '--answers', 'me.yml', '--fail-under', '60', '--fail-pillar-under', '40.5'],
      command: 'run',
      options: { ...RUN_DEFAULTS, answers: 'me.yml', failUnder: 60, failPillarUnder: 40.5 },
    },
    { args: ['--fail-under', '0'], command: 'run', options: { ...RUN_DEFAULTS, failUnder: 0 } },
    { args: ['--fail-under', '100'], command: 'run', options: { ...RUN_DEFAULTS, failUnder: 100 } },
    {
      args: ['run', '--format', 'markdown', '--save', 'me.yaml', '--resume'],
      command: 'run',
      options: { ...RUN_DEFAULTS, format: 'markdown', save: 'me.yaml', resume: true },
    },
    {
      args: ['--answers', 'me.yaml', '--format', 'html', '--out', 'me.html'],
      command: 'run',
      options: { ...RUN_DEFAULTS, answers: 'me.yaml', format: 'html', out: 'me.html' },
    },
    { args: ['template'], command: 'template', options: { quick: false, force: false } },
    {
      args: ['template', '--quick', '--bank', 'b', '--out', 't.yaml', '--force'],
      command: 'template',
      options: { quick: true, bank: 'b', out: 't.yaml', force: true },
    },
    { args: ['bank', 'lint'], command: 'bankLint', options: {} },
    { args: ['bank', 'lint', './my-bank'], command: 'bankLint', options: { dir: './my-bank' } },
    { args: ['bank', 'print'], command: 'bankPrint', options: { quick: false, format: 'markdown', force: false } },
    {
      args: ['bank', 'print', '--format', 'json', '--quick', '--bank', 'b'],
      command: 'bankPrint',
      options: { quick: true, format: 'json', bank: 'b', force: false },
    },
    { args: ['schema', 'answers'], command: 'schema', options: { kind: 'answers' } },
    { args: ['schema', 'result'], command: 'schema', options: { kind: 'result' } },
    { args: ['aggregate', 'answers/'], command: 'aggregate', options: { ...AGGREGATE_DEFAULTS, paths: ['answers/'] } },
    { args: ['aggregate', 'a.csv', 'b/', 'c.yaml'], command: 'aggregate', options: { ...AGGREGATE_DEFAULTS, paths: ['a.csv', 'b/', 'c.yaml'] } },
    {
      args: ['aggregate', 'a/', '--show-role', 'leadership', '--show-role', 'RevOps', '--show-role', 'leadership'],
      command: 'aggregate',
      options: { ...AGGREGATE_DEFAULTS, showRole: ['leadership', 'revops'], paths: ['a/'] },
    },
    {
      args: [
        'aggregate',
        'x.csv',
        '--bank',
        'b',
        '--quick',
        '--min-group',
        '5',
        '--show-names',
        '--map',
        'map.yaml',
        '--format',
        'csv',
        '--out',
        'team.csv',
        '--force',
        '--fail-under',
        '60',
        '--fail-gap-over',
        '20',
      ],
      command: 'aggregate',
      options: {
        paths: ['x.csv'],
        bank: 'b',
        quick: true,
        minGroup: 5,
        showRole: [],
        showNames: true,
        map: 'map.yaml',
        format: 'csv',
        out: 'team.csv',
        force: true,
        failUnder: 60,
        failGapOver: 20,
      },
    },
    { args: ['compare', 'q1.json', 'q2.json'], command: 'compare', options: { before: 'q1.json', after: 'q2.json', format: 'text', force: false } },
    {
      args: ['compare', 'q1.json', 'q2.json', '--format', 'markdown', '--out', 'change.md', '--force'],
      command: 'compare',
      options: { before: 'q1.json', after: 'q2.json', format: 'markdown', out: 'change.md', force: true },
    },
    { args: ['workshop', 'room'], command: 'workshop', options: { dir: 'room', quick: false, minGroup: 3 } },
    { args: ['workshop', 'room', '--quick', '--bank', 'b'], command: 'workshop', options: { dir: 'room', quick: true, bank: 'b', minGroup: 3 } },
    { args: ['room', 'acme'], command: 'room', options: { dir: 'acme', quick: false, minGroup: 3, showRole: [], names: false, showOwn: false } },
    {
      args: ['room', 'acme', '--quick', '--host', '192.168.1.5', '--port', '0', '--min-group', '2', '--show-role', 'leadership', '--names', '--show-own'],
      command: 'room',
      options: { dir: 'acme', quick: true, host: '192.168.1.5', port: 0, minGroup: 2, showRole: ['leadership'], names: true, showOwn: true },
    },
  ])('$args → $command', async ({ args, command, options }) => {
    const result = await dispatch(args);
    expect(result.calls).toEqual([{ command, options }]);
    expect(result.code).toBe(0);
    expect(result.stdout + result.stderr).toBe('');
  });

  it("returns the handler's exit code", async () => {
    expect((await dispatch(['--answers', 'me.yaml', '--fail-under', '90'], 1)).code).toBe(1);
  });

  it('lets errors of the command through to the boundary in main', async () => {
    const ctx: Context = { stdout: { write: () => true }, stderr: { write: () => true }, stdinIsTTY: false, env: {}, cwd: '/', now: () => new Date(0) };
    const failing = async (): Promise<ExitCode> => {
      throw new InputError([{ message: 'bad' }]);
    };
    const handlers: Handlers = {
      run: failing,
      template: failing,
      bankLint: failing,
      bankPrint: failing,
      schema: failing,
      aggregate: failing,
      compare: failing,
      workshop: failing,
      room: failing,
    };
    await expect(runCli(['node', 'cash-test', 'bank', 'lint'], ctx, handlers)).rejects.toBeInstanceOf(InputError);
  });

  it.each([
    { args: ['--fail-under', 'abc'], error: "option '--fail-under <n>' argument 'abc' is invalid. It must be a number from 0 to 100.", help: 'run' },
    { args: ['--fail-under', '101'], error: "option '--fail-under <n>' argument '101' is invalid. It must be a number from 0 to 100.", help: 'run' },
    { args: ['--fail-under', '-1'], error: "option '--fail-under <n>' argument '-1' is invalid. It must be a number from 0 to 100.", help: 'run' },
    { args: ['--fail-pillar-under', ''], error: "option '--fail-pillar-under <n>' argument '' is invalid. It must be a number from 0 to 100.", help: 'run' },
    {
      args: ['run', '--format', 'pdf'],
      error: "option '--format <format>' argument 'pdf' is invalid. Allowed choices are text, json, markdown, html.",
      help: 'run',
    },
    {
      args: ['--role', 'ceo'],
      error: "option '--role <role>' argument 'ceo' is invalid. Allowed choices are sales, marketing, leadership, revops, other.",
      help: 'run',
    },
    { args: ['--answers'], error: "option '--answers <file>' argument missing", help: 'run' },
    { args: ['--bogus'], error: "unknown option '--bogus'", help: 'run' },
    { args: ['nonsense'], error: "unknown command 'nonsense'", help: '' },
    { args: ['agregate', 'a/'], error: "unknown command 'agregate' (Did you mean aggregate?)", help: '' },
    { args: ['template', '--format', 'json'], error: "unknown option '--format' (Did you mean --force?)", help: 'template' },
    {
      args: ['bank', 'print', '--format', 'text'],
      error: "option '--format <format>' argument 'text' is invalid. Allowed choices are markdown, json.",
      help: 'bank print',
    },
    { args: ['bank', 'lint', 'a', 'b'], error: "too many arguments for 'lint'. Expected 1 argument but got 2.", help: 'bank lint' },
    {
      args: ['schema', 'foo'],
      error: "command-argument value 'foo' is invalid for argument 'kind'. Allowed choices are answers, bank, result.",
      help: 'schema',
    },
    { args: ['schema'], error: "missing required argument 'kind'", help: 'schema' },
    { args: ['workshop'], error: "missing required argument 'dir'", help: 'workshop' },
    {
      args: ['room', 'acme', '--port', '70000'],
      error: "option '--port <n>' argument '70000' is invalid. It must be a port number from 0 to 65535.",
      help: 'room',
    },
    { args: ['aggregate'], error: "missing required argument 'paths'", help: 'aggregate' },
    {
      args: ['aggregate', 'a/', '--show-role', 'cfo'],
      error: "option '--show-role <role>' argument 'cfo' is invalid. It must be one of sales, marketing, leadership, revops, other.",
      help: 'aggregate',
    },
    {
      args: ['aggregate', 'a/', '--min-group', '0'],
      error: "option '--min-group <n>' argument '0' is invalid. It must be a whole number, 1 or more.",
      help: 'aggregate',
    },
    {
      args: ['aggregate', 'a/', '--min-group', '2.5'],
      error: "option '--min-group <n>' argument '2.5' is invalid. It must be a whole number, 1 or more.",
      help: 'aggregate',
    },
    {
      args: ['aggregate', 'a/', '--fail-gap-over', '101'],
      error: "option '--fail-gap-over <n>' argument '101' is invalid. It must be a number from 0 to 100.",
      help: 'aggregate',
    },
    {
      args: ['aggregate', 'a/', '--format', 'pdf'],
      error: "option '--format <format>' argument 'pdf' is invalid. Allowed choices are text, json, markdown, csv, html.",
      help: 'aggregate',
    },
    { args: ['compare', 'q1.json'], error: "missing required argument 'after'", help: 'compare' },
    {
      args: ['compare', 'a.json', 'b.json', '--format', 'csv'],
      error: "option '--format <format>' argument 'csv' is invalid. Allowed choices are text, json, markdown, html.",
      help: 'compare',
    },
  ])('$args → exit 2 with an error line and a hint', async ({ args, error, help }) => {
    const result = await dispatch(args);
    expect(result.code).toBe(2);
    expect(result.calls).toEqual([]);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`cash-test: error: ${error}\nhint: see cash-test ${help === '' ? '' : `${help} `}--help\n`);
  });

  it('shows a command group without its subcommand as a usage error', async () => {
    const result = await dispatch(['bank']);
    expect(result.code).toBe(2);
    expect(result.calls).toEqual([]);
    expect(result.stderr).toContain('Usage: cash-test bank [options] [command]');
  });

  it.each([
    ['--help'],
    ['-h'],
    ['run', '--help'],
    ['template', '--help'],
    ['bank', '--help'],
    ['bank', 'lint', '--help'],
    ['bank', 'print', '--help'],
    ['schema', '--help'],
    ['aggregate', '--help'],
    ['compare', '--help'],
    ['workshop', '--help'],
  ])('%s %s %s → help on stdout, exit 0', async (...args: string[]) => {
    const result = await dispatch(args);
    expect(result.code).toBe(0);
    expect(result.calls).toEqual([]);
    expect(result.stdout).toMatch(/^Usage: cash-test/);
    expect(result.stderr).toBe('');
  });

  it('gives examples in the help of every command that runs something', async () => {
    for (const args of [
      ['--help'],
      ['run', '--help'],
      ['template', '--help'],
      ['bank', 'lint', '--help'],
      ['bank', 'print', '--help'],
      ['schema', '--help'],
      ['aggregate', '--help'],
      ['compare', '--help'],
      ['workshop', '--help'],
    ]) {
      expect((await dispatch(args)).stdout, args.join(' ')).toMatch(/\nExamples:\n {2}\$ cash-test/);
    }
  });

  it.each([['--version'], ['-V']])('%s → the version on stdout, exit 0', async (flag) => {
    const result = await dispatch([flag]);
    expect(result).toEqual({ code: 0, calls: [], stdout: `${packageJson.version}\n`, stderr: '' });
  });
});
