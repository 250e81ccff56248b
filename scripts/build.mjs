// Bundles the CLI into dist/: one entry for the start-up path, and a chunk per lazily imported command,
// so `--version` and `--help` load nothing but commander.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ['src/main.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.12',
  minify: true,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  // CommonJS dependencies bundled into ESM still call require().
  banner: { js: "import { createRequire as __cashTestCreateRequire } from 'node:module'; const require = __cashTestCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
