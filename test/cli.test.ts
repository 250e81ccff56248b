import { describe, expect, it } from 'vitest';
import { runCli, type Handlers } from '../src/cli.js';
import { captureContext } from './helpers/team.js';

// argv → the options object each command receives; no command actually runs.

async function dispatch(args: string[]): Promise<{ code: number; calls: [string, unknown][]; stderr: string }> {
  const calls: [string, unknown][] = [];
  const record = (name: keyof Handlers) => async (options: unknown) => {
    calls.push([name, options]);
    return 0 as const;
  };
  const handlers: Handlers = {
    run: record('run'),
    template: record('template'),
    bankLint: record('bankLint'),
    bankPrint: record('bankPrint'),
    schema: record('schema'),
    aggregate: record('aggregate'),
    compare: record('compare'),
  };
  const { ctx, stderr } = captureContext();
  const code = await runCli(['node', 'cash-test', ...args], ctx, handlers);
  return { code, calls, stderr: stderr() };
}

const aggregateDefaults = { quick: false, minGroup: 3, showNames: false, format: 'text', force: false };

describe('dispatch', () => {
  it.each<[string, string[], [string, unknown]]>([
    ['aggregate, defaults', ['aggregate', 'answers/'], ['aggregate', { ...aggregateDefaults, paths: ['answers/'] }]],
    ['aggregate, several paths', ['aggregate', 'a.csv', 'b/', 'c.yaml'], ['aggregate', { ...aggregateDefaults, paths: ['a.csv', 'b/', 'c.yaml'] }]],
    [
      'aggregate, every option',
      ['aggregate', 'x.csv', '--bank', 'bank/', '--quick', '--min-group', '5', '--show-names', '--map', 'map.yaml', '--format', 'csv', '--out', 'team.csv', '--force', '--fail-under', '60', '--fail-gap-over', '20'],
      [
        'aggregate',
        { paths: ['x.csv'], bank: 'bank/', quick: true, minGroup: 5, showNames: true, map: 'map.yaml', format: 'csv', out: 'team.csv', force: true, failUnder: 60, failGapOver: 20 },
      ],
    ],
    ['compare', ['compare', 'q1.json', 'q2.json'], ['compare', { before: 'q1.json', after: 'q2.json', format: 'text', force: false }]],
    [
      'compare, every option',
      ['compare', 'q1.json', 'q2.json', '--format', 'markdown', '--out', 'change.md', '--force'],
      ['compare', { before: 'q1.json', after: 'q2.json', format: 'markdown', out: 'change.md', force: true }],
    ],
  ])('%s', async (_, args, call) => {
    const { code, calls } = await dispatch(args);
    expect(code).toBe(0);
    expect(calls).toEqual([call]);
  });

  it.each<[string, string[], RegExp]>([
    ['no paths', ['aggregate'], /missing required argument 'paths'/],
    ['a group size of 0', ['aggregate', 'a/', '--min-group', '0'], /--min-group.*it must be a whole number, 1 or more/],
    ['a fractional group size', ['aggregate', 'a/', '--min-group', '2.5'], /it must be a whole number, 1 or more/],
    ['a gap limit over 100', ['aggregate', 'a/', '--fail-gap-over', '101'], /it must be a number from 0 to 100/],
    ['an unknown format', ['aggregate', 'a/', '--format', 'pdf'], /Allowed choices are text, json, markdown, csv/],
    ['one result only', ['compare', 'q1.json'], /missing required argument 'after'/],
    ['csv for compare', ['compare', 'a.json', 'b.json', '--format', 'csv'], /Allowed choices are text, json, markdown/],
  ])('refuses %s with exit 2', async (_, args, message) => {
    const { code, calls, stderr } = await dispatch(args);
    expect(code).toBe(2);
    expect(calls).toEqual([]);
    expect(stderr).toMatch(message);
  });
});
