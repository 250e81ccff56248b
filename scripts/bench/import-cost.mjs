// What each dependency, and each part of our bundle, costs to import: a fresh `node` that imports it,
// less one that imports an empty module. Our modules are timed with what they import statically, as a
// command would load them.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const RUNS = 10;
const QUICK_RUNS = 2;
/** Smaller chunks cost well under a millisecond. */
const MIN_BYTES = 4096;

export default async function importCost({ root, quick, time, tempDir }) {
  const empty = join(tempDir(), 'empty.mjs');
  writeFileSync(empty, '');
  const require = createRequire(join(root, 'package.json'));
  const meta = buildMeta(root);
  const dist = join(root, 'dist');
  const files = (dir) =>
    readdirSync(join(dist, dir), { recursive: true })
      .filter((file) => file.endsWith('.js'))
      .map((file) => join(dist, dir, file));
  // Each command as it loads, with its static imports; then the larger chunks alone.
  const ours = [...files('commands'), ...files('chunks').filter((file) => statSync(file).size >= MIN_BYTES)];
  const targets = [
    ...bundledPackages(root, meta).map((name) => ({ name: `dependency ${name}`, url: pathToFileURL(require.resolve(name)).href })),
    ...ours.map((file) => ({
      name: `dist/${relative(dist, file)} (${Math.round(statSync(file).size / 1024)} KB${contents(meta, root, file)})`,
      url: pathToFileURL(file).href,
    })),
  ];
  const importing = (url) => ['--input-type=module', '-e', `await import(${JSON.stringify(url)})`];
  const [base, ...medians] = time([importing(pathToFileURL(empty).href), ...targets.map((t) => importing(t.url))], { runs: quick ? QUICK_RUNS : RUNS });
  return targets.map((t, i) => ({ name: t.name, value: medians[i] - base, unit: 'ms to import' }));
}

/** The packages of package.json (dependencies or devDependencies: the bundle holds them either way) that the build put into dist/. */
function bundledPackages(root, meta) {
  const { dependencies = {}, devDependencies = {} } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const inBundle = new Set(Object.values(meta?.outputs ?? {}).flatMap((output) => Object.keys(output.inputs).map(packageOf)));
  return Object.keys({ ...dependencies, ...devDependencies }).filter((name) => inBundle.has(name));
}

function buildMeta(root) {
  const meta = join(root, 'node_modules', '.cache', 'cash-test', 'meta.json');
  return existsSync(meta) ? JSON.parse(readFileSync(meta, 'utf8')) : undefined;
}

const packageOf = (input) => input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? 'src';

/** ": zod, src" — the two largest packages in a bundled file, from the metafile the build leaves in node_modules/.cache. */
function contents(meta, root, file) {
  const output = meta?.outputs[relative(root, file)];
  if (!output) return '';
  const bytes = new Map();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const name = packageOf(input);
    bytes.set(name, (bytes.get(name) ?? 0) + bytesInOutput);
  }
  return `: ${[...bytes]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2)
    .map(([name]) => name)
    .join(', ')}`;
}
