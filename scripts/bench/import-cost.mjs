// What each dependency, and each part of our bundle, costs to import: a fresh `node` that imports it,
// less a bare one. Our modules are timed with what they import statically, as a command would load them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const RUNS = 10;
/** Smaller modules cost well under a millisecond. */
const MIN_BYTES = 4096;

export default async function importCost({ root, time }) {
  const require = createRequire(join(root, 'package.json'));
  const { dependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const dist = join(root, 'dist');
  const ours = ['commands', 'chunks']
    .flatMap((dir) => readdirSync(join(dist, dir)).map((file) => join(dist, dir, file)))
    .filter((file) => file.endsWith('.js') && statSync(file).size >= MIN_BYTES);
  const targets = [
    ...Object.keys(dependencies).map((name) => ({ name: `dependency ${name}`, url: pathToFileURL(require.resolve(name)).href })),
    ...ours.map((file) => ({ name: `dist/${relative(dist, file)} (${Math.round(statSync(file).size / 1024)} KB)`, url: pathToFileURL(file).href })),
  ];
  const [bare, ...medians] = time([['-e', '0'], ...targets.map((t) => ['--input-type=module', '-e', `await import(${JSON.stringify(t.url)})`])], { runs: RUNS });
  return targets.map((t, i) => ({ name: t.name, value: medians[i] - bare, unit: 'ms to import' }));
}
