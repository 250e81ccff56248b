import type { Context } from '../../src/context.js';
import { fileURLToPath } from 'node:url';
import type { AnswerValue, Response } from '../../src/core/answers.js';
import type { Role } from '../../src/core/roles.js';

export const MINI_BANK = fileURLToPath(new URL('../fixtures/team-bank', import.meta.url));

export function respondent(role: Role, answers: Record<string, AnswerValue>, name?: string): Response {
  return { respondent: { role, ...(name ? { name } : {}) }, answers };
}

/** Seeded pseudo-random numbers in [0, 1): the same data set on every run. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Captured {
  ctx: Context;
  stdout(): string;
  stderr(): string;
}

/** A command context that keeps what the command writes, at a fixed clock. */
export function captureContext(now = '2024-05-01T10:00:00.000Z'): Captured {
  let out = '';
  let err = '';
  return {
    ctx: {
      stdout: { write: (text: string) => (out += text) },
      stderr: { write: (text: string) => (err += text) },
      stdinIsTTY: false,
      env: {},
      cwd: process.cwd(),
      now: () => new Date(now),
    },
    stdout: () => out,
    stderr: () => err,
  };
}
