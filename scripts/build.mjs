// Bundles the CLI into dist/ in two steps, so that `--version` and `--help` load one file:
// 1. dist/main.js: the entry, with commander and everything it imports statically, and no chunk;
//    each module it imports lazily (a command, the error report) is left as an import of dist/<path>.js.
// 2. those modules, bundled with code splitting: dist/commands/*.js etc. beside dist/chunks/*.js.
// A module shared by both steps (roles, sanitize) is copied into main.js; both copies are pure.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { relative, resolve } from 'node:path';

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
};

const SRC = resolve('src');
const lazy = new Set();

await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
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
          if (!path.startsWith(`${SRC}/`)) throw new Error(`main.js may import only our own modules lazily, not ${path}`);
          lazy.add(path);
          return { path: `./${relative(SRC, path).replace(/\.ts$/, '.js')}`, external: true };
        });
      },
    },
  ],
});
await build({
  ...common,
  entryPoints: [...lazy],
  outbase: 'src',
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});
