import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { majorVersion, type Bank } from '../core/bank.js';
import { InputError, type Problem } from '../core/errors.js';
import { BUILT_IN_BANKS } from './built-in-banks.js';

export interface BankStamp {
  id: string;
  version: string;
}
import { compiledBankFile, readCompiledBank } from './compiled-bank.js';

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

/**
 * Loads and validates a bank: a folder, or a built-in bank by name (`cash@1`), by default the newest
 * built-in one. A built-in bank is read as the build compiled it, when its files are unchanged.
 */
export async function loadBank(dirOrName?: string): Promise<Bank> {
  const builtIn = dirOrName === undefined ? BUILT_IN_BANKS[0] : BUILT_IN_BANKS.find((b) => b.name === dirOrName);
  if (builtIn === undefined) return loadFolder(dirOrName as string);
  const questions = builtInBankDir();
  const dir = join(questions, builtIn.folder);
  return (await readCompiledBank(join(dirname(questions), 'dist', compiledBankFile(builtIn.name)), dir)) ?? loadFolder(dir);
}

/**
 * The bank to score answers with when no --bank was given: the built-in bank their `bank: {id, version}`
 * names, else the default one. A version of a built-in bank that this installation does not have is an
 * error, placed by `at`.
 */
export async function loadBankFor(stamp: BankStamp | undefined, at: (message: string) => Problem): Promise<Bank> {
  if (stamp === undefined || !BUILT_IN_BANKS.some((b) => b.id === stamp.id)) return loadBank();
  const builtIn = BUILT_IN_BANKS.find((b) => b.id === stamp.id && b.major === majorVersion(stamp.version));
  if (builtIn === undefined) {
    const known = BUILT_IN_BANKS.map((b) => `${b.major}.x as ${b.name}`).join(', ');
    throw new InputError(
      [at(`answers are for version ${stamp.version} of bank "${stamp.id}", which this cash-test does not have (it has ${known})`)],
      'update cash-test, or pass --bank with the folder of the bank these answers were made with',
    );
  }
  return loadBank(builtIn.name);
}

async function loadFolder(dir: string): Promise<Bank> {
  // The YAML parser and the bank's schemas load only for a bank that has to be parsed.
  const { loadBankFolder } = await import('./load-bank-folder.js');
  return loadBankFolder(dir);
}
