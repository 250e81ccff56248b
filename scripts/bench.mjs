// npm run bench (after a build): start-up and run times of the built CLI, each as milliseconds and as a
// ratio to a bare `node -e 0` measured in the same run, then every figure of the scripts/bench/*.mjs modules.
//
// The commands are timed round-robin (one run of each, again and again) after warm-up rounds, and the
// median is kept: a machine that gets busier or quieter during the bench shifts every command alike.
//
// `--quick` (or BENCH_QUICK=1) runs every part small and few times: it proves the bench runs to the end
// (a test does that), and its figures mean little.
//
// A module in scripts/bench/ exports `default async function (ctx)` returning `[{ name, value, unit }]`;
// ctx holds { root, bin, node, quick, log(line), tempDir(), time(argvs, { runs, cwd }) }
// (time: median ms per argv, round-robin; log: a progress line on stderr).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'cash-test.js');
const node = process.execPath;
const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const RUNS = Number(process.env.BENCH_RUNS ?? (quick ? 3 : 30));
const WARMUP = quick ? 1 : 3;
const log = (line) => process.stderr.write(`${line}\n`);

const temporary = [];
function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'cash-test-bench-'));
  temporary.push(dir);
  return dir;
}

/** Median wall time in ms of each argv (run with node), measured round-robin. */
function time(argvs, { runs = RUNS, cwd = root } = {}) {
  const samples = argvs.map(() => []);
  for (let round = -WARMUP; round < runs; round++) {
    argvs.forEach((argv, i) => {
      const start = process.hrtime.bigint();
      const result = spawnSync(node, argv, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (result.status !== 0) throw new Error(`node ${argv.join(' ')} exited ${result.status}: ${result.stderr}`);
      if (round >= 0) samples[i].push(ms);
    });
  }
  return samples.map((s) => s.sort((a, b) => a - b)[Math.floor(s.length / 2)]);
}

const answers = join(root, 'examples', 'dana-sales.yaml');
const commands = [
  { name: 'node -e 0 (bare node)', argv: ['-e', '0'] },
  { name: 'cash-test --version', argv: [bin, '--version'], target: 1.25 },
  { name: 'cash-test --help', argv: [bin, '--help'] },
  { name: 'cash-test run --answers (full form, text)', argv: [bin, 'run', '--answers', answers], target: 1.6 },
  { name: 'cash-test run --answers (full form, json)', argv: [bin, 'run', '--answers', answers, '--format', 'json'] },
];

try {
  console.log(`node ${process.version}, median of ${RUNS} round-robin runs after ${WARMUP} warm-up rounds\n`);
  const medians = time(commands.map((c) => c.argv));
  const bare = medians[0];
  for (const [i, command] of commands.entries()) {
    const ratio = medians[i] / bare;
    const verdict =
      command.target === undefined ? '' : ratio <= command.target ? `  (target ≤ ${command.target}×: met)` : `  (target ≤ ${command.target}×: NOT met)`;
    console.log(`${command.name.padEnd(60)} ${medians[i].toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}×${verdict}`);
  }

  const benchDir = join(root, 'scripts', 'bench');
  const modules = existsSync(benchDir)
    ? readdirSync(benchDir)
        .filter((f) => f.endsWith('.mjs'))
        .sort()
    : [];
  for (const file of modules) {
    const { default: bench } = await import(pathToFileURL(join(benchDir, file)).href);
    console.log(`\n${file}`);
    for (const { name, value, unit } of await bench({ root, bin, node, quick, log, tempDir, time })) {
      console.log(`${name.padEnd(60)} ${typeof value === 'number' ? value.toFixed(1).padStart(7) : String(value).padStart(7)} ${unit}`);
    }
  }
} finally {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
}
