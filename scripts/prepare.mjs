// npm runs `prepare` after `npm ci` or `npm install` in this folder, and on `npm install -g .`, where it links
// the folder but installs none of the devDependencies that the build bundles. Then they are installed first,
// as `npm ci` installs them (the lock file's versions), before the build runs.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd();
const { devDependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const missing = Object.keys(devDependencies).filter((name) => !existsSync(join(root, 'node_modules', name, 'package.json')));

/** The settings of the outer install that must not reach `npm ci` (`global`, `prefix`, `omit`...) are left out. */
const KEPT_SETTINGS = new Set([
  'cache',
  'userconfig',
  'registry',
  'proxy',
  'https_proxy',
  'noproxy',
  'ca',
  'cafile',
  'strict_ssl',
  'offline',
  'prefer_offline',
  'prefer_online',
]);
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('npm_') || KEPT_SETTINGS.has(key.replace(/^npm_config_/, ''))));

if (missing.length > 0) {
  console.error(`cash-test: installing the build's tools first (${missing.length} devDependencies missing): npm ci --ignore-scripts`);
  // --ignore-scripts: this script does not run itself again; nothing the build uses needs an install script.
  const args = ['ci', '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund'];
  const npm = process.env.npm_execpath;
  const result = npm ? spawnSync(process.execPath, [npm, ...args], { stdio: 'inherit', env }) : spawnSync('npm', args, { stdio: 'inherit', env, shell: true });
  if (result.status !== 0) {
    console.error(
      `cash-test: error: npm ci failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`}); run \`npm ci\` in ${root}, then \`npm install -g .\` again`,
    );
    process.exit(1);
  }
}
await import('./build.mjs');
