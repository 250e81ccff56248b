// The library: the modules the command line is built from, for other programs (`import { … } from 'cash-test'`).
// Files in: loadBank, loadBankForAnswers, loadResponse, loadResult. Pure: scoreRespondent, buildSingleReport, TeamData + buildTeamReport,
// compareResults. Out: renderers, one per report kind and format. The survey flow for a front end of one's own: Session.

import { compareRenderers, singleRenderers, teamRenderers } from './render/index.js';

export type { AnswerValue, Respondent, Response } from './core/answers.js';
export type { Bank, Form, Pillar, Question } from './core/bank.js';
export { InputError, InterruptedError, type Problem } from './core/errors.js';
export type { Role } from './core/roles.js';
export { scoreRespondent, type PillarScore, type RespondentScore } from './core/scoring.js';
export { TeamData } from './core/aggregate.js';
export { buildSingleReport } from './core/report/single/build.js';
export type { SingleReport } from './core/report/single/schema.js';
export { buildTeamReport, type TeamReportOptions } from './core/report/team/build.js';
export type { TeamReport } from './core/report/team/schema.js';
export { compareResults } from './core/report/compare/build.js';
export type { CompareReport } from './core/report/compare/schema.js';
export type { ReadableResult, Result } from './core/report/result-schema.js';
export { loadBank } from './io/load-bank.js';
export { loadBankForAnswers, loadResponse } from './io/load-answers.js';
export { loadResult } from './io/load-result.js';
export { fileSink, folderSink } from './io/answer-sinks.js';
export { folderProgressStore, newRunId } from './io/state.js';
export { COMPARE_FORMATS, SINGLE_FORMATS, TEAM_FORMATS, type CompareFormat, type SingleFormat, type TeamFormat } from './render/formats.js';
export type { RenderOptions, Renderer } from './render/renderer.js';
export type { Asker } from './survey/asker.js';
export type { AnswerSink, FinishedAnswers, SavedAnswers } from './survey/answer-sink.js';
export type { ProgressStore, StoredRun } from './survey/progress-store.js';
export { Session, type NextQuestion, type SessionSetup } from './survey/session.js';

/** Each report kind's renderers by format; a renderer loads when asked for: `const render = await renderers.single.text()`. */
export const renderers = { single: singleRenderers, team: teamRenderers, compare: compareRenderers } as const;
