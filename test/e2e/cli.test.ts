import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli, ROOT, tempDir } from '../helpers/cli.js';

const DANA = join(ROOT, 'examples', 'dana-sales.yaml');

describe('cash-test (built binary)', () => {
  it('prints its version and help with examples', async () => {
    const version = await cli(['--version']);
    expect(version).toMatchObject({ code: 0, stderr: '' });
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    const help = await cli(['run', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--fail-pillar-under <n>');
    expect(help.stdout).toContain('Examples:');
  });

  it('scores an answer file as text, with the weakest pillar and next steps', async () => {
    const { code, stdout, stderr } = await cli(['run', '--answers', DANA]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/Overall: 46\/100 {2}Partly aligned/);
    expect(stdout).toContain('Weakest pillar: Systems (25)');
    expect(stdout.match(/^ {2}\d\. \[(sales|marketing|both|leadership)\]/gm)).toHaveLength(5);
    expect(stdout).not.toMatch(/\u001b\[/);
  });

  it('writes the JSON result with full precision and the bank stamp', async () => {
    const { code, stdout } = await cli(['run', '--answers', DANA, '--format', 'json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ schemaVersion: 1, kind: 'single', form: 'full', respondent: { role: 'sales', name: 'Dana', team: 'EMEA' } });
    expect(result.bank).toMatchObject({ id: 'cash', version: '1.0.0', hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(result.overall.score).toBeCloseTo(46.3, 0);
    expect(Number.isInteger(result.overall.score)).toBe(false);
    expect(Date.parse(result.takenAt)).not.toBeNaN();
  });

  it('writes Markdown', async () => {
    const { code, stdout } = await cli(['run', '--answers', DANA, '--format', 'markdown']);
    expect(code).toBe(0);
    expect(stdout).toContain('# The CASH test');
    expect(stdout).toContain('| **Systems** (weakest) | 25 | Misaligned | 0% |');
    expect(stdout).toContain('## Next steps, weakest first');
  });

  it('scores only the quick questions with --quick', async () => {
    const { code, stdout } = await cli(['run', '--answers', DANA, '--quick', '--format', 'json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.form).toBe('quick');
    expect(result.items).toHaveLength(15);
  });

  it('writes --out atomically, and never replaces a file without --force', async () => {
    const dir = tempDir();
    const out = join(dir, 'report.md');
    writeFileSync(out, 'keep me');
    const refused = await cli(['run', '--answers', DANA, '--format', 'markdown', '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`cash-test: error: ${out}: already exists\nhint: pass --force to replace it, or choose another --out file\n`);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    const forced = await cli(['run', '--answers', DANA, '--format', 'markdown', '--out', out, '--force']);
    expect(forced).toMatchObject({ code: 0, stdout: '' });
    expect(readFileSync(out, 'utf8')).toContain('# The CASH test');
  });

  it('never writes --out when the input is bad', async () => {
    const dir = tempDir();
    const out = join(dir, 'report.json');
    const { code, stderr } = await cli(['run', '--answers', join(ROOT, 'examples', 'broken.yaml'), '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toContain('broken.yaml:5:3: answers.C99: unknown question id "C99"');
    expect(() => readFileSync(out)).toThrow();
  });

  it('exits 1 below --fail-under and --fail-pillar-under, and still prints the report', async () => {
    const below = await cli(['run', '--answers', DANA, '--fail-under', '50']);
    expect(below.code).toBe(1);
    expect(below.stdout).toContain('Overall: 46/100');
    expect(below.stderr).toBe('cash-test: overall score is 46.3: --fail-under 50 not met\n');
    const met = await cli(['run', '--answers', DANA, '--fail-under', '40', '--fail-pillar-under', '25']);
    expect(met).toMatchObject({ code: 0, stderr: '' });
  });

  it('rejects bad flags with exit 2 and a hint', async () => {
    const { code, stderr } = await cli(['run', '--answers', DANA, '--fail-under', '101']);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^cash-test: error: option '--fail-under <n>' argument '101' is invalid\. It must be a number from 0 to 100\.\nhint: see cash-test run --help\n$/,
    );
    expect((await cli(['run', '--format', 'pdf'])).code).toBe(2);
    expect((await cli(['--no-such-flag'])).code).toBe(2);
  });

  it('turns the template into an answer file that scores', async () => {
    const dir = tempDir();
    const template = await cli(['template', '--quick']);
    expect(template.code).toBe(0);
    const filled = template.stdout.replace('role:  ', 'role: marketing').replace(/^( {2}[A-Z]+\d+):$/gm, '$1: 4');
    const file = join(dir, 'mine.yaml');
    writeFileSync(file, filled);
    expect(parse(filled).answers).toMatchObject({ C1: 4 });
    const { code, stdout } = await cli(['run', '--answers', file, '--quick', '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).respondent.role).toBe('marketing');
  });

  it('reports an unfilled template as missing answers, not as type errors', async () => {
    const dir = tempDir();
    const file = join(dir, 'empty.yaml');
    writeFileSync(file, (await cli(['template', '--quick'])).stdout);
    const { code, stderr } = await cli(['run', '--answers', file, '--quick']);
    expect(code).toBe(2);
    expect(stderr).toContain('respondent: role is required');
    expect(stderr).toMatch(/empty\.yaml:\d+:3: answers\.C1: no answer/);
  });

  it('lints the built-in bank and prints it', async () => {
    expect((await cli(['bank', 'lint'])).stdout).toMatch(/^built-in bank: ok: cash 2\.1\.0, 4 pillars, 50 questions/);
    const printed = await cli(['bank', 'print']);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain('## Systems');
    const json = JSON.parse((await cli(['bank', 'print', '--format', 'json'])).stdout);
    expect(json.pillars.map((p: { id: string }) => p.id)).toEqual(['communication', 'alignment', 'systems', 'honesty']);
  });

  it.each(['answers', 'bank', 'result'])('prints the JSON Schema of %s files', async (kind) => {
    const { code, stdout } = await cli(['schema', kind]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('shows no stack trace for bad input, even for a missing file', async () => {
    const { code, stderr } = await cli(['run', '--answers', 'nope.yaml']);
    expect(code).toBe(2);
    expect(stderr).toBe('cash-test: error: nope.yaml: no such file or folder\n');
  });
});
