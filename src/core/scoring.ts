import type { Scale } from './bank-schema.js';
import { bandFor, formQuestions, type Bank, type Form, type Question } from './bank.js';
import type { AnswerValue } from './answers.js';
import { reaches } from './tolerance.js';

export interface ItemScore {
  id: string;
  pillar: string;
  value: AnswerValue | null;
  /** 0-100, already reversed for reverse-worded items; null for na or no answer. */
  score: number | null;
}

export interface PillarScore {
  id: string;
  /** null: less than half the pillar's weight was answered ("not enough answers"). */
  score: number | null;
  band: string | null;
  asked: number;
  answered: number;
  unknown: number;
  /** na answers / questions asked; null when the form asks nothing of this pillar. */
  unknownRate: number | null;
}

export interface RespondentScore {
  form: Form;
  overall: number | null;
  band: string | null;
  pillars: PillarScore[];
  items: ItemScore[];
}

export function itemScore(value: number, scale: Pick<Scale, 'min' | 'max'>, reverse: boolean): number {
  const s = ((value - scale.min) / (scale.max - scale.min)) * 100;
  return reverse ? 100 - s : s;
}

export function weightedMean(parts: readonly { value: number; weight: number }[]): number | null {
  let sum = 0;
  let weights = 0;
  let low = Infinity;
  let high = -Infinity;
  for (const { value, weight } of parts) {
    sum += weight * value;
    weights += weight;
    low = Math.min(low, value);
    high = Math.max(high, value);
  }
  return meanOf(sum, weights, low, high);
}

/** The mean of parts summed as Σ w·v and Σ w, with their lowest and highest value; null with no weight. */
export function meanOf(sum: number, weights: number, low: number, high: number): number | null {
  // A mean lies between its parts; rounding with decimal weights can put it a hair outside (100.00000000000004).
  return weights > 0 ? Math.min(high, Math.max(low, sum / weights)) : null;
}

/** A pillar has a score when at least half of the weight it asked was answered. */
export function hasEnoughAnswers(answeredWeight: number, askedWeight: number): boolean {
  return askedWeight > 0 && reaches(answeredWeight * 2, askedWeight);
}

export function scoreRespondent(bank: Bank, form: Form, answers: Readonly<Record<string, AnswerValue>>): RespondentScore {
  const items: ItemScore[] = [];
  const pillars = bank.pillars.map((pillar): PillarScore => {
    const asked = formQuestions(pillar, form);
    const scored = asked.map((q) => scoreQuestion(q, answers, bank.scale));
    items.push(...scored);
    // A plain loop: flatMap's per-item arrays cost more than the rest of scoring (team reports score a million respondents).
    const answeredParts: { value: number; weight: number }[] = [];
    asked.forEach((q, i) => {
      const s = scored[i]?.score;
      if (s !== null && s !== undefined) answeredParts.push({ value: s, weight: q.weight });
    });
    const askedWeight = asked.reduce((sum, q) => sum + q.weight, 0);
    const answeredWeight = answeredParts.reduce((sum, p) => sum + p.weight, 0);
    const score = hasEnoughAnswers(answeredWeight, askedWeight) ? weightedMean(answeredParts) : null;
    const unknown = scored.filter((s) => s.value === 'na').length;
    return {
      id: pillar.id,
      score,
      band: score === null ? null : bandFor(bank.bands, score).id,
      asked: asked.length,
      answered: answeredParts.length,
      unknown,
      unknownRate: asked.length > 0 ? unknown / asked.length : null,
    };
  });
  const overall = weightedMean(pillars.flatMap((p, i) => (p.score === null ? [] : [{ value: p.score, weight: bank.pillars[i]?.weight ?? 1 }])));
  return { form, overall, band: overall === null ? null : bandFor(bank.bands, overall).id, pillars, items };
}

function scoreQuestion(q: Question, answers: Readonly<Record<string, AnswerValue>>, scale: Scale): ItemScore {
  const value = Object.hasOwn(answers, q.id) ? (answers[q.id] ?? null) : null;
  return { id: q.id, pillar: q.pillar, value, score: typeof value === 'number' ? itemScore(value, scale, q.reverse) : null };
}
