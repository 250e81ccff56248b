import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fileSink, folderSink, identityOf } from '../../src/io/answer-sinks.js';
import { loadBank } from '../../src/io/load-bank.js';
import type { FinishedAnswers } from '../../src/survey/answer-sink.js';
import { tempDir } from '../helpers/cli.js';
import { SURVEY_BANK } from '../helpers/prompts.js';

const bank = await loadBank(SURVEY_BANK);
const finished = (name: string): FinishedAnswers => ({
  bank,
  form: 'quick',
  response: { respondent: { role: 'sales', name }, answers: { T1: 4, T3: 2, S1: 'na' }, takenAt: '2026-11-01T10:00:00.000Z' },
});

describe('the --save file', () => {
  it('is written as a new file, with the form in it', async () => {
    const file = join(tempDir(), 'me.yaml');
    expect(await fileSink(file, null).save(finished('Dana'))).toEqual({ file });
    expect(parse(readFileSync(file, 'utf8'))).toMatchObject({ form: 'quick', respondent: { name: 'Dana' }, answers: { T1: 4 } });
  });

  it('names the command that scores it, with the bank it was answered on', async () => {
    const dir = tempDir();
    const flags = ['--bank', "'my banks/acme'"];
    await fileSink(join(dir, 'me.yaml'), null, flags).save(finished('Dana'));
    await folderSink(dir, flags).save(finished('Eli'));
    for (const file of ['me.yaml', 'sales-01.yaml']) {
      expect(readFileSync(join(dir, file), 'utf8')).toMatch(/^# Then: cash-test run --answers <this file> --bank 'my banks\/acme'$/m);
    }
    await fileSink(join(dir, 'built-in.yaml'), null).save(finished('Fay'));
    expect(readFileSync(join(dir, 'built-in.yaml'), 'utf8')).toMatch(/^# Then: cash-test run --answers <this file>$/m);
  });

  it('gets another name when someone else took it since the run started, and theirs stays as it is', async () => {
    const dir = tempDir();
    const file = join(dir, 'me.yaml');
    const sink = fileSink(file, null);
    writeFileSync(file, 'the other run');
    writeFileSync(join(dir, 'me-2.yaml'), 'a third one');
    expect(await sink.save(finished('Dana'))).toEqual({ file: join(dir, 'me-3.yaml'), taken: file });
    expect(readFileSync(file, 'utf8')).toBe('the other run');
    expect(readFileSync(join(dir, 'me-2.yaml'), 'utf8')).toBe('a third one');
    expect(parse(readFileSync(join(dir, 'me-3.yaml'), 'utf8')).respondent.name).toBe('Dana');
  });

  it('replaces the file that was there when replacing it was allowed, but not one written over it since', async () => {
    const dir = tempDir();
    const file = join(dir, 'me.json');
    writeFileSync(file, 'old');
    const allowed = await identityOf(file);
    expect(await fileSink(file, allowed).save(finished('Dana'))).toEqual({ file });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ form: 'quick', respondent: { name: 'Dana' } });

    const before = await identityOf(file);
    const sink = fileSink(file, before);
    writeFileSync(join(dir, 'other.json'), 'someone else');
    renameSync(join(dir, 'other.json'), file);
    expect(await sink.save(finished('Kim'))).toEqual({ file: join(dir, 'me-2.json'), taken: file });
    expect(readFileSync(file, 'utf8')).toBe('someone else');
  });

  it('never gives two runs saving at the same moment the same file', async () => {
    const file = join(tempDir(), 'me.yaml');
    const saved = await Promise.all(Array.from({ length: 12 }, (_, i) => fileSink(file, null).save(finished(`P${i}`))));
    const names = saved.map((s) => s.file);
    expect(new Set(names).size).toBe(12);
    expect(saved.filter((s) => s.taken === undefined)).toHaveLength(1);
    const people = names.map((f) => parse(readFileSync(f, 'utf8')).respondent.name).sort();
    expect(people).toEqual(Array.from({ length: 12 }, (_, i) => `P${i}`).sort());
  });
});

describe('the workshop folder', () => {
  it('names each file <role>-NN.yaml, the first number nobody has, and leaves no temporary file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sales-01.yaml'), 'someone');
    const sink = folderSink(dir);
    const saved = await Promise.all([sink.save(finished('A')), sink.save(finished('B')), sink.save(finished('C'))]);
    expect(saved.map((s) => s.file).sort()).toEqual(['sales-02.yaml', 'sales-03.yaml', 'sales-04.yaml'].map((f) => join(dir, f)));
    expect(readdirSync(dir).sort()).toEqual(['sales-01.yaml', 'sales-02.yaml', 'sales-03.yaml', 'sales-04.yaml']);
    expect(readFileSync(join(dir, 'sales-01.yaml'), 'utf8')).toBe('someone');
  });
});
