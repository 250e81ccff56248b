import { spawn } from 'node:child_process';
import { closeSync, cpSync, existsSync, lstatSync, openSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cli, ROOT, tempDir } from '../helpers/cli.js';

// Where a report goes: a device or a file that cannot take it whole is an error naming the output,
// a reader that stops early ends the run quietly, links stay links, and temporaries of a killed
// writer do not pile up.

const ANSWERS = join(ROOT, 'test', 'corpus', 'answers', 'valid.yaml');
const BANK = join(ROOT, 'test', 'corpus', 'bank', 'valid');

/** Runs the binary with its standard output on a file descriptor of ours (a file or a device). */
function cliToFd(args: readonly string[], fd: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', fd, 'pipe'] });
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe.skipIf(!existsSync('/dev/full'))('a full device', () => {
  it.each([
    ['a report', ['run', '--bank', BANK, '--answers', ANSWERS]],
    ['a template', ['template']],
    ['help', ['--help']],
    ['a schema', ['schema', 'answers']],
  ])('standard output that cannot take %s: exit 2, one line naming it', async (_, args) => {
    const fd = openSync('/dev/full', 'w');
    try {
      const { code, stderr } = await cliToFd(args, fd);
      expect(stderr).toBe('cash-test: error: standard output: cannot write: no space left on the device\n');
      expect(code).toBe(2);
    } finally {
      closeSync(fd);
    }
  });

  it('--out /dev/full: exit 2, one line naming it', async () => {
    const { code, stdout, stderr } = await cli(['run', '--bank', BANK, '--answers', ANSWERS, '--out', '/dev/full', '--force']);
    expect(stderr).toBe('cash-test: error: /dev/full: cannot write: no space left on the device\n');
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
  });
});

describe('standard output redirected to a file', () => {
  it('holds the whole report', async () => {
    const dir = tempDir();
    const file = join(dir, 'report.md');
    const fd = openSync(file, 'w');
    const { code, stderr } = await cliToFd(['run', '--bank', BANK, '--answers', ANSWERS, '--format', 'markdown'], fd);
    closeSync(fd);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const piped = await cli(['run', '--bank', BANK, '--answers', ANSWERS, '--format', 'markdown']);
    expect(readFileSync(file, 'utf8')).toBe(piped.stdout);
  });
});

describe('a reader that stops early', () => {
  it('`| head -c 1`: exit 0, nothing on stderr', async () => {
    // A bank with 3000 pieces of advice prints 200 KB, more than a pipe holds: the reader leaves while the run still writes.
    const dir = tempDir();
    cpSync(BANK, join(dir, 'bank'), { recursive: true });
    const talk = join(dir, 'bank', 'talk.yaml');
    const advice = Array.from({ length: 3000 }, (_, i) => `    - Meet once a week, number ${i}, and keep notes of what was said.\n`).join('');
    writeFileSync(talk, readFileSync(talk, 'utf8').replace('  low: [Meet once a week.]\n', `  low:\n${advice}`));
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, 'bank', 'print', '--bank', join(dir, 'bank'), '--format', 'json'], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let err = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('error', reject);
      child.on('close', (c) => resolve({ code: c, stderr: err }));
    });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});

describe('--out', () => {
  it('a link to a file: the link stays, the file it points at gets the report', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'real.json'), 'old\n');
    symlinkSync('real.json', join(dir, 'report.json'));
    const { code, stderr } = await cli(['run', '--bank', BANK, '--answers', ANSWERS, '--format', 'json', '--out', 'report.json', '--force'], { cwd: dir });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(lstatSync(join(dir, 'report.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'report.json'))).toBe('real.json');
    expect(JSON.parse(readFileSync(join(dir, 'real.json'), 'utf8'))).toMatchObject({ schemaVersion: 1, kind: 'single' });
    expect(readdirSync(dir).sort()).toEqual(['real.json', 'report.json']);
  });

  it('a link to an existing file is an existing file: refused without --force', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'real.json'), 'old\n');
    symlinkSync('real.json', join(dir, 'report.json'));
    const { code, stderr } = await cli(['run', '--bank', BANK, '--answers', ANSWERS, '--out', 'report.json'], { cwd: dir });
    expect(stderr).toBe('cash-test: error: report.json: already exists\nhint: pass --force to replace it, or choose another --out file\n');
    expect(code).toBe(2);
    expect(readFileSync(join(dir, 'real.json'), 'utf8')).toBe('old\n');
  });

  it('removes the temporaries a killed writer left beside it, and keeps those of a writer still running', async () => {
    const dir = tempDir();
    const hex = (pid: number) => pid.toString(16).padStart(8, '0');
    // A process id above the kernel's limit (2^22) belongs to no process.
    const dead = [`.report.json.${hex(4_194_304 + 7)}0badc0de.tmp`, '.report.json.0123456789ab.tmp'];
    const running = `.report.json.${hex(process.pid)}c0ffee00.tmp`;
    const others = ['.other.json.0123456789ab.tmp', '.report.json.notours.tmp'];
    for (const name of [...dead, running, ...others]) writeFileSync(join(dir, name), 'torn');
    const { code, stderr } = await cli(['run', '--bank', BANK, '--answers', ANSWERS, '--out', 'report.json'], { cwd: dir });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(readdirSync(dir).sort()).toEqual([running, ...others, 'report.json'].sort());
  });
});

describe('--help', () => {
  it.each([[[]], [['run']], [['template']], [['bank', 'lint']], [['bank', 'print']], [['schema']], [['aggregate']], [['compare']], [['workshop']], [['room']]])(
    'cash-test %j --help names the exit codes and CASH_TEST_STATE_DIR',
    async (command) => {
      const { code, stdout } = await cli([...command, '--help']);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^Exit codes:\n {2}0 {4}done\n {2}1 .*\n {2}2 .*\n {2}70 .*\n {2}130 .*$/m);
      expect(stdout).toContain('CASH_TEST_STATE_DIR');
    },
  );

  it('bank --help has examples', async () => {
    const { stdout } = await cli(['bank', '--help']);
    expect(stdout).toMatch(/Examples:\n {2}\$ cash-test bank lint/);
  });
});
