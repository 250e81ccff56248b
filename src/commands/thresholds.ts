import type { ExitCode } from '../core/errors.js';
import { reaches } from '../core/tolerance.js';
import { plainText } from '../render/shared/sanitize.js';
import type { Context } from '../context.js';

export interface Gate {
  label: string;
  flag: string;
  limit: number;
  /** The figure the gate checks; null when it could not be computed, which fails the gate. */
  value: number | null;
  failsWhen: 'below' | 'above';
  /** Says why the value is null, when it is not for lack of answers. */
  unavailable?: string;
}

/** Exit 1 when any gate fails; each failure is one line on stderr after the report. */
export function checkGates(ctx: Context, gates: readonly Gate[]): ExitCode {
  let failed = false;
  for (const gate of gates) {
    const fails = gate.value === null || (gate.failsWhen === 'below' ? !reaches(gate.value, gate.limit) : !reaches(gate.limit, gate.value));
    if (!fails) continue;
    failed = true;
    const figure = gate.value === null ? (gate.unavailable ?? 'cannot be computed (not enough answers)') : `is ${round(gate.value)}`;
    ctx.stderr.write(`cash-test: ${plainText(gate.label)} ${figure}: ${gate.flag} ${gate.limit} not met\n`);
  }
  return failed ? 1 : 0;
}

function round(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
