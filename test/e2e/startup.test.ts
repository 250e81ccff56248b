import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from '../helpers/cli.js';

// Which files of the bundle a command really loads, traced by a module hook (test/helpers/trace-imports.mjs):
// start-up is one file besides the shim, and each heavy part loads only for the command that needs it.

const TRACER = join(ROOT, 'test', 'helpers', 'trace-imports.mjs');
const DANA = join(ROOT, 'examples', 'dana-sales.yaml');

async function loaded(args: string[]): Promise<string[]> {
  const trace = join(tempDir(), 'trace.txt');
  const { code } = await cli(args, { env: { NODE_OPTIONS: `--import=${TRACER}`, CASH_TEST_TRACE: trace } });
  expect(code).toBe(0);
  return readFileSync(trace, 'utf8')
    .trim()
    .split('\n')
    .map((url) => relative(ROOT, fileURLToPath(url)));
}

/** The source files and packages bundled into a file of dist/, from the metafile the build leaves in node_modules/.cache. */
function inputsOf(file: string): string[] {
  const { outputs } = JSON.parse(readFileSync(join(ROOT, 'node_modules', '.cache', 'cash-test', 'meta.json'), 'utf8')) as {
    outputs: Record<string, { inputs: Record<string, unknown> }>;
  };
  return Object.keys(outputs[file]?.inputs ?? {});
}

/** The npm packages bundled into the files a command loaded. */
function packagesIn(files: readonly string[]): string[] {
  const names = files.flatMap((file) => inputsOf(file).map((input) => input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1]));
  return [...new Set(names.filter((name) => name !== undefined))].sort();
}

describe('start-up loads only what the command needs (built binary)', () => {
  it('a scripted run of a plain answer file loads neither zod nor the YAML parser; a broken one loads them to say what is wrong', async () => {
    const plain = packagesIn(await loaded(['run', '--answers', DANA]));
    expect(plain).toContain('commander');
    expect(plain).not.toContain('zod');
    expect(plain).not.toContain('yaml');
    const trace = join(tempDir(), 'trace.txt');
    const broken = await cli(['run', '--answers', join(ROOT, 'examples', 'broken.yaml')], {
      env: { NODE_OPTIONS: `--import=${TRACER}`, CASH_TEST_TRACE: trace },
    });
    expect(broken.code).toBe(2);
    const files = readFileSync(trace, 'utf8')
      .trim()
      .split('\n')
      .map((url) => relative(ROOT, fileURLToPath(url)));
    expect(packagesIn(files)).toEqual(expect.arrayContaining(['yaml', 'zod']));
  });

  it.each([['--version'], ['--help'], ['run', '--help']])('%s loads the shim and dist/main.js, nothing else', async (...args) => {
    expect(await loaded(args)).toEqual(['bin/cash-test.js', 'dist/main.js']);
  });

  it.each([['text'], ['json']])(
    'a scripted run as %s loads one file of its own: the command with the text and JSON renderers, no prompts, no HTML',
    async (format) => {
      const files = await loaded(['run', '--answers', DANA, '--format', format]);
      expect(files).toEqual(['bin/cash-test.js', 'dist/main.js', 'dist/commands/run/index.js']);
      const bundled = inputsOf('dist/commands/run/index.js');
      expect(bundled).toEqual(expect.arrayContaining(['src/commands/run/index.ts', 'src/render/single/text.ts', 'src/render/shared/json.ts']));
      expect(bundled.filter((input) => /prompts\/|\/html|@inquirer/.test(input))).toEqual([]);
    },
  );

  it('a team report of answer files or a CSV export loads one file of its own, and neither zod nor the YAML parser', async () => {
    const { bank } = JSON.parse(readFileSync(join(ROOT, 'dist', 'builtin-bank-cash-2.json'), 'utf8')) as {
      bank: { pillars: { questions: { id: string }[] }[] };
    };
    const ids = bank.pillars.flatMap((p) => p.questions.map((q) => q.id));
    const csv = join(tempDir(), 'export.csv');
    writeFileSync(csv, `Role,${ids.map((id) => `Statement [${id}]`).join(',')}\nSales,${ids.map(() => 'Agree').join(',')}\n`);
    for (const inputs of [[join(ROOT, 'examples', 'team')], [csv]]) {
      const files = await loaded(['aggregate', ...inputs, '--format', 'json']);
      expect(files).toEqual(['bin/cash-test.js', 'dist/main.js', 'dist/commands/aggregate.js']);
      expect(packagesIn(files)).not.toContain('zod');
      expect(packagesIn(files)).not.toContain('yaml');
    }
    expect(inputsOf('dist/commands/aggregate.js')).toEqual(expect.arrayContaining(['src/render/team/text.ts', 'src/render/shared/json.ts']));
  });

  it('no file of the bundle imports node:fs as an ES module (its facade would load Node streams on every start)', () => {
    const files = readdirSync(join(ROOT, 'dist'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    expect(files).toContain('main.js');
    const importing = files.filter((f) => /\bfrom\s*["']node:fs["']|\bimport\s*\(\s*["']node:fs["']\s*\)/.test(readFileSync(join(ROOT, 'dist', f), 'utf8')));
    expect(importing).toEqual([]);
  });
});
