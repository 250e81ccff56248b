import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/cli.js';

// Answers made with bank 1.0.0 keep scoring: an answer file's `bank: {id, version}` picks the built-in
// bank it was made with, `--bank cash@1` names it, and a version this cash-test lacks is a clear error.

describe('bank versions', () => {
  it('scores a 1.0.0 answer file with bank 1.0.0, and a 2.0.0 one with bank 2.1.0 (the same major version)', async () => {
    const old = await cli(['run', '--answers', 'examples/dana-sales.yaml', '--format', 'json']);
    expect(old.code, old.stderr).toBe(0);
    expect(JSON.parse(old.stdout).bank).toMatchObject({ id: 'cash', version: '1.0.0' });
    const current = await cli(['run', '--answers', 'examples/sam-marketing.yaml', '--format', 'json']);
    expect(current.code, current.stderr).toBe(0);
    expect(JSON.parse(current.stdout).bank).toMatchObject({ id: 'cash', version: '2.1.0' });
  });

  it('aggregates a folder of 1.0.0 answers with bank 1.0.0', async () => {
    const { code, stdout, stderr } = await cli(['aggregate', 'examples/team', '--format', 'json']);
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.bank.version).toBe('1.0.0');
    expect(report.respondents.total).toBe(7);
  });

  it('compares a 1.0.0 team result with a 2.1.0 one on the questions both ask alike, and says how many', async () => {
    const dir = tempDir();
    const [q1, q2] = [join(dir, 'q1.json'), join(dir, 'q2.json')];
    expect((await cli(['aggregate', 'examples/team', '--format', 'json', '--out', q1])).code).toBe(0);
    expect((await cli(['aggregate', 'examples/acme', '--format', 'json', '--out', q2])).code).toBe(0);
    const { code, stdout, stderr } = await cli(['compare', q1, q2, '--format', 'json']);
    expect(code).toBe(0);
    expect(stderr).toMatch(
      /^cash-test: warning: the results come from different question banks, cash 1\.0\.0 \(e510811b3347\) and cash 2\.1\.0 \(\w{12}\): 21 questions with the same id and wording are compared/,
    );
    const report = JSON.parse(stdout);
    expect(report.questions).toEqual({ compared: 21, before: 48, after: 50 });
    expect(report.headline).toContain('(1.0.0 → 2.1.0): 21 of the 50 questions read the same in both');
    const old = JSON.parse(readFileSync(q1, 'utf8'));
    const texts = new Map(old.items.map((i: { id: string; text: string }) => [i.id, i.text]));
    for (const m of report.movers) expect(texts.get(m.id)).toBe(m.text);
  });

  it('takes a built-in bank by name: --bank cash@1 scores unstamped 1.0.0 answers', async () => {
    const file = join(tempDir(), 'old.yaml');
    writeFileSync(file, readFileSync('examples/dana-sales.yaml', 'utf8').replace(/^bank: .*\n/m, ''));
    expect((await cli(['run', '--answers', file])).code).toBe(2);
    const named = await cli(['run', '--answers', file, '--bank', 'cash@1', '--format', 'json']);
    expect(named.code, named.stderr).toBe(0);
    expect(JSON.parse(named.stdout).bank.version).toBe('1.0.0');
  });

  it('lints both built-in banks; 1.0.0 is warned about for reading agreement with everything as aligned', async () => {
    const current = await cli(['bank', 'lint']);
    expect([current.code, current.stderr]).toEqual([0, '']);
    const old = await cli(['bank', 'lint', 'cash@1']);
    expect(old.code).toBe(0);
    expect(old.stdout).toMatch(/^cash@1: ok: cash 1\.0\.0, 4 pillars, 48 questions/);
    expect(old.stderr).toContain(
      'cash-test: warning: cash@1: answering 5 to every statement of the full form puts the overall score at 78, in the top band (Aligned): reverse-word more statements\n',
    );
  });

  it('refuses a version of the built-in bank it does not have, with a hint', async () => {
    const file = join(tempDir(), 'future.yaml');
    writeFileSync(file, 'bank: { id: cash, version: 3.1.0 }\nrespondent: { role: sales }\nanswers:\n  C1: 4\n');
    for (const args of [
      ['run', '--answers', file],
      ['aggregate', file],
    ]) {
      const { code, stdout, stderr } = await cli(args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(
        `cash-test: error: ${file}:1:28: bank.version: answers are for version 3.1.0 of bank "cash", which this cash-test does not have (it has 2.x as cash@2, 1.x as cash@1)\n` +
          'hint: update cash-test, or pass --bank with the folder of the bank these answers were made with\n',
      );
    }
  });
});
