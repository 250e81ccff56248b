import type { Form } from '../../core/bank.js';
import { inputError, type ExitCode } from '../../core/errors.js';
import { buildSingleReport } from '../../core/report/single/build.js';
import { scoreRespondent } from '../../core/scoring.js';
import { loadBankForAnswers, loadResponse } from '../../io/load-answers.js';
import { builtInBankDir, loadBank } from '../../io/load-bank.js';
import { singleRenderers } from '../../render/index.js';
import type { Context } from '../../context.js';
import { checkOutput, emit, loadChecked, textOptions } from '../output.js';
import { bankAndFormFlags } from '../shell-quote.js';
import { checkGates, type Gate } from '../thresholds.js';
import type { RunOptions, SurveyResult } from './options.js';

export async function run(options: RunOptions, ctx: Context): Promise<ExitCode> {
  if (options.answers === undefined && !ctx.stdinIsTTY) {
    throw inputError(
      'no answers to score: standard input is not a terminal, so nobody can be asked',
      `pass --answers FILE (see \`${['cash-test', 'template', ...bankAndFormFlags(options)].join(' ')}\` for a file to fill in)`,
    );
  }
  if (options.answers !== undefined && (options.resume !== false || options.save !== undefined)) {
    throw inputError(
      `${options.resume !== false ? '--resume' : '--save'} is for the interactive survey; --answers already gives the answers`,
      'leave out --answers to take the survey',
    );
  }
  const answers = options.answers;
  const bankDir = options.bank ?? builtInBankDir();
  let survey: SurveyResult;
  if (answers === undefined) {
    await checkOutput(options, [bankDir]);
    survey = await interview(options, ctx);
  } else {
    survey = await loadChecked(options, [bankDir, answers], () => scripted(answers, options));
  }
  const { bank, form, response } = survey;

  const score = scoreRespondent(bank, form, response.answers);
  const report = buildSingleReport(bank, response, score, response.takenAt ?? ctx.now().toISOString());
  const render = await singleRenderers[options.format]();
  await emit(ctx, options, render(report, options.format === 'text' ? await textOptions(options, ctx) : { color: false }));

  const gates: Gate[] = [];
  if (options.failUnder !== undefined) {
    gates.push({ label: 'overall score', flag: '--fail-under', limit: options.failUnder, value: report.overall.score, failsWhen: 'below' });
  }
  if (options.failPillarUnder !== undefined) {
    for (const pillar of report.pillars) {
      gates.push({ label: `${pillar.name} score`, flag: '--fail-pillar-under', limit: options.failPillarUnder, value: pillar.score, failsWhen: 'below' });
    }
  }
  return checkGates(ctx, gates);
}

async function scripted(file: string, options: RunOptions): Promise<SurveyResult> {
  const bank = options.bank === undefined ? await loadBankForAnswers(file) : await loadBank(options.bank);
  // The form the file names, unless --quick asks for the quick questions of any file.
  const chosen: Form | undefined = options.quick ? 'quick' : undefined;
  const response = await loadResponse(file, bank, chosen, options.role);
  return { bank, form: chosen ?? response.form ?? 'full', response };
}

async function interview(options: RunOptions, ctx: Context): Promise<SurveyResult> {
  const { takeSurvey } = await import('./interview.js');
  return takeSurvey(options, ctx);
}
