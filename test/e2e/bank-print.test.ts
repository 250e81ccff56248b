import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/cli.js';

// `bank print` is what a consultant rebuilds in Google Forms: questions titled with its statement
// lines export a CSV that aggregate reads without --map.

const LABELS = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree', "Don't know / not applicable"];
const csvCell = (text: string) => `"${text.replaceAll('"', '""')}"`;

async function statementLines(args: string[]): Promise<string[]> {
  const { code, stdout } = await cli(['bank', 'print', ...args]);
  expect(code).toBe(0);
  return stdout.split('\n').filter((line) => /^\[[A-Za-z0-9_-]+\] /.test(line));
}

/** A Google Forms export: timestamp, the role question, one column per question titled with its line. */
function googleFormsExport(lines: readonly string[], roles: readonly string[]): string {
  const header = ['Timestamp', 'Your role', ...lines].map(csvCell).join(',');
  const rows = roles.map((role, r) =>
    [`2026/11/30 10:0${r}:00 AM GMT`, role, ...lines.map((_, i) => LABELS[(i + r) % LABELS.length] ?? '')].map(csvCell).join(','),
  );
  return `${[header, ...rows].join('\r\n')}\r\n`;
}

describe('bank print', () => {
  it.each([
    { form: 'full', flags: [], count: 50 },
    { form: 'quick', flags: ['--quick'], count: 18 },
  ])('prints the $form form as lines a Google Forms export of which aggregates with no --map', async ({ flags, count }) => {
    const lines = await statementLines(flags);
    expect(lines).toHaveLength(count);
    const file = join(tempDir(), 'responses.csv');
    writeFileSync(file, googleFormsExport(lines, ['sales', 'sales', 'sales', 'marketing', 'marketing', 'marketing', 'revops']));
    const { code, stdout, stderr } = await cli(['aggregate', file, ...flags, '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.respondents.total).toBe(7);
    expect(report.items).toHaveLength(count);
  });

  it('--format json keeps to the form --quick asks for', async () => {
    const full = JSON.parse((await cli(['bank', 'print', '--format', 'json'])).stdout);
    const quick = JSON.parse((await cli(['bank', 'print', '--format', 'json', '--quick'])).stdout);
    const questions = (bank: { pillars: { questions: { quick: boolean }[] }[] }) => bank.pillars.flatMap((p) => p.questions);
    expect(full.form).toBe('full');
    expect(questions(full)).toHaveLength(50);
    expect(quick.form).toBe('quick');
    expect(questions(quick)).toHaveLength(18);
    expect(questions(quick).every((q) => q.quick)).toBe(true);
    expect(quick.hash).toBe(full.hash);
  });

  it('prints bank 1.0.0 by name', async () => {
    const lines = await statementLines(['--bank', 'cash@1']);
    expect(lines).toHaveLength(48);
    expect(lines[0]).toBe('[C1] Marketers regularly listen in on real sales calls.');
  });
});
