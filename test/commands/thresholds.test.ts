import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/context.js';
import { checkGates, type Gate } from '../../src/commands/thresholds.js';

function capture(): { ctx: Context; stderr: () => string } {
  let err = '';
  const ctx: Context = {
    stdout: { write: () => true },
    stderr: { write: (text: string) => (err += text) },
    stdinIsTTY: false,
    env: {},
    cwd: '/',
    now: () => new Date(0),
  };
  return { ctx, stderr: () => err };
}

const gate = (value: number | null, limit: number, failsWhen: Gate['failsWhen'] = 'below'): Gate => ({
  label: 'overall score',
  flag: '--fail-under',
  limit,
  value,
  failsWhen,
});

describe('checkGates', () => {
  it.each([
    { value: 40, limit: 40, failsWhen: 'below', code: 0 }, // at the limit is not below it
    { value: 39.99999999999999, limit: 40, failsWhen: 'below', code: 0 }, // 40 with decimal weights, rounded down by floating point
    { value: 39.9, limit: 40, failsWhen: 'below', code: 1 },
    { value: null, limit: 0, failsWhen: 'below', code: 1 }, // no score fails any gate
    { value: 20, limit: 20, failsWhen: 'above', code: 0 },
    { value: 20.000000000000004, limit: 20, failsWhen: 'above', code: 0 },
    { value: 20.1, limit: 20, failsWhen: 'above', code: 1 },
  ] as const)('$value against $failsWhen $limit → exit $code', ({ value, limit, failsWhen, code }) => {
    const { ctx, stderr } = capture();
    expect(checkGates(ctx, [gate(value, limit, failsWhen)])).toBe(code);
    expect(stderr() === '').toBe(code === 0);
  });

  it('names every failed gate on its own line', () => {
    const { ctx, stderr } = capture();
    expect(checkGates(ctx, [gate(12.34, 60), gate(80, 60), gate(null, 60)])).toBe(1);
    expect(stderr()).toBe(
      'cash-test: overall score is 12.3: --fail-under 60 not met\ncash-test: overall score cannot be computed (not enough answers): --fail-under 60 not met\n',
    );
  });
});
