import { compareResults } from '../core/report/compare/build.js';
import { hintedProblems, InputError, type ExitCode, type Problem } from '../core/errors.js';
import type { ReadableResult } from '../core/report/result-schema.js';
import { loadResult } from '../io/load-result.js';
import { compareRenderers } from '../render/index.js';
import type { CompareFormat } from '../render/formats.js';
import { plainText } from '../render/shared/sanitize.js';
import type { Context } from '../context.js';
import { emit, loadChecked, textOptions } from './output.js';

export interface CompareOptions {
  before: string;
  after: string;
  format: CompareFormat;
  out?: string;
  force: boolean;
}

export async function compare(options: CompareOptions, ctx: Context): Promise<ExitCode> {
  const [before, after] = await loadChecked(options, [options.before, options.after], () => loadBoth(options.before, options.after));
  if (before.kind !== after.kind) {
    throw new InputError(
      [{ file: options.after, message: `is a ${after.kind} result, but ${options.before} is a ${before.kind} result: compare two results of the same kind` }],
      'compare two `run --format json` results, or two `aggregate --format json` results',
    );
  }
  const report = compareResults(before, after);
  if (report.bankChanged) {
    const stamp = (r: ReadableResult) => `${plainText(r.bank.id)} ${plainText(r.bank.version)} (${r.bank.hash.slice(0, 12)})`;
    ctx.stderr.write(
      `cash-test: warning: the results come from different question banks, ${stamp(before)} and ${stamp(after)}: ${report.questions.compared} questions with the same id and wording are compared, and pillars by id\n`,
    );
  }
  const render = await compareRenderers[options.format]();
  await emit(ctx, options, render(report, options.format === 'text' ? await textOptions(options, ctx) : { color: false }));
  return 0;
}

/** Both files are read and checked before failing, so that every problem in either is listed. */
async function loadBoth(before: string, after: string): Promise<[ReadableResult, ReadableResult]> {
  const [a, b] = await Promise.allSettled([loadResult(before), loadResult(after)]);
  const problems: Problem[] = [];
  for (const r of [a, b]) {
    if (r.status === 'rejected') {
      if (!(r.reason instanceof InputError)) throw r.reason;
      problems.push(...hintedProblems(r.reason));
    }
  }
  if (a.status === 'fulfilled' && b.status === 'fulfilled') return [a.value, b.value];
  throw new InputError(problems, 'compare takes result files written by `run --format json` or `aggregate --format json`');
}
