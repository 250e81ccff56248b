// The library from another ESM project: the package packed as npm would publish it, installed offline into a
// fresh project, and the README's example run there on an answer file; a TypeScript file type-checked against it.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { SLOW_TEST_TIMEOUT_MS } from '../helpers/timeouts.js';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const example = /## Use it as a library[\s\S]*?```js\n([\s\S]*?)```/.exec(readFileSync(join(ROOT, 'README.md'), 'utf8'))?.[1] ?? '';

const dir = mkdtempSync(join(tmpdir(), 'cash-test-library-'));
const project = join(dir, 'project');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the library, installed from the packed tarball', () => {
  beforeAll(() => {
    // The build is there already (the e2e project builds first); --ignore-scripts keeps pack from rebuilding it under other tests.
    execFileSync(NPM, ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const [tarball] = readdirSync(dir).filter((f) => f.endsWith('.tgz'));
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'uses-cash-test', private: true, type: 'module' }));
    execFileSync(NPM, ['install', join(dir, tarball ?? 'none'), '--offline', '--ignore-scripts', '--no-audit', '--no-fund', '--silent'], {
      cwd: project,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }, SLOW_TEST_TIMEOUT_MS);

  it('ships the build, the declarations and the questions, and nothing of src/ or test/', () => {
    const installed = join(project, 'node_modules', 'cash-test');
    const top = readdirSync(installed).sort();
    expect(top).toEqual(expect.arrayContaining(['bin', 'dist', 'questions', 'package.json']));
    expect(top).not.toContain('src');
    expect(top).not.toContain('test');
    expect(readdirSync(join(installed, 'dist', 'types'))).toContain('index.d.ts');
  });

  it("runs the README's example, which scores an answer file", () => {
    expect(example).toContain("from 'cash-test'");
    writeFileSync(join(project, 'score.mjs'), example);
    const run = spawnSync(process.execPath, ['score.mjs', join(ROOT, 'examples', 'dana-sales.yaml')], { cwd: project, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const cli = spawnSync(
      process.execPath,
      [join(ROOT, 'bin', 'cash-test.js'), 'run', '--answers', join(ROOT, 'examples', 'dana-sales.yaml'), '--format', 'json'],
      { encoding: 'utf8' },
    );
    const result = JSON.parse(cli.stdout);
    expect(run.stdout.split('\n')[0]).toBe(`sales: ${Math.round(result.overall.score)}/100, ${result.overall.band.label}`);
    expect(run.stdout.split('\n')[1]).toMatch(/^# /);
  });

  it('type-checks a TypeScript user of the API against the shipped declarations', () => {
    writeFileSync(
      join(project, 'use.ts'),
      [
        "import { InputError, loadBank, scoreRespondent, Session, TEAM_FORMATS, type Bank, type RespondentScore, type TeamFormat } from 'cash-test';",
        'const bank: Bank = await loadBank();',
        "const score: RespondentScore = scoreRespondent(bank, 'quick', {});",
        'const formats: readonly TeamFormat[] = TEAM_FORMATS;',
        'const overall: number | null = score.overall;',
        'console.log(overall, formats, InputError.name, Session.name);',
        '',
      ].join('\n'),
    );
    writeFileSync(join(project, 'wrong.ts'), "import { scoreRespondent } from 'cash-test';\nscoreRespondent('not a bank', 'quick', {});\n");
    const tsc = (file: string) =>
      spawnSync(
        process.execPath,
        [
          join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
          '--noEmit',
          '--strict',
          '--skipLibCheck',
          '--module',
          'nodenext',
          '--moduleResolution',
          'nodenext',
          '--target',
          'es2022',
          '--types',
          'node',
          '--typeRoots',
          join(ROOT, 'node_modules', '@types'),
          file,
        ],
        { cwd: project, encoding: 'utf8' },
      );
    const good = tsc('use.ts');
    expect(good.stdout + good.stderr).toBe('');
    expect(good.status).toBe(0);
    const wrong = tsc('wrong.ts');
    expect(wrong.status).not.toBe(0);
    expect(wrong.stdout).toContain("is not assignable to parameter of type 'Bank'");
  });
});
