import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TeamData } from '../../../src/core/aggregate.js';
import type { Response } from '../../../src/core/answers.js';
import type { Bank } from '../../../src/core/bank.js';
import { compareResults } from '../../../src/core/report/compare/build.js';
import { buildTeamReport } from '../../../src/core/report/team/build.js';
import type { TeamReport } from '../../../src/core/report/team/schema.js';
import { loadResponse } from '../../../src/io/load-answers.js';
import { loadBank } from '../../../src/io/load-bank.js';
import { escapeHtml } from '../../../src/render/shared/escape-html.js';
import { renderCompareHtml } from '../../../src/render/compare/html.js';
import { ELEMENTS, hostileEscaped, tags } from '../../helpers/html.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/html/${name}`, import.meta.url));

async function responses(folder: string, bank: Bank): Promise<Response[]> {
  return Promise.all((await readdir(folder)).sort().map((file) => loadResponse(join(folder, file), bank, 'full')));
}

function team(bank: Bank, people: readonly Response[], createdAt: string): TeamReport {
  const data = new TeamData(bank, 'full', { keepNames: false });
  for (const r of people) data.add(r);
  return buildTeamReport(data, { minGroup: 3, showNames: false, createdAt });
}

/** Everyone answers one point higher on the first pillar's questions: the later result. */
function later(people: readonly Response[], bank: Bank): Response[] {
  const first = new Set(bank.pillars[0]?.questions.map((q) => q.id));
  return people.map((r) => ({
    ...r,
    answers: Object.fromEntries(Object.entries(r.answers).map(([id, v]) => [id, first.has(id) && typeof v === 'number' ? Math.min(bank.scale.max, v + 1) : v])),
  }));
}

async function comparison(folder: string, bankDir?: string) {
  const bank = await loadBank(bankDir ?? 'cash@1'); // the fixtures hold answers to bank 1.0.0
  const people = await responses(folder, bank);
  return compareResults(team(bank, people, '2026-01-10T09:00:00Z'), team(bank, later(people, bank), '2026-04-10T09:00:00Z'));
}

describe('renderCompareHtml', () => {
  it('shows what the Markdown comparison shows, with a before/after chart per pillar', async () => {
    const model = await comparison(fixture('team'));
    const page = renderCompareHtml(model);
    expect(model.movers.length).toBeGreaterThan(0);
    expect(model.gaps.length).toBeGreaterThan(0);
    const expected = [
      model.headline,
      model.overall.reading,
      ...model.pillars.flatMap((p) => [p.name, p.reading]),
      ...model.gaps.map((g) => g.reading),
      ...model.movers.flatMap((m) => [m.text, m.reading]),
      ...model.improved,
      ...model.worsened,
    ];
    for (const text of expected) expect(page).toContain(escapeHtml(text));
    const chart = /<svg [^>]*id="compare-pillars"[\s\S]*?<\/svg>/.exec(page)?.[0] ?? '';
    expect(chart.match(/class="change-row"/g)).toHaveLength(model.pillars.length + 1);
    expect(chart).toContain('Before (2026-01-10)');
    expect(chart).toContain('After (2026-04-10)');
    for (const band of model.bands) expect(chart).toContain(`>${band.label}<`);
  });

  it('keeps hostile bank texts as text', async () => {
    const page = renderCompareHtml(await comparison(fixture('hostile-team'), fixture('hostile-bank')));
    const found = tags(page);
    expect(found.map((t) => t.name).filter((name) => !ELEMENTS.has(name))).toEqual([]);
    expect(found.flatMap((t) => t.attributes).filter((name) => /^on/i.test(name))).toEqual([]);
    expect(found.filter((t) => t.name === 'style')).toHaveLength(1);
    for (const field of ['BANKTITLE', 'PILLAR-ONE', 'TEXT-ONE1']) expect(page).toContain(hostileEscaped(field));
  });
});
