import { describe, expect, it } from 'vitest';
import type { AnswerValue, Response } from '../../../src/core/answers.js';
import { allQuestions } from '../../../src/core/bank.js';
import { buildSingleReport } from '../../../src/core/report/single/build.js';
import { singleReportSchema } from '../../../src/core/report/single/schema.js';
import { scoreRespondent } from '../../../src/core/scoring.js';
import { loadBank } from '../../../src/io/load-bank.js';
import { escapeHtml } from '../../../src/render/shared/escape-html.js';
import { renderJson } from '../../../src/render/shared/json.js';
import { renderSingleHtml } from '../../../src/render/single/html.js';
import { renderSingleMarkdown } from '../../../src/render/single/markdown.js';
import { renderSingleText } from '../../../src/render/single/text.js';

// A respondent who gives one answer to every statement is told, in every format, that the score may
// not mean much: the built-in bank's reverse-worded statements make the same answer contradict itself.

const bank = await loadBank();
const questions = allQuestions(bank, 'full');
const reversed = questions.filter((q) => q.reverse).length;

function single(answer: (id: string, k: number) => AnswerValue) {
  const answers = Object.fromEntries(questions.map((q, k) => [q.id, answer(q.id, k)]));
  const response: Response = { respondent: { role: 'sales' }, answers };
  return buildSingleReport(bank, response, scoreRespondent(bank, 'full', answers), '2026-12-01T09:00:00Z');
}

const formats = (r: ReturnType<typeof single>) => ({
  text: renderSingleText(r, { color: false, width: 1000 }),
  markdown: renderSingleMarkdown(r),
  html: renderSingleHtml(r),
  json: JSON.parse(renderJson(r)) as { sameAnswer: unknown },
});

describe('the same answer to every statement', () => {
  it('“Agree” everywhere: says it contradicts itself, naming how many statements are worded the other way', () => {
    expect(reversed).toBeGreaterThan(0);
    const r = single(() => 4);
    const reading = `You gave the same answer, “Agree”, to every statement. ${reversed} of the ${questions.length} are worded the other way round, so the same answer to all of them contradicts itself: this score may not mean much. Answer each statement on its own to get one that does.`;
    expect(r.sameAnswer).toEqual({ value: 4, reading });
    expect(singleReportSchema.parse(r)).toEqual(r);
    const shown = formats(r);
    expect(shown.text).toContain(reading);
    expect(shown.markdown).toContain(`> **${reading}**`);
    expect(shown.html).toContain(`<p class="same-answer" role="note">${escapeHtml(reading)}</p>`);
    expect(shown.json.sameAnswer).toEqual({ value: 4, reading });
  });

  it('the middle of the scale everywhere: says little, without claiming a contradiction', () => {
    const r = single(() => 3);
    expect(r.sameAnswer?.reading).toBe(
      'You gave the same answer, “Neither agree nor disagree”, to every statement: this score may not mean much. Answer each statement on its own to get one that does.',
    );
  });

  it('“Don’t know” everywhere: nothing to score', () => {
    expect(single(() => 'na').sameAnswer?.reading).toBe(`You answered “${bank.scale.unknown}” to every statement: there is nothing to score.`);
  });

  it('is not said when a single answer differs', () => {
    const r = single((_, k) => (k === questions.length - 1 ? 5 : 4));
    expect(r.sameAnswer).toBeNull();
    const shown = formats(r);
    expect(shown.text).not.toContain('same answer');
    expect(shown.markdown).not.toContain('same answer');
    expect(shown.html).not.toContain('class="same-answer"');
    expect(shown.json.sameAnswer).toBeNull();
  });
});
