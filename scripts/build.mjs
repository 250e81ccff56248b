// Bundles the CLI into dist/ in three steps, so that `--version` and `--help` load one file:
// 1. dist/main.js: the entry and the command line (cli.ts, with commander; evaluated only when imported),
//    and no chunk; each other module it imports lazily (a command, the error report) is left as an import
//    of dist/<path>.js. A module shared with step 2 (roles, sanitize) is copied in; both copies are pure.
// 2. those modules, bundled with code splitting: dist/commands/*.js etc. beside dist/chunks/*.js.
// 3. dist/builtin-bank-<name>.json: each built-in bank, validated once here rather than on every run.
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.12',
  minify: true,
  legalComments: 'none',
  // CommonJS dependencies bundled into ESM still call require().
  banner: { js: "import { createRequire as __cashTestCreateRequire } from 'node:module'; const require = __cashTestCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  metafile: true,
  // yaml's ESM build (its "default" export; "node" gets CommonJS): bundled without the CommonJS wrapper and
  // with what we do not use left out, it makes a scripted run about 8 ms faster. The code is the same.
  alias: { yaml: resolve('node_modules/yaml/browser/index.js') },
};

const SRC = resolve('src');
const IN_MAIN = new Set([resolve('src/cli.ts')]);
const lazy = new Set();

await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
const main = await build({
  ...common,
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.js',
  plugins: [
    {
      name: 'lazy-modules-stay-outside',
      setup(b) {
        b.onResolve({ filter: /.*/ }, async (args) => {
          if (args.kind !== 'dynamic-import') return undefined;
          const { path } = await b.resolve(args.path, { kind: 'import-statement', resolveDir: args.resolveDir });
          if (IN_MAIN.has(path)) return undefined;
          if (!path.startsWith(`${SRC}/`)) throw new Error(`main.js may import only our own modules lazily, not ${path}`);
          lazy.add(path);
          return { path: `./${relative(SRC, path).replace(/\.ts$/, '.js')}`, external: true };
        });
      },
    },
  ],
});
const commands = await build({
  ...common,
  entryPoints: [...lazy, resolve('src/index.ts')],
  outbase: 'src',
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});

// What went into each output file, for `npm run bench` (not part of the package).
await mkdir('node_modules/.cache/cash-test', { recursive: true });
await writeFile('node_modules/.cache/cash-test/meta.json', JSON.stringify({ outputs: { ...main.metafile.outputs, ...commands.metafile.outputs } }));

// The bank is compiled by the very code that loads it, bundled here for the moment.
const compiler = resolve('dist/.compile-bank.mjs');
await build({
  ...common,
  minify: false,
  stdin: {
    contents: [
      "export { loadBankFolder } from './src/io/load-bank-folder.ts';",
      "export { compileBank, compiledBankFile } from './src/io/compiled-bank.ts';",
      "export { BUILT_IN_BANKS } from './src/io/built-in-banks.ts';",
    ].join(' '),
    resolveDir: '.',
    loader: 'ts',
  },
  outfile: compiler,
});
try {
  const { loadBankFolder, compileBank, compiledBankFile, BUILT_IN_BANKS } = await import(pathToFileURL(compiler).href);
  for (const { name, folder } of BUILT_IN_BANKS) {
    const dir = `questions/${folder}`;
    await writeFile(`dist/${compiledBankFile(name)}`, JSON.stringify(await compileBank(dir, await loadBankFolder(dir))));
  }
} finally {
  await rm(compiler);
}

execFileSync(process.execPath, [resolve('node_modules/typescript/bin/tsc'), '-p', 'tsconfig.types.json'], { stdio: 'inherit' });
