// Every command a hint prints carries what is needed to repeat it: run as printed, it works.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from '../helpers/cli.js';

const BANK = join(ROOT, 'test', 'fixtures', 'survey-bank');

/** The words of a printed command, with `<this file>` replaced; plain words only (the paths here need no quoting). */
function argsOf(command: string, file: string): string[] {
  const words = command.replace('<this file>', file).trim().split(/\s+/);
  expect(words.slice(0, 1)).toEqual(['cash-test']);
  return words.slice(1);
}

describe('hints that print a command', () => {
  it.each([[[]], [['--quick']]])('the template %j of another bank says to score it with that --bank, and no --quick: the file names its form', async (form) => {
    const template = await cli(['template', '--bank', BANK, ...form]);
    expect(template.code, template.stderr).toBe(0);
    const then = /^# Then: (.*)$/m.exec(template.stdout)?.[1] ?? '';
    expect(then).toBe(`cash-test run --answers <this file> --bank ${BANK}`);
    const file = join(tempDir(), 'mine.yaml');
    writeFileSync(file, template.stdout.replace('role:  ', 'role: sales').replace(/^( {2}[A-Z]+\d+):$/gm, '$1: 4'));
    const scored = await cli([...argsOf(then, file), '--format', 'json']);
    expect(scored.code, scored.stderr).toBe(0);
    expect(JSON.parse(scored.stdout)).toMatchObject({ form: form.length === 0 ? 'full' : 'quick', bank: { id: 'tiny' } });
  });

  it('the built-in template says no --bank and no --quick', async () => {
    const template = await cli(['template', '--quick']);
    expect(template.stdout).toMatch(/^# Then: cash-test run --answers <this file>$/m);
  });

  it('the hint of a run without a terminal names the template of the same bank and form', async () => {
    const { code, stderr } = await cli(['run', '--bank', BANK, '--quick']);
    expect(code).toBe(2);
    expect(stderr).toContain(`hint: pass --answers FILE (see \`cash-test template --bank ${BANK} --quick\` for a file to fill in)\n`);
  });
});

describe('schema answers --bank', () => {
  it("gives that bank's question ids, each on its scale, and nothing else", async () => {
    const { code, stdout, stderr } = await cli(['schema', 'answers', '--bank', BANK]);
    expect(code, stderr).toBe(0);
    const schema = JSON.parse(stdout);
    const answers = schema.properties.answers;
    expect(Object.keys(answers.properties).sort()).toEqual(['S1', 'S2', 'T1', 'T2', 'T3']);
    expect(answers.additionalProperties).toBe(false);
    expect(answers.required ?? []).toEqual([]);
    expect(answers.properties.T1.anyOf).toContainEqual({ type: 'integer', minimum: 1, maximum: 5 });
    expect(answers.properties.T1.anyOf).toContainEqual({ type: 'string', const: 'na' });
    expect(answers.properties.T1.description).toBe('We talk every week.');
    expect(schema.properties.bank.properties.id).toMatchObject({ const: 'tiny' });
  });

  it('of the built-in bank has its 50 ids; without --bank the schema takes any id', async () => {
    const builtIn = JSON.parse((await cli(['schema', 'answers', '--bank', 'cash@2'])).stdout);
    expect(Object.keys(builtIn.properties.answers.properties)).toHaveLength(50);
    const any = JSON.parse((await cli(['schema', 'answers'])).stdout);
    expect(any.properties.answers.properties).toBeUndefined();
  });

  it('is refused for the kinds that do not depend on a bank, and a broken bank is listed as any other', async () => {
    const other = await cli(['schema', 'result', '--bank', BANK]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('cash-test: error: --bank is for `schema answers`');
    const broken = await cli(['schema', 'answers', '--bank', join(ROOT, 'test', 'fixtures', 'banks', 'three-errors')]);
    expect(broken.code).toBe(2);
    expect(broken.stderr.split('\n').filter((line) => line.startsWith('cash-test: error: '))).toHaveLength(3);
  });
});
