import { EMPTY_MAP, type AnswerMap } from '../core/answer-map.js';
import { TeamData } from '../core/aggregate.js';
import type { Bank, Form } from '../core/bank.js';
import type { ExitCode } from '../core/errors.js';
import { buildTeamReport, type TeamReportOptions } from '../core/report/team/build.js';
import type { TeamReport } from '../core/report/team/schema.js';
import type { Role } from '../core/roles.js';
import { builtInBankDir, loadBank } from '../io/load-bank.js';
import { collectInputs, loadBankForInputs, readResponses, type ResponseInputs } from '../io/read-responses.js';
import { teamRenderers } from '../render/index.js';
import type { TeamFormat } from '../render/formats.js';
import type { Context } from '../context.js';
import { emit, loadChecked, textOptions } from './output.js';
import { checkGates, type Gate } from './thresholds.js';

export interface AggregateOptions {
  /** Answer files, folders of them, and CSV exports. */
  paths: string[];
  bank?: string;
  quick: boolean;
  minGroup: number;
  /** Roles shown below --min-group with their people's consent. */
  showRole?: Role[];
  showNames: boolean;
  map?: string;
  format: TeamFormat;
  out?: string;
  force: boolean;
  failUnder?: number;
  failGapOver?: number;
}

/** The team report of many respondents; `workshop` calls it on its folder when the round ends. */
export async function aggregate(options: AggregateOptions, ctx: Context): Promise<ExitCode> {
  const bankDir = options.bank ?? builtInBankDir();
  const outputInputs = [...options.paths, ...(options.map === undefined ? [] : [options.map]), bankDir];
  const createdAt = ctx.now().toISOString();
  const report = await loadChecked(options, outputInputs, async () => {
    const inputs = await collectInputs(options.paths);
    const bank = options.bank === undefined ? await loadBankForInputs(inputs) : await loadBank(options.bank);
    const form: Form | undefined = options.quick ? 'quick' : undefined;
    const map = options.map === undefined ? EMPTY_MAP : await (await import('../io/load-map.js')).loadAnswerMap(options.map, bank);
    const warn = (message: string) => ctx.stderr.write(`cash-test: warning: ${message}\n`);
    return teamReportOf(inputs, {
      bank,
      form,
      map,
      minGroup: options.minGroup,
      showNames: options.showNames,
      showRoles: options.showRole ?? [],
      createdAt,
      warn,
    });
  });
  const render = await teamRenderers[options.format]();
  await emit(ctx, options, render(report, options.format === 'text' ? await textOptions(options, ctx) : { color: false }));
  return checkGates(ctx, teamGates(report, options));
}

export interface TeamInputs extends TeamReportOptions {
  bank: Bank;
  /** Undefined: the form the answer files name. */
  form: Form | undefined;
  map: AnswerMap;
  warn?: (message: string) => void;
}

/** The team report of answer files, folders and CSV exports: what aggregate prints and the room reveals. */
export async function teamReportOf(paths: readonly string[] | ResponseInputs, { bank, form, map, warn, ...options }: TeamInputs): Promise<TeamReport> {
  let data: TeamData | null = null;
  const onForm = (chosen: Form, mixed: boolean) => {
    data = new TeamData(bank, chosen, { keepNames: options.showNames });
    if (mixed) warn?.('the inputs mix the quick and the full form: the team is scored on the quick form, the questions all of them answered');
  };
  await readResponses(
    paths,
    { bank, form, map, keepNames: options.showNames, onForm },
    { add: (response) => data?.add(response), addCoded: (role, codes, name) => data?.addCoded(role, codes, name) },
  );
  if (data === null) throw new Error('no form was chosen for the team');
  return buildTeamReport(data, options);
}

function teamGates(report: TeamReport, options: AggregateOptions): Gate[] {
  const gates: Gate[] = [];
  if (options.failUnder !== undefined) {
    gates.push({ label: 'team score', flag: '--fail-under', limit: options.failUnder, value: report.overall.team.mean, failsWhen: 'below' });
  }
  if (options.failGapOver !== undefined) {
    const gap = report.gaps.find((g) => g.id === 'sales-marketing');
    if (!gap?.shown) {
      const why = (gap?.reason ?? '').replace(/^Not shown: /, '').replace(/\.$/, '');
      gates.push({
        label: 'the sales − marketing gap',
        flag: '--fail-gap-over',
        limit: options.failGapOver,
        value: null,
        failsWhen: 'above',
        unavailable: `cannot be checked: ${why}`,
      });
    }
    for (const entry of gap?.pillars ?? []) {
      const name = report.pillars.find((p) => p.id === entry.pillar)?.name ?? entry.pillar;
      gates.push({
        label: `${name} sales − marketing gap (absolute)`,
        flag: '--fail-gap-over',
        limit: options.failGapOver,
        value: entry.gap === null ? null : Math.abs(entry.gap),
        failsWhen: 'above',
      });
    }
  }
  return gates;
}
