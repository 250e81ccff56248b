import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { SLOW_TEST_TIMEOUT_MS } from '../helpers/timeouts.js';

interface Manifest {
  name: string;
  engines?: { node?: string };
}

const readManifest = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const promised = readManifest(ROOT).engines?.node ?? '';

/** The folder of every npm package that the bundles hold: the command line (each lazily loaded command too) and the library. */
async function bundledPackages(): Promise<string[]> {
  const { metafile } = await build({
    entryPoints: [join(ROOT, 'src', 'main.ts'), join(ROOT, 'src', 'index.ts')],
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    splitting: true,
    outdir: 'out',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const folders = Object.keys(metafile.inputs).flatMap((input) => {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    return match?.[1] ? [match[1]] : [];
  });
  return [...new Set(folders)].sort();
}

describe('engines', () => {
  it(
    'promises only Node versions that every package in the bundle supports',
    async () => {
      const packages = await bundledPackages();
      expect(packages).toContain('node_modules/commander');
      const narrower = packages.flatMap((folder) => {
        const { name, engines } = readManifest(join(ROOT, folder));
        const range = engines?.node;
        return range === undefined || semver.subset(promised, range) ? [] : [`${name} supports ${range}`];
      });
      expect(semver.validRange(promised), promised).not.toBeNull();
      expect(narrower, `package.json promises ${promised}`).toEqual([]);
    },
    SLOW_TEST_TIMEOUT_MS,
  );

  // What `npm ci` checks (EBADENGINE): the packages it installs on this machine, development tools included.
  it('asks of the running Node nothing that an installed package of the lock file refuses', () => {
    const lock: { packages: Record<string, Manifest> } = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
    const installed = Object.entries(lock.packages).filter(([path]) => path !== '' && existsSync(join(ROOT, path, 'package.json')));
    expect(installed.length).toBeGreaterThan(10);
    const refusing = installed.flatMap(([path, { engines }]) =>
      engines?.node === undefined || semver.satisfies(process.version, engines.node) ? [] : [`${path} requires Node ${engines.node}`],
    );
    expect(refusing, `Node ${process.version}`).toEqual([]);
  });
});
