// Aggregation speed and memory, against a plain Python baseline measured in the same run: Google Forms
// exports (labels) of 10k, 100k and 1M rows, and a folder of answer files as the survey saves them.
// Beside them the same baseline's job in plain Node (lib/pillar-means.mjs, no checks and no report):
// the floor that Node's start and a bare loop over the bytes set, and how far `aggregate` is above it.
// `node scripts/bench/aggregate.mjs [--quick]` runs this section alone (after `npm run build`).
//
// Every command runs in a fresh process that reports its own CPU time and peak RSS; the wall time is
// measured from here. Each size is run RUNS times, the Python baseline and cash-test in turn, and
// the medians are kept.
import { spawn, spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { builtInQuestions, writeAnswerFiles, writeGoogleFormsCsv } from './lib/inputs.mjs';

const FULL = { csvRows: [10_000, 100_000, 1_000_000], answerFiles: 5_000, runs: (rows) => (rows >= 1_000_000 ? 1 : 3) };
const QUICK = { csvRows: [1_000, 2_000], answerFiles: 200, runs: () => 1 };
/** aggregate must be at least this many times faster than the Python baseline, and read this many answer files a second. */
const TARGET_RATIO = 2;
const TARGET_FILES_PER_SECOND = 5_000;

export default async function aggregateBench(ctx) {
  const { root, bin, node, log, tempDir } = ctx;
  const sizes = ctx.quick ? QUICK : FULL;
  const dir = tempDir();
  const questions = await builtInQuestions(root);
  const preload = join(dir, 'usage.mjs');
  await writeFile(
    preload,
    "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { const u = process.resourceUsage(); writeFileSync(process.env.CASH_TEST_BENCH_USAGE, JSON.stringify({ cpu: (u.userCPUTime + u.systemCPUTime) / 1e6, rssKb: u.maxRSS })); });\n",
  );
  const python = hasPython() ? ['python3', join(root, 'scripts', 'bench', 'lib', 'pillar-means.py')] : null;
  const floor = [node, join(root, 'scripts', 'bench', 'lib', 'pillar-means.mjs')];
  const cashTest = (...args) => [
    node,
    '--import',
    pathToFileURL(preload).href,
    bin,
    'aggregate',
    ...args,
    '--format',
    'json',
    '--out',
    join(dir, 'team.json'),
    '--force',
  ];
  const figures = [];
  if (python === null) figures.push({ name: 'Python baseline', value: 'skipped', unit: '(no python3 on PATH)' });

  for (const rows of sizes.csvRows) {
    const count = rows.toLocaleString('en');
    const label = `${count}-row Google Forms export`;
    const file = join(dir, `google-${rows}.csv`);
    log(`writing a ${label}`);
    await writeGoogleFormsCsv(file, questions, rows);
    log(`aggregate ${label}${python ? ', and the Python baseline' : ''}`);
    const ours = [];
    const theirs = [];
    const floors = [];
    for (let run = 0; run < sizes.runs(rows); run++) {
      if (python) theirs.push(await measure([...python, file], dir));
      floors.push(await measure([...floor, file], dir));
      ours.push(await measure(cashTest(file), dir));
    }
    if (python) checkSameMeans(theirs[0].stdout, floors[0].stdout, file);
    const us = median(ours);
    const least = median(floors);
    figures.push({ name: `aggregate ${label}`, value: Math.round(rows / us.wall), unit: 'rows/s' });
    figures.push({ name: `aggregate ${label}: peak RSS`, value: Math.round(us.rssKb / 1024), unit: 'MB' });
    figures.push({ name: `Node floor, ${label}`, value: Math.round(rows / least.wall), unit: 'rows/s' });
    figures.push({ name: `aggregate's time over the Node floor's, ${count} rows`, value: ratio(us.wall / least.wall), unit: '×' });
    if (python) {
      const them = median(theirs);
      figures.push({ name: `Python csv baseline, ${label}`, value: Math.round(rows / them.wall), unit: 'rows/s' });
      figures.push({ name: `Node floor vs Python, ${count} rows (wall)`, value: ratio(them.wall / least.wall), unit: '×' });
      figures.push({ name: `aggregate vs Python, ${label} (wall)`, value: ratio(them.wall / us.wall), unit: verdict(them.wall / us.wall) });
      figures.push({ name: `aggregate vs Python, ${label} (CPU)`, value: ratio(them.cpu / us.cpu), unit: verdict(them.cpu / us.cpu) });
    }
  }

  const folder = join(dir, 'answers');
  log(`writing ${sizes.answerFiles.toLocaleString('en')} answer files`);
  await writeAnswerFiles(folder, { node, bin }, sizes.answerFiles);
  log(`aggregate ${sizes.answerFiles.toLocaleString('en')} answer files`);
  const files = median([await measure(cashTest(folder), dir), await measure(cashTest(folder), dir), await measure(cashTest(folder), dir)]);
  const perSecond = sizes.answerFiles / files.wall;
  figures.push({
    name: `aggregate ${sizes.answerFiles.toLocaleString('en')} answer files (with comments)`,
    value: Math.round(perSecond),
    unit: `files/s (target ≥ ${TARGET_FILES_PER_SECOND.toLocaleString('en')}: ${perSecond >= TARGET_FILES_PER_SECOND ? 'met' : 'NOT met'})`,
  });
  figures.push({ name: `aggregate ${sizes.answerFiles.toLocaleString('en')} answer files: peak RSS`, value: Math.round(files.rssKb / 1024), unit: 'MB' });
  return figures;
}

const ratio = (x) => Number(x.toFixed(2));
const verdict = (x) => `× (target ≥ ${TARGET_RATIO}×: ${x >= TARGET_RATIO ? 'met' : 'NOT met'})`;

/** The Node floor must do the Python baseline's job: the same pillars and means (to the third decimal both print). */
function checkSameMeans(pythonOutput, floorOutput, file) {
  const means = (output) =>
    output
      .trim()
      .split('\n')
      .map((line) => line.split(': '));
  const [theirs, ours] = [means(pythonOutput), means(floorOutput)];
  const same = theirs.length === ours.length && theirs.every(([p, m], i) => ours[i]?.[0] === p && Math.abs(Number(ours[i]?.[1]) - Number(m)) <= 0.0011);
  if (!same) throw new Error(`the Node floor's means differ from the Python baseline's on ${file}: ${JSON.stringify({ theirs, ours })}`);
}

function hasPython() {
  return spawnSync('python3', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Runs argv to the end: its wall seconds and standard output, and the CPU seconds and peak RSS it wrote to CASH_TEST_BENCH_USAGE. */
async function measure([command, ...args], dir) {
  const usageFile = join(dir, 'usage.json');
  const started = performance.now();
  const stdout = await new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, CASH_TEST_BENCH_USAGE: usageFile }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr}`))));
  });
  const wall = (performance.now() - started) / 1000;
  return { wall, stdout, ...JSON.parse(await readFile(usageFile, 'utf8')) };
}

/** The run with the median wall time. */
function median(runs) {
  return [...runs].sort((a, b) => a.wall - b.wall)[Math.floor(runs.length / 2)];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const dirs = [];
  try {
    const figures = await aggregateBench({
      root,
      bin: join(root, 'bin', 'cash-test.js'),
      node: process.execPath,
      quick: process.argv.includes('--quick'),
      log: (line) => process.stderr.write(`${line}\n`),
      tempDir: () => dirs[dirs.push(mkdtempSync(join(tmpdir(), 'cash-test-bench-'))) - 1],
    });
    for (const f of figures) console.log(`${f.name.padEnd(60)} ${String(f.value).padStart(10)} ${f.unit}`);
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}
