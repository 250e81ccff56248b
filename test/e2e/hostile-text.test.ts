import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SINGLE_FORMATS } from '../../src/render/formats.js';
import { CONTROL_CHARACTERS } from '../../src/render/shared/sanitize.js';
import { cli, ROOT } from '../helpers/cli.js';

// Every text of the bank and the answer file in test/fixtures/hostile-text carries terminal escapes
// (colours, erase, window title, OSC 8 link, OSC 52 clipboard, DCS, their 8-bit forms), C0/C1 controls
// and bidi overrides. Whatever a command prints, in every format, is inert; JSON keeps the exact text.

const FIXTURE = join(ROOT, 'test', 'fixtures', 'hostile-text');
const BANK = join(FIXTURE, 'bank');
const ANSWERS = join(FIXTURE, 'answers.yaml');
const UNSAFE = new RegExp(CONTROL_CHARACTERS.source);
/** What the sequences carry, which must not show: a link target, a clipboard payload, a window title, a DCS request. */
const PAYLOADS = ['evil.example', 'Y2xpcA==', 'TITLE', 'DCS', 'EIGHTBIT'];

function expectInert(output: string): void {
  expect(output).not.toMatch(UNSAFE);
  for (const payload of PAYLOADS) expect(output).not.toContain(payload);
}

describe('hostile text (built binary)', () => {
  it.each(SINGLE_FORMATS.filter((f) => f !== 'json'))('run --format %s prints the words, never the sequences', async (format) => {
    const { code, stdout, stderr } = await cli(['run', '--bank', BANK, '--answers', ANSWERS, '--format', format]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expectInert(stdout);
    for (const word of ['Name', 'Team', 'Talk', 'RED', 'LINK', 'NEXT']) expect(stdout).toContain(word);
  });

  it('run --format json keeps every text exact, and escapes what a terminal would act on', async () => {
    const { code, stdout } = await cli(['run', '--bank', BANK, '--answers', ANSWERS, '--format', 'json']);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(UNSAFE);
    const result = JSON.parse(stdout);
    const answers = parse(readFileSync(ANSWERS, 'utf8'));
    const bank = parse(readFileSync(join(BANK, 'bank.yaml'), 'utf8'));
    expect(result.respondent).toEqual({ role: 'sales', name: answers.respondent.name, team: answers.respondent.team });
    expect(result.bank.title).toBe(bank.title);
    expect(result.scale.labels).toEqual(bank.scale.labels);
    expect(result.respondent.name).toContain('\u001b]52;c;Y2xpcA==\u0007');
  });

  it('colour output holds only our own colour codes', async () => {
    const { code, stdout } = await cli(['run', '--bank', BANK, '--answers', ANSWERS], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(code).toBe(0);
    expect(stdout).toMatch(/\u001b\[\d+m/);
    expectInert(stdout.replace(/\u001b\[\d+(;\d+)*m/g, ''));
  });

  it.each([
    ['template', ['template', '--bank', BANK], ''],
    ['bank print', ['bank', 'print', '--bank', BANK], ''],
    // A two-band bank whose top band starts at 50: answering 1 to everything lands in it, and lint says so.
    ['bank lint', ['bank', 'lint', BANK], /^cash-test: warning: .*in the top band \(High RED/],
  ])('%s prints inert text', async (_name, args, warnings) => {
    const { code, stdout, stderr } = await cli(args);
    expect(code).toBe(0);
    if (warnings === '') expect(stderr).toBe('');
    else expect(stderr).toMatch(warnings);
    expectInert(stdout);
    expectInert(stderr);
  });

  it('the threshold messages on stderr are inert', async () => {
    const { code, stderr } = await cli(['run', '--bank', BANK, '--answers', ANSWERS, '--format', 'json', '--fail-pillar-under', '100']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^cash-test: Talk RED/);
    expectInert(stderr);
  });
});
