import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSingleReport } from '../../../src/core/report/single/build.js';
import { scoreRespondent } from '../../../src/core/scoring.js';
import { loadResponse } from '../../../src/io/load-answers.js';
import { loadBank } from '../../../src/io/load-bank.js';
import { escapeHtml } from '../../../src/render/shared/escape-html.js';
import { renderSingleHtml } from '../../../src/render/single/html.js';
import { renderSingleMarkdown } from '../../../src/render/single/markdown.js';
import { renderSingleText } from '../../../src/render/single/text.js';
import { ROOT } from '../../helpers/cli.js';

// The bank's band descriptions say how a team in the band behaves: every format shows the overall band's.

const bank = await loadBank();
const response = await loadResponse(join(ROOT, 'examples', 'sam-marketing.yaml'), bank, 'full');
const report = buildSingleReport(bank, response, scoreRespondent(bank, 'full', response.answers), '2026-12-01T09:00:00Z');
const band = bank.bands.find((b) => b.id === report.overall.band?.id);
const description = band?.description ?? '';

describe('the single report and its band', () => {
  it('is the example it is meant to be: Cooperating, weakest on Systems', () => {
    expect(band?.id).toBe('cooperating');
    expect(report.weakestPillar).toBe('systems');
    expect(description.length).toBeGreaterThan(80);
  });

  it('describes the overall band in text, Markdown, HTML and JSON', () => {
    expect(renderSingleText(report, { color: false })).toContain(`Overall: 48/100  Cooperating\n${description}\n`);
    expect(renderSingleMarkdown(report)).toContain(`**Overall: 48/100 — Cooperating**\n\n_${description}_\n`);
    expect(renderSingleHtml(report)).toContain(`<p class="band-description">${escapeHtml(description)}</p>`);
    expect(report.bands.map((b) => b.description)).toEqual(bank.bands.map((b) => b.description));
  });

  it("gives the weakest pillar's advice for its band in the text report", () => {
    const advice = bank.pillars.find((p) => p.id === 'systems')?.advice.cooperating ?? [];
    expect(advice.length).toBeGreaterThan(0);
    const text = renderSingleText(report, { color: false });
    expect(text).toContain(`What to do about Systems (Cooperating):\n${advice.map((a) => `  - ${a}`).join('\n')}\n`);
  });

  it('shows no description where the bank has none (bank 1.0.0)', async () => {
    const old = await loadBank('cash@1');
    const dana = await loadResponse(join(ROOT, 'examples', 'dana-sales.yaml'), old, 'full');
    const oldReport = buildSingleReport(old, dana, scoreRespondent(old, 'full', dana.answers), '2026-12-01T09:00:00Z');
    expect(renderSingleText(oldReport, { color: false })).toMatch(/Overall: 46\/100 {2}Partly aligned\n\n/);
    expect(renderSingleHtml(oldReport)).not.toContain('<p class="band-description">');
  });
});
