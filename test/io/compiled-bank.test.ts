import { appendFileSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPILED_BANK_FILE, compileBank, readCompiledBank } from '../../src/io/compiled-bank.js';
import { loadBankFolder } from '../../src/io/load-bank-folder.js';
import { ROOT, tempDir } from '../helpers/cli.js';

const QUESTIONS = join(ROOT, 'questions');

async function compiledCopy(): Promise<{ dir: string; compiled: string }> {
  const dir = join(tempDir(), 'questions');
  cpSync(QUESTIONS, dir, { recursive: true });
  const compiled = join(dir, '..', COMPILED_BANK_FILE);
  writeFileSync(compiled, JSON.stringify(await compileBank(dir, await loadBankFolder(dir))));
  return { dir, compiled };
}

describe('the compiled built-in bank', () => {
  it('is the bank its files load as, hash included (dist/ as the build wrote it)', async () => {
    const compiled = JSON.parse(readFileSync(join(ROOT, 'dist', COMPILED_BANK_FILE), 'utf8'));
    expect(compiled.bank).toEqual(await loadBankFolder(QUESTIONS));
    expect(await readCompiledBank(join(ROOT, 'dist', COMPILED_BANK_FILE), QUESTIONS)).toEqual(compiled.bank);
  });

  it('is used only while every file is the one it was compiled from', async () => {
    const { dir, compiled } = await compiledCopy();
    expect(await readCompiledBank(compiled, dir)).not.toBeNull();
    appendFileSync(join(dir, 'systems.yaml'), '# edited\n');
    expect(await readCompiledBank(compiled, dir)).toBeNull();
  });

  it('is not used when a file is gone, or when there is no compiled bank', async () => {
    const { dir, compiled } = await compiledCopy();
    rmSync(join(dir, 'honesty.yaml'));
    expect(await readCompiledBank(compiled, dir)).toBeNull();
    expect(await readCompiledBank(join(dir, 'nothing.json'), dir)).toBeNull();
  });
});
