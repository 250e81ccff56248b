import { answerCode, straightLined } from '../../answer-codes.js';
import { allQuestions, type Bank, type Form, type Pillar, type Question } from '../../bank.js';
import type { Response } from '../../answers.js';
import type { RespondentScore } from '../../scoring.js';
import { stampBank } from '../stamp-bank.js';
import type { NextStep } from '../stamps.js';
import type { ReportItem, ReportPillar, SingleReport } from './schema.js';

const LOWEST_ITEMS = 5;
const MAX_STEPS = 5;
const MIN_STEPS = 3;
const STEPS_PER_PILLAR = 2;

export function buildSingleReport(bank: Bank, response: Response, score: RespondentScore, takenAt: string): SingleReport {
  const bandRefOf = (id: string | null) => {
    const band = bank.bands.find((b) => b.id === id);
    return band ? { id: band.id, label: band.label } : null;
  };
  const questions = new Map(bank.pillars.flatMap((p) => p.questions).map((q) => [q.id, q]));
  const items = score.items.map((item) => {
    const q = questions.get(item.id);
    if (!q) throw new Error(`scored item ${item.id} is not in the bank`);
    return { id: item.id, pillar: item.pillar, text: q.text, reverse: q.reverse, weight: q.weight, value: item.value, score: item.score };
  });
  const pillars = bank.pillars.map((pillar, i) => {
    const ps = score.pillars[i];
    if (!ps || ps.id !== pillar.id) throw new Error(`pillar ${pillar.id} was not scored`);
    return {
      id: pillar.id,
      name: pillar.name,
      summary: pillar.summary,
      weight: pillar.weight,
      score: ps.score,
      band: bandRefOf(ps.band),
      asked: ps.asked,
      answered: ps.answered,
      unknown: ps.unknown,
      unknownRate: ps.unknownRate,
      advice: ps.band === null ? [] : (pillar.advice[ps.band] ?? []),
    };
  });
  const scoredPillars = pillars.filter((p) => p.score !== null);
  const weakest = scoredPillars.reduce<(typeof pillars)[number] | null>((low, p) => (low === null || (p.score ?? 0) < (low.score ?? 0) ? p : low), null);
  return {
    schemaVersion: 1,
    kind: 'single',
    bank: stampBank(bank),
    form: score.form,
    takenAt,
    respondent: { ...response.respondent },
    scale: { ...bank.scale },
    bands: bank.bands.map((b) => ({ ...b })),
    overall: { score: score.overall, band: bandRefOf(score.band) },
    sameAnswer: sameAnswer(bank, score.form, response.answers),
    pillars,
    weakestPillar: weakest?.id ?? null,
    items,
    lowestItems: lowestItems(items, LOWEST_ITEMS).map((item) => item.id),
    nextSteps: nextSteps(bank, pillars, items),
  };
}

/** One answer to every statement says little: with reverse-worded statements in the form, it contradicts itself. */
export function sameAnswer(bank: Bank, form: Form, answers: Response['answers']): SingleReport['sameAnswer'] {
  const questions = allQuestions(bank, form);
  if (!straightLined(questions.map((q) => answerCode(answers[q.id], bank.scale.min)))) return null;
  const value = answers[(questions[0] as Question).id] as number | 'na';
  const label = `“${answerLabel(bank, value)}”`;
  const reversed = questions.filter((q) => q.reverse).length;
  const middle = (bank.scale.min + bank.scale.max) / 2;
  const reading =
    value === 'na'
      ? `You answered ${label} to every statement: there is nothing to score.`
      : reversed > 0 && value !== middle
        ? `You gave the same answer, ${label}, to every statement. ${reversed} of the ${questions.length} are worded the other way round, so the same answer to all of them contradicts itself: this score may not mean much. Answer each statement on its own to get one that does.`
        : `You gave the same answer, ${label}, to every statement: this score may not mean much. Answer each statement on its own to get one that does.`;
  return { value, reading };
}

function lowestItems(items: readonly ReportItem[], count: number): ReportItem[] {
  return items
    .filter((item) => item.score !== null)
    .sort((a, b) => (a.score ?? 0) - (b.score ?? 0))
    .slice(0, count);
}

/** Weakest pillar first: its lowest items' actions, then the next pillar's; the pillars' advice fills up to three. */
function nextSteps(bank: Bank, pillars: readonly ReportPillar[], items: readonly ReportItem[]): NextStep[] {
  const topBandMin = bank.bands.at(-1)?.min ?? 100;
  const order = [...pillars].sort((a, b) => (a.score ?? -1) - (b.score ?? -1));
  const pillarById = new Map(bank.pillars.map((p) => [p.id, p]));
  const steps: NextStep[] = [];

  for (const pillar of order) {
    const source = pillarById.get(pillar.id) as Pillar;
    if (pillar.score === null) {
      if (pillar.asked === 0) continue;
      steps.push({
        pillar: pillar.id,
        questionId: null,
        owner: 'both',
        action: `Find out how ${pillar.name} works today: ask the other team to walk you through it.`,
        reason: `${pillar.unknown} of ${pillar.asked} ${pillar.name} questions were answered "${bank.scale.unknown}": not enough answers to score it, which is itself a finding.`,
      });
      continue;
    }
    const weak = lowestItems(
      items.filter((i) => i.pillar === pillar.id),
      STEPS_PER_PILLAR,
    ).filter((i) => (i.score ?? 100) < topBandMin);
    for (const item of weak) {
      const q = source.questions.find((x) => x.id === item.id);
      if (!q) continue;
      steps.push({
        pillar: pillar.id,
        questionId: q.id,
        owner: q.owner,
        action: q.action,
        reason: `You answered "${answerLabel(bank, item.value)}" to "${q.text}"`,
      });
    }
  }
  // Advice fills up: each pillar's first piece, weakest first, then each pillar's second, and so on.
  const rounds = Math.max(0, ...order.map((p) => p.advice.length));
  for (let round = 0; round < rounds && steps.length < MIN_STEPS; round++) {
    for (const pillar of order) {
      const advice = pillar.advice[round];
      if (advice === undefined || steps.length >= MIN_STEPS) continue;
      steps.push({
        pillar: pillar.id,
        questionId: null,
        owner: 'both',
        action: advice,
        reason: `${pillar.name} is ${pillar.band?.label ?? 'unscored'}.`,
      });
    }
  }
  return steps.slice(0, MAX_STEPS);
}

export function answerLabel(bank: Pick<Bank, 'scale'>, value: number | 'na' | null): string {
  if (value === null) return 'no answer';
  if (value === 'na') return bank.scale.unknown;
  return bank.scale.labels[value - bank.scale.min] ?? String(value);
}
