import { readFileSync } from 'node:fs';
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

/** Bundled files are named after the module that starts them (a lazily loaded entry, or a chunk with a hash). */
const chunk = (name: string) => (file: string) => new RegExp(`^dist/(?:.+/)?${name}(?:-[A-Z0-9]+)?\\.js$`).test(file);

/** The npm packages bundled into the files a command loaded, from the metafile the build leaves in node_modules/.cache. */
function packagesIn(files: readonly string[]): string[] {
  const { outputs } = JSON.parse(readFileSync(join(ROOT, 'node_modules', '.cache', 'cash-test', 'meta.json'), 'utf8')) as {
    outputs: Record<string, { inputs: Record<string, unknown> }>;
  };
  const names = files.flatMap((file) => Object.keys(outputs[file]?.inputs ?? {}).map((input) => input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1]));
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

  it('a scripted run as JSON loads neither the prompt library nor a text or HTML renderer', async () => {
    const files = await loaded(['run', '--answers', DANA, '--format', 'json']);
    expect(files).toContain('dist/commands/run/index.js');
    expect(files.filter(chunk('inquirer-asker'))).toEqual([]);
    expect(files.filter(chunk('text'))).toEqual([]);
    expect(files.filter(chunk('html'))).toEqual([]);
  });

  it('a scripted run as text loads the text renderer and not the HTML one', async () => {
    const files = await loaded(['run', '--answers', DANA]);
    expect(files.filter(chunk('text'))).toHaveLength(1);
    expect(files.filter(chunk('html'))).toEqual([]);
    expect(files.filter(chunk('inquirer-asker'))).toEqual([]);
  });
});
