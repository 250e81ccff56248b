import { spawn } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';
import { SLOW_TEST_TIMEOUT_MS } from '../helpers/timeouts.js';

interface Run {
  code: number | null;
  output: string;
}

/** The environment of the test run without what `npm test` itself passes to its scripts (npm_config_*, npm_package_*...). */
const cleanEnv = (): NodeJS.ProcessEnv => Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('npm_')));

function run(command: string, args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...cleanEnv(), NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('the package', () => {
  it('holds the build, the bank, the licence and every file the README links to, and no sources or tests', async () => {
    const packed = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], ROOT);
    expect(packed.code, packed.output).toBe(0);
    const files: string[] = JSON.parse(packed.output.slice(packed.output.indexOf('[')))[0].files.map((f: { path: string }) => f.path);
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'bin/cash-test.js', 'dist/main.js']));
    for (const entry of manifest.files as string[]) expect(files.filter((f) => f.startsWith(`${entry}/`)).length, entry).toBeGreaterThan(0);
    expect(files.filter((f) => /^dist\/.*bank.*\.json$/.test(f)).length, 'the built-in bank, compiled').toBeGreaterThan(0);
    expect(files.filter((f) => /^(src|test|scripts)\//.test(f))).toEqual([]);

    const links = [...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/\]\(([^)#\s]+)\)/g)].map((m) => m[1] ?? '').filter((l) => !/^[a-z]+:/.test(l));
    expect(links).toContain('docs/team-report.md');
    expect(links.filter((link) => !files.some((f) => f === link || f.startsWith(link.endsWith('/') ? link : `${link}/`)))).toEqual([]);
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect(manifest.license).toBe('MIT');
  });

  // The README's install line, from the sources as a clone has them (no node_modules, no dist), into a private prefix.
  // It installs the development tree too (from npm's cache where it can), so it gets the time of three slow tests.
  it(
    '`npm install -g .` works without `npm ci` first, and no package refuses this Node (EBADENGINE)',
    async () => {
      const dir = tempDir();
      const source = join(dir, 'cash-test');
      cpSync(ROOT, source, {
        recursive: true,
        filter: (path) => !/^(node_modules|dist|\.git|test-output)(\/|$)/.test(relative(ROOT, path)),
      });
      const prefix = join(dir, 'prefix');
      const install = await run(
        'npm',
        ['install', '-g', '.', '--prefix', prefix, '--foreground-scripts', '--prefer-offline', '--no-audit', '--no-fund'],
        source,
      );
      expect(install.code, install.output).toBe(0);
      expect(install.output).toMatch(/installing the build's tools first/);
      expect(install.output).not.toMatch(/EBADENGINE/);

      const bin = join(prefix, 'bin', 'cash-test');
      const version = await run(bin, ['--version'], dir);
      expect(version).toEqual({ code: 0, output: `${manifest.version}\n` });
      const scored = await run(bin, ['run', '--answers', join(ROOT, 'examples', 'dana-sales.yaml')], dir);
      expect(scored.code, scored.output).toBe(0);
      expect(scored.output).toMatch(/^Overall: \d+\/100/m);
    },
    3 * SLOW_TEST_TIMEOUT_MS,
  );
});
