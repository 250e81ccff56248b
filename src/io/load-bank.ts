import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bank } from '../core/bank.js';
import { COMPILED_BANK_FILE, readCompiledBank } from './compiled-bank.js';

/** The package's questions/ folder, found upwards from this module: its depth differs between src/ and the bundle. */
export function builtInBankDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'questions');
    if (existsSync(join(candidate, 'bank.yaml'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('the built-in question bank is missing from the installation');
    dir = parent;
  }
}

/** Loads and validates a bank folder, by default the built-in one: as the build compiled it, when its files are unchanged. */
export async function loadBank(dir?: string): Promise<Bank> {
  if (dir === undefined) {
    const builtIn = builtInBankDir();
    const compiled = await readCompiledBank(join(dirname(builtIn), 'dist', COMPILED_BANK_FILE), builtIn);
    if (compiled !== null) return compiled;
    dir = builtIn;
  }
  // The YAML parser and the bank's schemas load only for a bank that has to be parsed.
  const { loadBankFolder } = await import('./load-bank-folder.js');
  return loadBankFolder(dir);
}
