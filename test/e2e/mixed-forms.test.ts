// A team whose answer files name different forms is scored on the quick form, and every format of its report says so.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/cli.js';

/** A folder with `quick` quick-form and `full` full-form answer files, filled from the template. */
async function team(quick: number, full: number): Promise<string> {
  const dir = tempDir();
  const templates = { quick: (await cli(['template', '--quick'])).stdout, full: (await cli(['template'])).stdout };
  const write = (form: 'quick' | 'full', n: number, role: string, value: number) =>
    writeFileSync(join(dir, `${form}-${n}.yaml`), templates[form].replace('role:  ', `role: ${role}`).replace(/^( {2}[A-Z]+\d+):$/gm, `$1: ${value}`));
  for (let n = 0; n < quick; n++) write('quick', n, 'sales', 2 + (n % 3));
  for (let n = 0; n < full; n++) write('full', n, 'marketing', 1 + (n % 5));
  return dir;
}

const SAID = [
  '3 answered the quick form and 2 the full form',
  "Every figure rests on the quick form's 18 statements",
  'the full form',
  'other 32 are left out',
];

describe('a team whose files mix forms', () => {
  it.each(['text', 'markdown', 'html'])('says so in the %s report: how many of each, and that the figures rest on the quick statements', async (format) => {
    const dir = await team(3, 2);
    const { code, stdout, stderr } = await cli(['aggregate', dir, '--format', format]);
    expect(code, stderr).toBe(0);
    const text = stdout.replace(/&#39;|&#x27;|&apos;/g, "'").replace(/\s+/g, ' ');
    for (const words of SAID) expect(text).toContain(words);
    expect(text).toContain(format === 'html' ? 'Quick form (3 quick, 2 full)' : 'quick form (3 quick, 2 full)');
  });

  it('says so in the JSON result, with the counts as data', async () => {
    const { code, stdout } = await cli(['aggregate', await team(3, 2), '--format', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.form).toBe('quick');
    expect(report.respondents.mixedForms).toMatchObject({ quick: 3, full: 2 });
    for (const words of SAID) expect(report.respondents.mixedForms.reading).toContain(words);
    expect(report.notes[0]).toBe(report.respondents.mixedForms.reading);
  });

  it('says so in the CSV, one figure a row', async () => {
    const { code, stdout } = await cli(['aggregate', await team(3, 2), '--format', 'csv']);
    expect(code).toBe(0);
    const rows = stdout.split(/\r?\n/);
    expect(rows).toContain('respondents,team,,,named_quick_form,3');
    expect(rows).toContain('respondents,team,,,named_full_form,2');
    expect(rows).toContain('meta,,,,form,quick');
    expect(stdout).toMatch(/^respondents,team,,,mixed_forms,"?The answer files mix forms: 3 answered the quick form and 2 the full form\./m);
  });

  it('says nothing of forms when the files agree, or when --quick reads every file on the quick form', async () => {
    for (const [dir, flags] of [
      [await team(0, 5), []],
      [await team(5, 0), []],
      [await team(3, 2), ['--quick']],
    ] as const) {
      const report = JSON.parse((await cli(['aggregate', dir, ...flags, '--format', 'json'])).stdout);
      expect(report.respondents.mixedForms).toBeUndefined();
      expect(report.notes.join(' ')).not.toContain('mix forms');
    }
  });
});
