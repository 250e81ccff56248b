import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from '../helpers/cli.js';

function quickBench(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'bench.mjs'), '--quick'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The rows printed under a section header, up to the next blank line. */
function section(stdout: string, header: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.indexOf(header);
  if (start < 0) return [];
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

// The quick mode runs every part of the bench small: its figures are not checked, only that each table printed.
test('npm run bench --quick runs every section to the end', { timeout: 600_000 }, async () => {
  const { code, stdout, stderr } = await quickBench();
  expect(stderr).not.toMatch(/Error|at .*\.mjs:\d+/);
  expect(code).toBe(0);
  expect(stdout).toMatch(/^node -e 0 \(bare node\) +\d+\.\d ms {2}1\.00×$/m);
  expect(stdout).toMatch(/^cash-test --version +\d+\.\d ms {2}\d+\.\d\d× {2}\(target ≤ 1\.25×: (met|NOT met)\)$/m);
  expect(stdout).toMatch(/^cash-test run --answers \(full form, text\) +\d+\.\d ms {2}\d+\.\d\d× {2}\(target ≤ 1\.6×: (met|NOT met)\)$/m);
  const modules = readdirSync(join(ROOT, 'scripts', 'bench')).filter((file) => file.endsWith('.mjs'));
  expect(modules).toContain('import-cost.mjs');
  for (const file of modules) {
    const rows = section(stdout, file);
    expect(rows.length, `${file} printed no rows`).toBeGreaterThan(0);
    for (const row of rows) expect(row, `${file}: ${row}`).toMatch(/\S {2,}-?[\d.]+ \S/);
  }
  expect(section(stdout, 'import-cost.mjs').some((row) => row.startsWith('dependency zod '))).toBe(true);
});
