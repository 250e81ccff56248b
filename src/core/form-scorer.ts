import { NO_ANSWER, UNKNOWN } from './answer-codes.js';
import { allQuestions, type Bank, type Form } from './bank.js';
import { hasEnoughAnswers, itemScore, meanOf } from './scoring.js';

// scoreRespondent's pillar and overall scores for many respondents, from their answer codes: the form is
// compiled once (each question's pillar, weight and score for every point of the scale), and a respondent
// is scored with no object made. The sums run in scoreRespondent's order, so the figures are the same to the bit.

export class FormScorer {
  /** How many questions the form asks: a respondent's codes are indexed as allQuestions(bank, form). */
  readonly length: number;
  /** Where each pillar's questions start among the form's; pillar p's end where p + 1's start. */
  private readonly starts: Uint32Array;
  private readonly weights: Float64Array;
  /** The score of question k for code c at k · stride + c. */
  private readonly scores: Float64Array;
  private readonly stride: number;
  private readonly askedWeights: Float64Array;
  private readonly pillarWeights: Float64Array;

  constructor(bank: Bank, form: Form) {
    const questions = allQuestions(bank, form);
    const { scale } = bank;
    this.length = questions.length;
    this.stride = scale.max - scale.min + 2;
    this.weights = Float64Array.from(questions, (q) => q.weight);
    this.scores = new Float64Array(questions.length * this.stride);
    questions.forEach((q, k) => {
      for (let v = scale.min; v <= scale.max; v++) this.scores[k * this.stride + v - scale.min + 1] = itemScore(v, scale, q.reverse);
    });
    this.starts = new Uint32Array(bank.pillars.length + 1);
    this.askedWeights = new Float64Array(bank.pillars.length);
    bank.pillars.forEach((pillar, p) => {
      const asked = questions.filter((q) => q.pillar === pillar.id);
      this.starts[p + 1] = (this.starts[p] as number) + asked.length;
      this.askedWeights[p] = asked.reduce((sum, q) => sum + q.weight, 0);
    });
    this.pillarWeights = Float64Array.from(bank.pillars, (p) => p.weight);
  }

  /** Writes each pillar's score into `pillars` (NaN for none) and returns the overall score (NaN for none). */
  score(codes: Uint8Array, pillars: Float64Array): number {
    let sum = 0;
    let weights = 0;
    let low = Infinity;
    let high = -Infinity;
    for (let p = 0; p < this.askedWeights.length; p++) {
      let pillarSum = 0;
      let answered = 0;
      let pillarLow = Infinity;
      let pillarHigh = -Infinity;
      for (let k = this.starts[p] as number, end = this.starts[p + 1] as number; k < end; k++) {
        const code = codes[k] as number;
        if (code === NO_ANSWER || code === UNKNOWN) continue;
        const value = this.scores[k * this.stride + code] as number;
        const weight = this.weights[k] as number;
        pillarSum += weight * value;
        answered += weight;
        if (value < pillarLow) pillarLow = value;
        if (value > pillarHigh) pillarHigh = value;
      }
      const score = hasEnoughAnswers(answered, this.askedWeights[p] as number) ? meanOf(pillarSum, answered, pillarLow, pillarHigh) : null;
      pillars[p] = score ?? Number.NaN;
      if (score === null) continue;
      const weight = this.pillarWeights[p] as number;
      sum += weight * score;
      weights += weight;
      if (score < low) low = score;
      if (score > high) high = score;
    }
    return meanOf(sum, weights, low, high) ?? Number.NaN;
  }
}
