import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from '../helpers/cli.js';
import { MINI_BANK } from '../helpers/team.js';

// The built CLI (npm run build), spawned as a user runs it.

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'main.js'))) throw new Error('run `npm run build` before the end-to-end tests');
});

/** Six people in the mini bank: sales see Tools far worse than marketing does (12.5 against 91.7). */
async function answers(dir: string, shift = 0): Promise<string> {
  const folder = join(dir, `answers${shift}`);
  await mkdir(folder);
  const people: [string, number[]][] = [
    ['sales', [4, 2, 1, 2]],
    ['sales', [3, 3, 1, 1]],
    ['sales', [4, 2, 2, 'na' as never]],
    ['marketing', [4, 2, 5, 4]],
    ['marketing', [3, 2, 4, 5]],
    ['marketing', [5, 1, 5, 5]],
  ];
  await Promise.all(
    people.map(([role, [t1, t2, k1, k2]], i) =>
      writeFile(
        join(folder, `p${i}.yaml`),
        `respondent:\n  role: ${role}\n  name: Secret${i}Name\nanswers:\n  T1: ${t1}\n  T2: ${t2}\n  K1: ${typeof k1 === 'number' ? Math.min(5, k1 + shift) : k1}\n  K2: ${k2}\n`,
      ),
    ),
  );
  return folder;
}

describe('cash-test aggregate', () => {
  it('prints the team report of a folder, without names', async () => {
    const dir = tempDir();
    const r = await cli(['aggregate', await answers(dir), '--bank', MINI_BANK], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Mini bank: team report');
    expect(r.stdout).toMatch(/Sales rate Tools 79 points lower than marketing \(12 v 91; 95% interval −\d+ to −\d+\): beyond noise\./);
    expect(r.stdout).toContain('Workshop agenda (90 minutes)');
    expect(r.stdout).not.toContain('Secret');
    expect((await cli(['aggregate', join(dir, 'answers0'), '--bank', MINI_BANK, '--show-names'], { cwd: dir })).stdout).toContain('Secret0Name');
  });

  it('gates on the team score and the sales − marketing gap, after printing the report', async () => {
    const dir = tempDir();
    const folder = await answers(dir);
    const gap = await cli(['aggregate', folder, '--bank', MINI_BANK, '--fail-gap-over', '30', '--format', 'markdown'], { cwd: dir });
    expect(gap.code).toBe(1);
    expect(gap.stdout).toContain('## Workshop agenda (90 minutes)');
    expect(gap.stderr).toBe('cash-test: Tools sales − marketing gap (absolute) is 79.2: --fail-gap-over 30 not met\n');
    const score = await cli(['aggregate', folder, '--bank', MINI_BANK, '--fail-under', '90', '--format', 'csv'], { cwd: dir });
    expect(score.code).toBe(1);
    expect(score.stderr).toMatch(/^cash-test: team score is \d+(\.\d)?: --fail-under 90 not met\n$/);
    expect((await cli(['aggregate', folder, '--bank', MINI_BANK, '--fail-under', '10', '--fail-gap-over', '80'], { cwd: dir })).code).toBe(0);
    const hidden = await cli(['aggregate', folder, '--bank', MINI_BANK, '--min-group', '4', '--fail-gap-over', '60'], { cwd: dir });
    expect(hidden.code).toBe(1);
    expect(hidden.stderr).toContain('the sales − marketing gap cannot be checked: fewer than 4 people answered as sales');
  });

  it('lists every CSV problem as file:line:col, exits 2 and writes nothing', async () => {
    const dir = tempDir();
    await writeFile(
      join(dir, 'bad.csv'),
      'Role,We talk every week.,We rarely talk.,Our CRM is connected.,Sales can find content.\r\nsales,Agre,1,1,1\r\nfinance,1,1,1,7\r\n',
    );
    const r = await cli(['aggregate', 'bad.csv', '--bank', MINI_BANK, '--out', 'team.md', '--format', 'markdown'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^cash-test: error: bad\.csv:2:2: column B \(T1\): "Agre" is not an answer/),
      'cash-test: error: bad.csv:3:1: column A ("Role"): "finance" is not a role (sales, marketing, leadership, revops, other): map it with --map (roles: …)',
      'cash-test: error: bad.csv:3:5: column E (K2): 7 is off the scale 1..5',
    ]);
    expect(existsSync(join(dir, 'team.md'))).toBe(false);
  });

  it('refuses to replace a report without --force', async () => {
    const dir = tempDir();
    const folder = await answers(dir);
    await writeFile(join(dir, 'team.json'), 'keep me');
    const r = await cli(['aggregate', folder, '--bank', MINI_BANK, '--format', 'json', '--out', 'team.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('cash-test: error: team.json: already exists\nhint: pass --force to replace it, or choose another --out file\n');
    expect(await readFile(join(dir, 'team.json'), 'utf8')).toBe('keep me');
  });
});

describe('cash-test compare', () => {
  it('compares two team results written by aggregate', async () => {
    const dir = tempDir();
    expect((await cli(['aggregate', await answers(dir), '--bank', MINI_BANK, '--format', 'json', '--out', 'q1.json'], { cwd: dir })).code).toBe(0);
    expect((await cli(['aggregate', await answers(dir, 3), '--bank', MINI_BANK, '--format', 'json', '--out', 'q2.json'], { cwd: dir })).code).toBe(0);
    const r = await cli(['compare', 'q1.json', 'q2.json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('What changed (team results)');
    const md = await cli(['compare', 'q1.json', 'q2.json', '--format', 'json'], { cwd: dir });
    const json = JSON.parse(md.stdout) as { kind: string; gaps: { gap: string; pillar: string; reading: string; clear: boolean }[]; improved: string[] };
    expect(json).toMatchObject({ kind: 'compare', of: 'team', bankChanged: false });
    const tools = json.gaps.find((g) => g.gap === 'sales-marketing' && g.pillar === 'tools');
    expect(tools?.reading).toMatch(/^The sales − marketing gap on Tools narrowed by \d+ points/);
    // 3 a side: a narrowing listed as improved only when beyond noise
    expect(json.improved.includes(tools?.reading ?? '')).toBe(tools?.clear);
  });

  it('refuses a single result against a team result', async () => {
    const dir = tempDir();
    expect((await cli(['aggregate', await answers(dir), '--bank', MINI_BANK, '--format', 'json', '--out', 'team.json'], { cwd: dir })).code).toBe(0);
    expect(
      (await cli(['run', '--bank', MINI_BANK, '--answers', join(dir, 'answers0', 'p0.yaml'), '--format', 'json', '--out', 'me.json'], { cwd: dir })).code,
    ).toBe(0);
    const r = await cli(['compare', 'me.json', 'team.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cash-test: error: team.json: is a team result, but me.json is a single result: compare two results of the same kind');
  });
});
