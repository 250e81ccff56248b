// Aggregation speed and memory: generates 5,000 answer files and a 1,000,000-row CSV export in a
// temporary folder, runs the built CLI on them and returns the figures. `scripts/bench.mjs` imports
// every module in scripts/bench/ and calls its default export; `node scripts/bench/aggregate.mjs`
// runs this one alone (after `npm run build`).
//
// ctx (all optional): { root: the package folder, quick: small sizes, log(line): progress lines }.

import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';

const SIZES = { full: { answerFiles: 5_000, csvRows: 1_000_000, labelledCsvRows: 100_000 }, quick: { answerFiles: 200, csvRows: 2_000, labelledCsvRows: 2_000 } };
const ROLES = ['sales', 'marketing', 'leadership', 'revops', 'other'];
const LABELS = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];

export default async function aggregateBench(ctx = {}) {
  const root = ctx.root ?? fileURLToPath(new URL('../..', import.meta.url));
  const log = ctx.log ?? (() => {});
  const { answerFiles: ANSWER_FILES, csvRows: CSV_ROWS, labelledCsvRows: LABELLED_CSV_ROWS } = ctx.quick ? SIZES.quick : SIZES.full;
  const dir = await mkdtemp(join(tmpdir(), 'cash-test-bench-'));
  try {
    const questions = await builtInQuestions(root);
    const random = seeded(42);
    const answer = () => (random() < 0.05 ? 'na' : 1 + Math.floor(random() * 5));
    const role = () => ROLES[Math.floor(random() * ROLES.length)];

    log(`writing ${ANSWER_FILES} answer files`);
    const folder = join(dir, 'answers');
    await mkdir(folder);
    for (let i = 0; i < ANSWER_FILES; i += 500) {
      await Promise.all(
        Array.from({ length: Math.min(500, ANSWER_FILES - i) }, (_, k) => {
          const lines = ['respondent:', `  role: ${role()}`, 'answers:', ...questions.map((q) => `  ${q.id}: ${answer()}`)];
          return writeFile(join(folder, `p${String(i + k).padStart(5, '0')}.yaml`), `${lines.join('\n')}\n`);
        }),
      );
    }

    log(`writing a ${CSV_ROWS.toLocaleString('en')}-row Typeform export (numbers)`);
    const typeform = join(dir, 'typeform.csv');
    await writeCsv(typeform, ['#', 'What is your role?', ...questions.map((q) => q.text), 'Submit Date (UTC)'], CSV_ROWS, (i) => [
      i.toString(36),
      role(),
      ...questions.map(() => {
        const v = answer();
        return v === 'na' ? 'N/A' : String(v);
      }),
      '2024-05-01 10:00:00',
    ]);

    log(`writing a ${LABELLED_CSV_ROWS.toLocaleString('en')}-row Google Forms export (labels)`);
    const google = join(dir, 'google.csv');
    await writeCsv(google, ['Timestamp', 'What is your role?', ...questions.map((q) => `${q.pillarName} [${q.text}]`)], LABELLED_CSV_ROWS, () => [
      '2024/05/01 10:00:00 AM GMT+2',
      role(),
      ...questions.map(() => {
        const v = answer();
        return v === 'na' ? "Don't know / not applicable" : LABELS[v - 1];
      }),
    ]);

    const preload = join(dir, 'max-rss.mjs');
    await writeFile(preload, "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(process.env.CASH_TEST_BENCH_RSS, String(process.resourceUsage().maxRSS)));\n");
    const run = async (label, input) => {
      log(`aggregate ${label}`);
      const rssFile = join(dir, 'rss');
      const started = performance.now();
      await cli(root, preload, rssFile, ['aggregate', input, '--format', 'json', '--out', join(dir, 'team.json'), '--force']);
      const seconds = (performance.now() - started) / 1000;
      return { seconds, rssMb: Number(await readFile(rssFile, 'utf8')) / 1024 };
    };

    const files = await run(`${ANSWER_FILES} answer files`, folder);
    const rows = await run(`${CSV_ROWS} CSV rows`, typeform);
    const labelled = await run(`${LABELLED_CSV_ROWS} labelled CSV rows`, google);
    return [
      { name: `aggregate ${ANSWER_FILES.toLocaleString('en')} answer files`, value: Math.round(ANSWER_FILES / files.seconds), unit: 'files/s' },
      { name: `aggregate ${ANSWER_FILES.toLocaleString('en')} answer files: peak RSS`, value: Math.round(files.rssMb), unit: 'MB' },
      { name: `aggregate ${CSV_ROWS.toLocaleString('en')}-row CSV (numbers)`, value: Math.round(CSV_ROWS / rows.seconds), unit: 'rows/s' },
      { name: `aggregate ${CSV_ROWS.toLocaleString('en')}-row CSV: peak RSS`, value: Math.round(rows.rssMb), unit: 'MB' },
      { name: `aggregate ${LABELLED_CSV_ROWS.toLocaleString('en')}-row CSV (labels)`, value: Math.round(LABELLED_CSV_ROWS / labelled.seconds), unit: 'rows/s' },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function builtInQuestions(root) {
  const bank = parse(await readFile(join(root, 'questions', 'bank.yaml'), 'utf8'));
  const pillars = await Promise.all(bank.pillars.map(async (id) => parse(await readFile(join(root, 'questions', `${id}.yaml`), 'utf8'))));
  return pillars.flatMap((p) => p.questions.map((q) => ({ id: q.id, text: q.text, pillarName: p.name })));
}

async function writeCsv(file, header, rows, row) {
  const cell = (text) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const out = createWriteStream(file);
  let chunk = `${header.map(cell).join(',')}\r\n`;
  for (let i = 0; i < rows; i++) {
    chunk += `${row(i).map(cell).join(',')}\r\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

function cli(root, preload, rssFile, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', pathToFileURL(preload).href, join(root, 'bin', 'cash-test.js'), ...args], {
      env: { ...process.env, CASH_TEST_BENCH_RSS: rssFile },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`cash-test ${args.join(' ')} exited ${code}: ${stderr}`))));
  });
}

function seeded(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await aggregateBench({ quick: process.argv.includes('--quick'), log: (line) => process.stderr.write(`${line}\n`) });
  for (const f of figures) console.log(`${f.name.padEnd(48)} ${String(f.value).padStart(10)} ${f.unit}`);
}
