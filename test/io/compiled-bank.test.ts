import { appendFileSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileBank, compiledBankFile, readCompiledBank } from '../../src/io/compiled-bank.js';
import { BUILT_IN_BANKS } from '../../src/io/built-in-banks.js';
import { loadBank } from '../../src/io/load-bank.js';
import { loadBankFolder } from '../../src/io/load-bank-folder.js';
import { ROOT, tempDir } from '../helpers/cli.js';

const QUESTIONS = join(ROOT, 'questions');

async function compiledCopy(): Promise<{ dir: string; compiled: string }> {
  const dir = join(tempDir(), 'questions');
  cpSync(QUESTIONS, dir, { recursive: true });
  const compiled = join(dir, '..', compiledBankFile('cash@2'));
  writeFileSync(compiled, JSON.stringify(await compileBank(dir, await loadBankFolder(dir))));
  return { dir, compiled };
}

describe('the compiled built-in bank', () => {
  it.each(BUILT_IN_BANKS)('$name is the bank its files load as, hash included (dist/ as the build wrote it)', async ({ name, folder }) => {
    const file = join(ROOT, 'dist', compiledBankFile(name));
    const dir = join(QUESTIONS, folder);
    const compiled = JSON.parse(readFileSync(file, 'utf8'));
    expect(compiled.bank).toEqual(await loadBankFolder(dir));
    expect(await readCompiledBank(file, dir)).toEqual(compiled.bank);
    expect(await loadBank(name)).toEqual(compiled.bank);
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
