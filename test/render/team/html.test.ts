import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TeamData } from '../../../src/core/aggregate.js';
import { buildTeamReport } from '../../../src/core/report/team/build.js';
import type { TeamReport } from '../../../src/core/report/team/schema.js';
import { loadResponse } from '../../../src/io/load-answers.js';
import { loadBank } from '../../../src/io/load-bank.js';
import { escapeHtml } from '../../../src/render/shared/escape-html.js';
import { renderTeamHtml } from '../../../src/render/team/html.js';
import { agendaTime } from '../../../src/render/team/layout.js';
import { ELEMENTS, hostileEscaped, tags } from '../../helpers/html.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/html/${name}`, import.meta.url));

async function teamReport(folder: string, options: { bankDir?: string; showNames?: boolean; minGroup?: number } = {}): Promise<TeamReport> {
  const bank = await loadBank(options.bankDir ?? 'cash@1'); // the fixtures hold answers to bank 1.0.0
  const data = new TeamData(bank, 'full', { keepNames: options.showNames ?? false });
  for (const file of (await readdir(folder)).sort()) data.add(await loadResponse(join(folder, file), bank, 'full'));
  return buildTeamReport(data, { minGroup: options.minGroup ?? 3, showNames: options.showNames ?? false, createdAt: '2026-03-02T09:30:00.000Z' });
}

describe('renderTeamHtml', () => {
  it('shows what the Markdown team report shows', async () => {
    const model = await teamReport(fixture('team'));
    const page = renderTeamHtml(model);
    const gap = model.gaps.find((g) => g.id === 'sales-marketing');
    const expected = [
      model.bank.title,
      model.headline,
      ...model.pillars.map((p) => p.name),
      ...(gap?.pillars.map((p) => p.reading) ?? []),
      ...model.lowestItems.map((id) => model.items.find((i) => i.id === id)?.text ?? '?'),
      model.unknown.reading ?? '?',
      ...model.unknown.findings.map((f) => f.reading),
      ...model.nextSteps.flatMap((s) => [s.action, s.reason]),
      ...model.agenda.blocks.flatMap((b) => [b.title, b.purpose, agendaTime(b), ...b.prompts]),
      ...model.items.map((i) => i.text),
    ];
    for (const text of expected) expect(page).toContain(escapeHtml(text));
    expect(page).toContain(`${Math.floor(model.overall.team.mean ?? 0)}<small>/100</small>`);
    expect(page).toContain("Hedges' g");
    expect(page).toContain('<p class="who"><strong>9 respondents</strong> · Sales 3 · Marketing 3 · Leadership 3</p>');
  });

  it('overlays every role the model shows, and the whole team, on the radar; the heat map follows the largest gap', async () => {
    const model = await teamReport(fixture('team'));
    const page = renderTeamHtml(model);
    const radar = /<svg [^>]*id="team-radar"[\s\S]*?<\/svg>/.exec(page)?.[0] ?? '';
    expect(radar.match(/<g class="series">/g)).toHaveLength(4);
    for (const name of ['Sales', 'Marketing', 'Leadership', 'Whole team']) expect(radar).toContain(`>${name}<`);
    const heat = /<svg [^>]*id="team-heat"[\s\S]*?<\/svg>/.exec(page)?.[0] ?? '';
    const gap = model.gaps.find((g) => g.id === model.disagreements.gap);
    const firstRow = gap?.items[0]?.item ?? '?';
    expect(/aria-label="([^"]*)"/.exec(heat)?.[1]).toMatch(new RegExp(`^Statements by role, surest sales − marketing gap first\\. ${firstRow} `));
    expect(heat.match(/class="cell"/g)).toHaveLength(12 * 4);
    const whiskers = /<svg [^>]*id="team-bars"[\s\S]*?<\/svg>/.exec(page)?.[0].match(/class="range"/g);
    expect(whiskers).toHaveLength(model.pillars.length);
  });

  it('shows no group the model folded into the team, and no name without --show-names', async () => {
    const model = await teamReport(fixture('hostile-team'), { bankDir: fixture('hostile-bank'), minGroup: 4 });
    expect(model.respondents.byRole).toEqual([]);
    const page = renderTeamHtml(model);
    expect(/<svg [^>]*id="team-radar"[\s\S]*?<\/svg>/.exec(page)?.[0].match(/<g class="series">/g)).toHaveLength(1);
    expect(page).not.toMatch(/>Sales</);
    expect(page).not.toContain('NAME-');
    expect(page).not.toContain('TEAM-');
  });

  it('keeps hostile bank texts and respondent names as text', async () => {
    const page = renderTeamHtml(await teamReport(fixture('hostile-team'), { bankDir: fixture('hostile-bank'), showNames: true }));
    const found = tags(page);
    expect(found.map((t) => t.name).filter((name) => !ELEMENTS.has(name))).toEqual([]);
    expect(found.flatMap((t) => t.attributes).filter((name) => /^on/i.test(name))).toEqual([]);
    expect(found.filter((t) => t.name === 'style')).toHaveLength(1);
    expect(page).not.toContain(']]>');
    for (const field of ['BANKTITLE', 'NAME-SALES1', 'NAME-LEADERSHIP3', 'PILLAR-ONE', 'PILLAR-THREE', 'TEXT-ONE1', 'BANDLOW'])
      expect(page).toContain(hostileEscaped(field));
  });
});
