// Which streaming CSV parser to use, by measurement: each candidate streams the same Google Forms export
// (rows of labels, as the aggregate bench writes them) in a fresh process, hands every row on as an array
// of strings, and counts the cells; the figures are CPU seconds and peak RSS of that process.
//
//   npm install --no-save csv-parse papaparse @fast-csv/parse csv-parser udsv   (the candidates)
//   node scripts/csv-parsers/compare.mjs [ROWS]   (default 100,000; a candidate not installed is skipped)
//
// Our own reader (src/core/csv-records.ts) is measured through a bundle of it made here with esbuild.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { builtInQuestions, writeGoogleFormsCsv } from '../bench/lib/inputs.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const rows = Number(process.argv[2] ?? 100_000);
const RUNS = 3;
const candidates = ['csv-parse', 'papaparse', '@fast-csv/parse', 'csv-parser', 'udsv', 'ours'];

const dir = mkdtempSync(join(tmpdir(), 'cash-test-csv-parsers-'));
try {
  const file = join(dir, 'export.csv');
  await writeGoogleFormsCsv(file, await builtInQuestions(root), rows);
  await build({
    entryPoints: [join(root, 'src/core/csv-records.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: join(dir, 'ours.mjs'),
    logLevel: 'warning',
  });
  console.log(`${rows.toLocaleString('en')} rows; median of ${RUNS} runs each; CPU = user + sys of the parsing process\n`);
  console.log(`${'parser'.padEnd(18)} ${'version'.padEnd(9)} ${'CPU s'.padStart(7)} ${'rows/s'.padStart(10)} ${'peak RSS'.padStart(9)}   cells`);
  for (const name of candidates) {
    const samples = [];
    let last;
    for (let i = 0; i < RUNS; i++) {
      const run = spawnSync(process.execPath, [fileURLToPath(new URL('./parse-one.mjs', import.meta.url)), name, file, join(dir, 'ours.mjs')], {
        cwd: root,
        encoding: 'utf8',
      });
      if (run.status !== 0) {
        last = { skipped: run.stderr.trim().split('\n').at(-1) };
        break;
      }
      last = JSON.parse(run.stdout);
      samples.push(last.cpu);
    }
    if (last.skipped) {
      console.log(`${name.padEnd(18)} skipped: ${last.skipped}`);
      continue;
    }
    const cpu = samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)];
    console.log(
      `${name.padEnd(18)} ${last.version.padEnd(9)} ${cpu.toFixed(2).padStart(7)} ${Math.round(rows / cpu)
        .toLocaleString('en')
        .padStart(10)} ${`${Math.round(last.rssMb)} MB`.padStart(9)}   ${last.cells}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
