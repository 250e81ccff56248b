import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Bank } from '../core/bank.js';

// Parsing and validating a built-in bank's 40 KB of YAML was most of a scripted run's time, and the
// built-in banks change only with a release: the build stores each validated, with a hash of each of
// its files. The files are hashed again on every use, so an edited questions/ folder is loaded from its files.

/** The compiled file of a built-in bank (by its name, such as `cash@2`) in dist/. */
export function compiledBankFile(name: string): string {
  return `builtin-bank-${name.replace('@', '-')}.json`;
}

export interface CompiledBank {
  /** sha256 of each file the bank was loaded from, by name in its folder. */
  files: Record<string, string>;
  bank: Bank;
}

export async function compileBank(dir: string, bank: Bank): Promise<CompiledBank> {
  const names = ['bank.yaml', ...bank.pillars.map((p) => `${p.id}.yaml`)];
  const files = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await fileHash(join(dir, name))])));
  return { files, bank };
}

/** The compiled bank when its files in `dir` are still the ones it was compiled from; null otherwise. */
export async function readCompiledBank(compiled: string, dir: string): Promise<Bank | null> {
  const text = await readFile(compiled, 'utf8').catch(() => null);
  if (text === null) return null;
  const { files, bank } = JSON.parse(text) as CompiledBank;
  const current = await Promise.all(Object.entries(files).map(async ([name, hash]) => (await fileHash(join(dir, name)).catch(() => null)) === hash));
  return current.every(Boolean) ? bank : null;
}

async function fileHash(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex');
}
