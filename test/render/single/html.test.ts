import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildSingleReport, answerLabel } from '../../../src/core/report/single/build.js';
import type { SingleReport } from '../../../src/core/report/single/schema.js';
import { scoreRespondent } from '../../../src/core/scoring.js';
import { loadResponse } from '../../../src/io/load-answers.js';
import { loadBank } from '../../../src/io/load-bank.js';
import { escapeHtml } from '../../../src/render/shared/escape-html.js';
import { html, trusted } from '../../../src/render/shared/html/html.js';
import { renderSingleHtml } from '../../../src/render/single/html.js';
import { ELEMENTS, hostileEscaped, tags } from '../../helpers/html.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/html/${name}`, import.meta.url));

async function report(answers: string, bankDir?: string): Promise<SingleReport> {
  const bank = await loadBank(bankDir ?? 'cash@1'); // the fixtures hold answers to bank 1.0.0
  const response = await loadResponse(answers, bank, 'full');
  return buildSingleReport(bank, response, scoreRespondent(bank, 'full', response.answers), response.takenAt ?? '2026-01-01T00:00:00Z');
}

describe('html tag', () => {
  it('escapes interpolated text and keeps built markup', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p title="${`"x'`}">${inner}${['a', '&']}${null}${undefined}${false}${0}</p>`.markup).toBe(
      '<p title="&quot;x&#39;"><b>&lt;i&gt;</b>a&amp;0</p>',
    );
    expect(html`${trusted('<svg/>')}`.markup).toBe('<svg/>');
  });
});

describe('renderSingleHtml', () => {
  it('is one document whose policy allows nothing but its own style sheet', async () => {
    const page = renderSingleHtml(await report(fixture('manager.yaml')));
    expect(page.startsWith('<!doctype html>')).toBe(true);
    const css = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? '';
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1]?.replaceAll('&#39;', "'");
    expect(policy).toBe(`default-src 'none'; style-src 'sha256-${createHash('sha256').update(css).digest('base64')}'; base-uri 'none'; form-action 'none'`);
    expect(page).not.toMatch(/<script|<link|<img|<iframe|@import/i);
    // The only address in the file is the SVG namespace, which is a name, not a request.
    expect(new Set([...page.matchAll(/[a-z]+:\/\/[^\s"')]+/gi)].map((m) => m[0]))).toEqual(new Set(['http://www.w3.org/2000/svg']));
    expect([...page.matchAll(/url\(([^)]*)\)/g)].every((m) => (m[1] as string).startsWith('#'))).toBe(true);
  });

  it('shows what the Markdown report shows', async () => {
    const model = await report(fixture('manager.yaml'));
    const page = renderSingleHtml(model);
    const expected = [
      model.bank.title,
      `${Math.round(model.overall.score ?? 0)}<small>/100</small>`,
      model.overall.band?.label ?? '',
      ...model.pillars.flatMap((p) => [p.name, p.summary, ...p.advice]),
      ...model.lowestItems.flatMap((id) => {
        const item = model.items.find((i) => i.id === id);
        return item ? [item.text, answerLabel(model, item.value)] : [];
      }),
      ...model.nextSteps.flatMap((s) => [s.action, s.reason]),
      model.respondent.name ?? '',
      model.respondent.team ?? '',
    ];
    for (const text of expected) expect(page).toContain(text.includes('<small>') ? text : escapeHtml(text));
    expect(page).toMatch(/Weakest pillar<strong>Alignment · 36<\/strong>/);
  });

  it('draws the radar and the bars with a title and an aria-label each', async () => {
    const page = renderSingleHtml(await report(fixture('manager.yaml')));
    const charts = [...page.matchAll(/<svg [^>]*>/g)].map((m) => m[0]);
    expect(charts).toHaveLength(2);
    for (const chart of charts) expect(chart).toMatch(/role="img" aria-label="[^"]+"/);
    expect(page).toContain('aria-label="Score per pillar. Communication 66, Alignment 36, Systems 45, Honesty 60. Bands:');
  });

  it('keeps hostile bank texts and respondent fields as text', async () => {
    const page = renderSingleHtml(await report(fixture('hostile-answers.yaml'), fixture('hostile-bank')));
    const found = tags(page);
    expect(found.map((t) => t.name).filter((name) => !ELEMENTS.has(name))).toEqual([]);
    expect(found.flatMap((t) => t.attributes).filter((name) => /^on/i.test(name))).toEqual([]);
    expect(found.filter((t) => t.name === 'style')).toHaveLength(1);
    expect(found.filter((t) => t.name === 'title')).toHaveLength(3);
    expect(page).not.toContain(']]>');
    for (const field of [
      'BANKTITLE',
      'NAME',
      'TEAM',
      'PILLAR-ONE',
      'SUMMARY-TWO',
      'ADVICE-ONE-LOW',
      'ACTION-ONE1',
      'TEXT-ONE1',
      'BANDLOW',
      'LABEL1',
      'UNKNOWN',
    ]) {
      expect(page).toContain(hostileEscaped(field));
    }
  });
});
