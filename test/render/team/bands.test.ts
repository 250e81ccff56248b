import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { teamReportOf } from '../../../src/commands/aggregate.js';
import { EMPTY_MAP } from '../../../src/core/answer-map.js';
import { loadBank } from '../../../src/io/load-bank.js';
import { escapeHtml } from '../../../src/render/shared/escape-html.js';
import { renderTeamCsv } from '../../../src/render/team/csv.js';
import { renderTeamHtml } from '../../../src/render/team/html.js';
import { renderTeamMarkdown } from '../../../src/render/team/markdown.js';
import { renderTeamText } from '../../../src/render/team/text.js';
import { ROOT } from '../../helpers/cli.js';

// The team report shows each role's band beside its score, and what the bands the team and each
// role fall in mean, as the bank describes them.

const bank = await loadBank();
const report = await teamReportOf([join(ROOT, 'examples', 'acme')], {
  bank,
  form: 'full',
  map: EMPTY_MAP,
  minGroup: 3,
  showNames: false,
  createdAt: '2026-12-01T09:00:00Z',
});
const describe_ = (id: string) => bank.bands.find((b) => b.id === id)?.description ?? '';

describe('the team report and its bands', () => {
  it('is the example it is meant to be: sales see Systems as siloed, marketing as coordinated', () => {
    const systems = report.pillars.find((p) => p.id === 'systems');
    expect(systems?.byRole.map((r) => [r.role, r.score.band?.id])).toEqual([
      ['sales', 'siloed'],
      ['marketing', 'coordinated'],
    ]);
    expect(report.overall.team.band?.id).toBe('cooperating');
  });

  it("shows each role's band in the pillar table, in text, Markdown and HTML", () => {
    const text = renderTeamText(report, { color: false });
    expect(text).toMatch(/ {2}Systems +\d+ +\S+ +Cooperating +25 Siloed +67 Coordinated +\d+%/);
    expect(renderTeamMarkdown(report)).toMatch(/\| Systems \| \d+ \| Cooperating \| 25 Siloed \| 67 Coordinated \| \d+% \|/);
    expect(renderTeamHtml(report)).toContain(
      '<td class="num">25 <span class="role-band">Siloed</span></td><td class="num">67 <span class="role-band">Coordinated</span></td>',
    );
  });

  it('describes the band of the team and of each role, saying who is in it', () => {
    const cooperating = describe_('cooperating');
    expect(cooperating.length).toBeGreaterThan(80);
    expect(renderTeamText(report, { color: false })).toContain(`  Cooperating (the team, sales, marketing): ${cooperating}\n`);
    expect(renderTeamMarkdown(report)).toContain(`- **Cooperating** (the team, sales, marketing): ${cooperating}\n`);
    expect(renderTeamHtml(report)).toContain(`<span class="note">the team, sales, marketing</span></dt><dd>${escapeHtml(cooperating)}</dd>`);
    expect(report.bands.find((b) => b.id === 'cooperating')?.description).toBe(cooperating);
    expect(renderTeamCsv(report)).toContain(
      `band,cooperating,,,label,Cooperating\r\nband,cooperating,,,min,35\r\nband,cooperating,,,description,${cooperating.includes(',') ? `"${cooperating}"` : cooperating}\r\n`,
    );
  });
});
