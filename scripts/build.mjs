// Bundles the CLI into dist/ in four steps, so that `--version` and `--help` load one file:
// 1. dist/main.js: the entry and the command line (cli.ts, with commander; evaluated only when imported),
//    and no chunk; each other module it imports lazily (a command, the error report) is left as an import
//    of dist/<path>.js. A module shared with the other steps (roles, sanitize) is copied in; the copies are pure.
// 2. dist/commands/run/index.js and dist/commands/aggregate.js: the commands a script runs, each as one file
//    with all it imports and its text and JSON renderers, so that a scripted run loads one file more (25 files
//    cost it about 8% of its CPU and waits for each); what each imports lazily (the interview, the full YAML
//    path, zod for a --map file) is left as an import of dist/<path>.js.
//    Their copies of shared modules hold no state that crosses the boundary; errors are known by a brand (core/errors.ts).
// 3. every other lazily imported module, bundled with code splitting: dist/commands/*.js etc. beside dist/chunks/*.js.
// 4. dist/builtin-bank-<name>.json: each built-in bank, validated once here rather than on every run.
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  // The oldest Node that package.json's engines promises.
  target: 'node20.17',
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

/**
 * node:fs as CommonJS: an ES import of it makes Node build its ES facade, which reads every export and so loads
 * Node's streams for fs.ReadStream (about 2 ms for every command). Required, it is the module object as it is.
 */
const nodeFsRequired = {
  name: 'node-fs-required',
  setup(b) {
    b.onResolve({ filter: /^(node:)?fs$/ }, (args) => (args.kind === 'import-statement' ? { path: 'node:fs', namespace: 'node-fs-required' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'node-fs-required' }, () => ({ contents: "module.exports = require('node:fs');", loader: 'js' }));
  },
};

const SRC = resolve('src');
const DIST = resolve('dist');
const IN_MAIN = new Set([resolve('src/cli.ts')]);
// Each scripted command's own file: the command with what it imports and the renderers a script asks for most.
const JSON_RENDERER = resolve('src/render/shared/json.ts');
const ONE_FILE = new Map([
  [resolve('src/commands/run/index.ts'), new Set([resolve('src/render/single/text.ts'), JSON_RENDERER])],
  [resolve('src/commands/aggregate.ts'), new Set([resolve('src/render/team/text.ts'), JSON_RENDERER])],
]);

/**
 * Each of our modules that `from` imports lazily stays an import of its own file, dist/<path>.js (collected in
 * `outside`), unless `inside(path)`: then it is bundled into `from`, evaluated when first imported.
 */
function lazyModulesStayOutside(from, inside, outside) {
  return {
    name: 'lazy-modules-stay-outside',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind !== 'dynamic-import') return undefined;
        const { path } = await b.resolve(args.path, { kind: 'import-statement', resolveDir: args.resolveDir });
        if (inside(path)) return undefined;
        if (!path.startsWith(`${SRC}/`)) throw new Error(`${relative(DIST, from)} may import only our own modules lazily, not ${path}`);
        outside.add(path);
        const target = relative(dirname(from), join(DIST, relative(SRC, path).replace(/\.ts$/, '.js')));
        return { path: target.startsWith('.') ? target : `./${target}`, external: true };
      });
    },
  };
}

await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
const lazy = new Set();
const main = await build({
  ...common,
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.js',
  plugins: [nodeFsRequired, lazyModulesStayOutside(join(DIST, 'main.js'), (path) => IN_MAIN.has(path), lazy)],
});
const oneFileOutside = new Set();
const oneFileOutputs = {};
for (const [entry, inside] of ONE_FILE) {
  const outfile = join(DIST, relative(SRC, entry).replace(/\.ts$/, '.js'));
  const { metafile } = await build({
    ...common,
    entryPoints: [entry],
    outfile,
    plugins: [nodeFsRequired, lazyModulesStayOutside(outfile, (path) => inside.has(path) || !path.startsWith(`${SRC}/`), oneFileOutside)],
  });
  Object.assign(oneFileOutputs, metafile.outputs);
  lazy.delete(entry);
}
for (const entry of ONE_FILE.keys()) oneFileOutside.delete(entry);
const commands = await build({
  ...common,
  entryPoints: [...lazy, ...oneFileOutside, resolve('src/index.ts')],
  outbase: 'src',
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [nodeFsRequired],
});

// What went into each output file, for `npm run bench` (not part of the package).
await mkdir('node_modules/.cache/cash-test', { recursive: true });
await writeFile(
  'node_modules/.cache/cash-test/meta.json',
  JSON.stringify({ outputs: { ...main.metafile.outputs, ...oneFileOutputs, ...commands.metafile.outputs } }),
);

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
