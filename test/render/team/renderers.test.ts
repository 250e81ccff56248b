import { beforeAll, describe, expect, it } from 'vitest';
import { TeamData } from '../../../src/core/aggregate.js';
import type { Response } from '../../../src/core/answers.js';
import type { Bank } from '../../../src/core/bank.js';
import type { Role } from '../../../src/core/roles.js';
import { buildTeamReport } from '../../../src/core/report/team/build.js';
import type { TeamReport } from '../../../src/core/report/team/schema.js';
import { loadBank } from '../../../src/io/load-bank.js';
import { TEAM_FORMATS, type TeamFormat } from '../../../src/render/formats.js';
import { teamRenderers } from '../../../src/render/index.js';
import { csvCell, renderTeamCsv } from '../../../src/render/team/csv.js';
import { MINI_BANK, respondent, seeded } from '../../helpers/team.js';

let bank: Bank;
beforeAll(async () => {
  bank = await loadBank(MINI_BANK);
});

function people(groups: [Role, number][], names = false): Response[] {
  const random = seeded(7);
  const v = () => 1 + Math.floor(random() * 5);
  let k = 0;
  return groups.flatMap(([role, n]) =>
    Array.from({ length: n }, () => respondent(role, { T1: v(), T2: v(), K1: v(), K2: random() < 0.2 ? 'na' : v() }, names ? `Name${k++}zz` : undefined)),
  );
}

function report(responses: readonly Response[], showNames = false): TeamReport {
  const data = new TeamData(bank, 'full', { keepNames: showNames });
  for (const r of responses) data.add(r);
  return buildTeamReport(data, { minGroup: 3, showNames, createdAt: '2024-05-01T10:00:00.000Z' });
}

async function renderAll(r: TeamReport): Promise<Record<TeamFormat, string>> {
  const out = {} as Record<TeamFormat, string>;
  for (const format of TEAM_FORMATS) out[format] = (await teamRenderers[format]())(r, { color: false });
  return out;
}

describe('anonymity in every format', () => {
  it('never shows a group of 2 on its own', async () => {
    const rendered = await renderAll(
      report(
        people([
          ['sales', 4],
          ['marketing', 5],
          ['leadership', 3],
          ['revops', 2],
        ]),
      ),
    );
    const json = JSON.parse(rendered.json) as TeamReport;
    const roleEntries = JSON.stringify([
      json.respondents.byRole,
      json.overall.byRole,
      json.pillars.map((p) => p.byRole),
      json.items.map((i) => i.byRole),
      json.unknown.findings,
    ]);
    expect(roleEntries).not.toContain('revops');
    expect(json.respondents.folded).toEqual(['revops']);
    // The CSV names the folded role, and nothing else about it.
    expect(rendered.csv.split('\r\n').filter((row) => row.includes('revops'))).toEqual(['respondents,revops,,,folded,1']);
    for (const format of ['text', 'markdown'] as const) {
      const mentions = rendered[format].split('\n').filter((line) => line.includes('revops'));
      expect(mentions.length, format).toBeGreaterThan(0);
      for (const line of mentions) expect(line, format).toMatch(/in the (whole-)?team figures only|left out of every figure/);
    }
  });

  it('hides the sales − marketing gap when sales is a group of 2, and says why', async () => {
    const r = report(
      people([
        ['sales', 2],
        ['marketing', 5],
        ['leadership', 3],
      ]),
    );
    const rendered = await renderAll(r);
    const json = JSON.parse(rendered.json) as TeamReport;
    expect(json.gaps.find((g) => g.id === 'sales-marketing')).toMatchObject({ shown: false, pillars: [], items: [] });
    expect(JSON.stringify(json.pillars.map((p) => p.byRole))).not.toContain('sales');
    expect(rendered.csv).not.toMatch(/^(?!respondents,sales,,,folded,1\r?$)(?:[^,\r\n]*),sales,/m);
    expect(rendered.csv).not.toContain('sales-marketing');
    for (const format of ['text', 'markdown'] as const) {
      expect(rendered[format]).toContain('Not shown: fewer than 3 people answered as sales');
      expect(rendered[format]).not.toMatch(/\bsales \d/);
    }
  });

  it('shows names only with --show-names', async () => {
    const responses = people(
      [
        ['sales', 3],
        ['marketing', 3],
      ],
      true,
    );
    for (const [format, text] of Object.entries(await renderAll(report(responses)))) expect(text, format).not.toMatch(/Name\d+zz/);
    for (const [format, text] of Object.entries(await renderAll(report(responses, true)))) {
      if (format !== 'csv') expect(text, format).toContain('Name0zz');
    }
  });
});

describe('CSV', () => {
  it.each<[string | number | null, string]>([
    ['=1+2', "'=1+2"],
    ['+cmd', "'+cmd"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    // Tabs and line breaks fold to spaces (a cell may reach a terminal), so they start no formula.
    ['\tx', ' x'],
    ['\rx', ' x'],
    ['\u001b[31m=cmd', "'=cmd"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['plain, with comma', '"plain, with comma"'],
    ['\u001b[31mred\u001b]0;title\u0007', 'red'],
    [-12.5, '-12.5'],
    [0, '0'],
    [null, ''],
  ])('writes %j as %j', (value, want) => expect(csvCell(value)).toBe(want));

  it('neutralises formulas that come from the bank, and keeps negative numbers as numbers', () => {
    const low = { T1: 1, T2: 5, K1: 1, K2: 2 } as const;
    const high = { T1: 5, T2: 1, K1: 4, K2: 5 } as const;
    const r = report([...[low, high, low].map((a) => respondent('sales', a)), ...[high, high, low].map((a) => respondent('marketing', a))]);
    r.items[0] = { ...(r.items[0] as TeamReport['items'][number]), text: '=cmd|/c calc' };
    const rows = renderTeamCsv(r).split('\r\n');
    expect(rows[0]).toBe('section,group,pillar,item,metric,value');
    expect(rows).toContain("item,team,talk,T1,text,'=cmd|/c calc");
    expect(rows.some((row) => /^gap,sales-marketing,\w+,,gap,-\d/.test(row))).toBe(true);
  });
});

describe('text', () => {
  it('strips terminal escape sequences from bank texts', async () => {
    const r = report(
      people([
        ['sales', 3],
        ['marketing', 3],
      ]),
    );
    r.items = r.items.map((i) => ({ ...i, text: `\u001b]0;pwned\u0007${i.text}\u001b[2J` }));
    r.headline = `\u001b[31m${r.headline}`;
    const text = (await teamRenderers.text())(r, { color: false });
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\u0007');
  });
});
