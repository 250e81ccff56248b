import { capitalize, respondentCount } from '../../core/report/wording.js';
import type { TeamReport } from '../../core/report/team/schema.js';
import { decimal, intervalRange, percent, shownDifference, scoreText } from '../shared/numbers.js';
import { barChart } from '../shared/svg/bars.js';
import { heatMap } from '../shared/svg/heat-map.js';
import { radarChart } from '../shared/svg/radar.js';
import {
  agendaTime,
  agreementByRole,
  bandsInUse,
  formLabel,
  itemsById,
  pillarsById,
  stanceCounts,
  STANCE_HEADER,
  statementLabel,
  verdictLabel,
} from './layout.js';
import { html, trusted, type SafeHtml } from '../shared/html/html.js';
import { bandChip, htmlDocument } from '../shared/html/page.js';
import { nextStepList, roleName, takenOn } from '../shared/html/parts.js';

const NOT_ENOUGH = 'not enough answers';
const HEAT_ROWS = 12;

/** The team report as one self-contained page: the Markdown team report's content, with charts. */
export function renderTeamHtml(report: TeamReport): string {
  const { bands } = report;
  const pillarName = pillarsById(report);
  const name = (id: string) => pillarName.get(id) ?? id;
  const items = itemsById(report);
  const roles = report.respondents.byRole.map((g) => g.role);
  const described = bandsInUse(report).filter(({ band }) => band.description !== undefined);
  const thresholds = bands.map((b) => ({ label: b.label, min: b.min }));
  const overall = report.overall.team;

  const radar = radarChart({
    id: 'team-radar',
    title: 'Score per pillar, by role',
    axes: report.pillars.map((p) => p.name),
    series: [
      ...roles.map((role, r) => ({ name: roleName(role), values: report.pillars.map((p) => p.byRole[r]?.score.mean ?? null) })),
      { name: 'Whole team', values: report.pillars.map((p) => p.team.mean) },
    ],
    bands: thresholds,
    nullLabel: NOT_ENOUGH,
  });
  const bars = barChart({
    id: 'team-bars',
    title: 'Team score per pillar, with the lowest and highest respondent',
    series: ['Team'],
    rows: report.pillars.map((p) => ({
      label: p.name,
      values: [p.team.mean],
      range: p.team.min === null || p.team.max === null ? null : { min: p.team.min, max: p.team.max },
    })),
    bands: thresholds,
    nullLabel: NOT_ENOUGH,
  });

  const basis = report.gaps.find((g) => g.id === report.disagreements.gap && g.shown) ?? null;
  const anyAgreement = report.items.some((i) => i.byRole.some((r) => r.rwg !== null));
  const heatIds = (basis === null ? report.items.map((i) => i.id) : basis.items.map((e) => e.item)).slice(0, HEAT_ROWS);
  const heatItems = heatIds.flatMap((id) => items.get(id) ?? []);
  const heat = heatMap({
    id: 'team-heat',
    title: basis === null ? 'Statements by role' : `Statements by role, surest ${basis.a.label} − ${basis.b.label} gap first`,
    rowHeader: 'Statement',
    columns: [...roles.map(roleName), 'Team'],
    rows: heatItems.map((i) => `${i.id} ${statementLabel(i)}`),
    cells: heatItems.map((i) => [...i.byRole.map((r) => r.mean), i.mean]),
    nullLabel: NOT_ENOUGH,
  });

  const body = html`<main class="sheet">
<header class="masthead">
<p class="eyebrow">Team report</p>
<h1>${report.bank.title}</h1>
<p class="who"><strong>${respondentCount(report.respondents.total)}</strong>${report.respondents.byRole.map((g) => html` · ${roleName(g.role)} ${g.n}`)}</p>
<ul class="meta"><li>${capitalize(formLabel(report))}</li><li>Made ${takenOn(report.createdAt)}</li><li>Bank ${report.bank.id} ${report.bank.version}</li></ul>
</header>

<section class="summary" aria-label="Overall result">
<div class="score-card">
<p class="eyebrow">Team score</p>
${
  overall.mean === null
    ? html`<p class="big">n/a</p><p>${bandChip(null, bands, NOT_ENOUGH)}</p>`
    : html`<p class="big">${scoreText(overall.mean)}<small>/100</small></p><p>${bandChip(overall.band, bands, NOT_ENOUGH)}</p>`
}
<p class="headline">${report.headline}</p>
<table class="compact"><tbody>${report.overall.byRole.map((r) => html`<tr><th scope="row">${roleName(r.role)}</th><td class="num">${scoreText(r.score.mean)}${roleBand(r.score)}</td></tr>`)}</tbody></table>
${report.respondents.folded.length > 0 ? html`<p class="note">${report.respondents.folded.map(roleName).join(', ')}: ${report.respondents.excluded > 0 ? 'left out of every figure, too few to stay anonymous' : 'in the team figures only'} (groups under ${report.minGroup} are never shown on their own).</p>` : ''}
${report.respondents.consented.length > 0 ? html`<p class="note">${report.respondents.consented.map(roleName).join(', ')}: shown with the consent of its people.</p>` : ''}
${report.respondents.straightLiners > 0 ? html`<p class="note">${report.respondents.straightLiners} gave the same answer to every statement: their scores say little.</p>` : ''}
${report.respondents.names !== null ? html`<p class="note">Names: ${report.respondents.names.join(', ')}</p>` : ''}
</div>
<figure class="radar">${trusted(radar)}<figcaption>Each role's mean score per pillar; 0 at the centre, 100 at the rim, the shaded rings are the bands.</figcaption></figure>
</section>

<section class="pillars">
<h2>Pillars</h2>
<figure class="wide">${trusted(bars)}<figcaption>Bars are the team's mean; the whisker runs from the lowest to the highest respondent. Dashed lines mark where each band starts.</figcaption></figure>
<table>
<thead><tr><th scope="col">Pillar</th><th scope="col" class="num">Team</th><th scope="col">Band</th>${roles.map((r) => html`<th scope="col" class="num">${roleName(r)}</th>`)}<th scope="col" class="num">Min–max</th><th scope="col" class="num">SD</th><th scope="col" class="num">Don't know</th></tr></thead>
<tbody>${report.pillars.map(
    (p) =>
      html`<tr${p.id === report.weakestPillar ? trusted(' class="weakest"') : ''}><th scope="row">${p.name}${p.id === report.weakestPillar ? html`<span class="tag">weakest</span>` : ''}</th><td class="num">${scoreText(p.team.mean)}</td><td>${bandChip(p.team.band, bands, NOT_ENOUGH)}</td>${p.byRole.map((r) => html`<td class="num">${scoreText(r.score.mean)}${roleBand(r.score)}</td>`)}<td class="num">${scoreText(p.team.min)}–${scoreText(p.team.max)}</td><td class="num">${scoreText(p.team.sd)}</td><td class="num">${percent(p.unknownRate)}</td></tr>`,
  )}</tbody>
</table>
${described.length === 0 ? '' : html`<dl class="band-descriptions">${described.map(({ band, who }) => html`<dt>${bandChip(band, bands, '')} <span class="note">${who.join(', ')}</span></dt><dd>${band.description}</dd>`)}</dl>`}
</section>

<section class="gaps">
<h2>Perception gaps</h2>
${report.gaps.map((gap) =>
  gap.shown
    ? html`<table>
<caption>${gap.a.label} − ${gap.b.label} <span class="note">(${gap.a.n} and ${gap.b.n} respondents)</span></caption>
<thead><tr><th scope="col">Pillar</th><th scope="col" class="num">${gap.a.label}</th><th scope="col" class="num">n</th><th scope="col" class="num">${gap.b.label}</th><th scope="col" class="num">n</th><th scope="col" class="num">Gap</th><th scope="col" class="num">95% interval</th><th scope="col" class="num">Hedges' g</th><th scope="col">Reading</th></tr></thead>
<tbody>${gap.pillars.map((p) => html`<tr><th scope="row">${name(p.pillar)}</th><td class="num">${scoreText(p.a)}</td><td class="num">${p.nA}</td><td class="num">${scoreText(p.b)}</td><td class="num">${p.nB}</td><td class="num">${shownDifference(p.a, p.b)}</td><td class="num">${intervalRange(p.low, p.high)}</td><td class="num">${decimal(p.g)}</td><td>${verdictLabel(p)}</td></tr>`)}</tbody>
</table>
<ul class="readings">${gap.pillars.map((p) => html`<li>${p.reading}</li>`)}</ul>`
    : html`<p class="note"><strong>${gap.a.label} − ${gap.b.label}:</strong> ${gap.reason ?? ''}</p>`,
)}
</section>

<section class="heat">
<h2>${basis === null ? 'Statements by role' : html`Statements by role, surest ${basis.a.label} − ${basis.b.label} gaps first`}</h2>
<figure class="wide">${trusted(heat)}${
    basis === null
      ? ''
      : report.disagreements.items.length === 0
        ? html`<p class="note">No statement's ${basis.a.label} − ${basis.b.label} gap is beyond noise.</p>`
        : html`<ul class="readings">${report.disagreements.items.flatMap((id) => basis.items.filter((e) => e.item === id).map((e) => html`<li>${e.reading} <span class="note">(${scoreText(e.a)} v ${scoreText(e.b)}, gap ${shownDifference(e.a, e.b)}, ${intervalRange(e.low, e.high)})</span></li>`))}</ul>`
  }
<figcaption>Mean score per role, 0–100; blue is high, orange is low, the number is in each cell; reverse-worded statements are marked (agreeing with them is the misaligned answer).${heatItems.length < report.items.length ? ` The ${heatItems.length} statements shown are the first of ${report.items.length}; every statement is in the table at the end.` : ''}</figcaption></figure>
</section>

<section class="lowest">
<h2>Lowest-rated statements</h2>
<table>
<thead><tr><th scope="col">#</th><th scope="col">Id</th><th scope="col">Statement</th><th scope="col" class="num">Team</th><th scope="col" class="num">${STANCE_HEADER}</th><th scope="col">Agreement within roles (r_wg)</th><th scope="col" class="num">Don't know</th></tr></thead>
<tbody>${report.lowestItems.flatMap((id, i) => {
    const item = items.get(id);
    return item
      ? [
          html`<tr><td class="num">${i + 1}</td><td class="id">${id}</td><td class="text">${statementLabel(item)}</td><td class="num">${scoreText(item.mean)}</td><td class="num">${stanceCounts(item.stance)}</td><td>${agreementByRole(item, decimal)}</td><td class="num">${percent(item.unknownRate)}</td></tr>`,
        ]
      : [];
  })}</tbody>
</table>
</section>

<section class="unknown">
<h2>"Don't know"</h2>
<p>${report.unknown.reading ?? 'Nobody answered "don’t know".'}</p>
${report.unknown.findings.length + report.unknown.items.length > 0 ? html`<ul class="readings">${[...report.unknown.findings, ...report.unknown.items].map((f) => html`<li>${f.reading}</li>`)}</ul>` : ''}
</section>

<section class="next-steps">
<h2>Next steps for the team</h2>
${nextStepList(report.nextSteps, name)}
</section>

<section class="agenda new-page">
<h2>Workshop agenda <span class="note">(${report.agenda.minutes} minutes)</span></h2>
<ol class="agenda-blocks">${report.agenda.blocks.map(
    (block) =>
      html`<li><p class="when">${agendaTime(block)}<span>${block.minutes} min</span></p><div><h3>${block.title}</h3><p class="note">${block.purpose}</p>${block.prompts.length > 0 ? html`<ul class="prompts">${block.prompts.map((p) => html`<li>${p}</li>`)}</ul>` : ''}</div></li>`,
  )}</ol>
</section>

<section class="all-items new-page">
<h2>All statements</h2>
<table class="long">
<thead><tr><th scope="col">Id</th><th scope="col">Statement</th><th scope="col" class="num">Team</th><th scope="col" class="num">SD</th><th scope="col" class="num">${STANCE_HEADER}</th><th scope="col" class="num">Don't know</th>${roles.map((r) => html`<th scope="col" class="num">${roleName(r)}</th>`)}${anyAgreement ? html`<th scope="col">Agreement within roles (r_wg)</th>` : ''}</tr></thead>
<tbody>${report.items.map(
    (i) =>
      html`<tr><td class="id">${i.id}</td><td class="text">${i.text}${i.reverse ? html` <span class="note">(reverse-worded)</span>` : ''}<span class="pillar-of"> · ${name(i.pillar)}</span></td><td class="num">${scoreText(i.mean)}</td><td class="num">${scoreText(i.sd)}</td><td class="num">${stanceCounts(i.stance)}</td><td class="num">${percent(i.unknownRate)}</td>${i.byRole.map((r) => html`<td class="num">${scoreText(r.mean)}</td>`)}${anyAgreement ? html`<td>${agreementByRole(i, decimal)}</td>` : ''}</tr>`,
  )}</tbody>
</table>
</section>

${report.notes.length > 0 ? html`<section class="notes"><h2>Notes</h2><ul>${report.notes.map((n) => html`<li>${n}</li>`)}</ul></section>` : ''}

<footer class="footer"><span>${report.bank.title} ${report.bank.version}</span><span>bank hash <code>${report.bank.hash.slice(0, 12)}</code></span><span>made with cash-test</span></footer>
</main>`;

  const headline = overall.mean === null ? NOT_ENOUGH : `${scoreText(overall.mean)}/100`;
  return htmlDocument(`${report.bank.title}: team report, ${headline}`, bands, body);
}

/** A role's band beside its score, small: the team's own band has the coloured chip. */
function roleBand(score: { mean: number | null; band: { label: string } | null }): SafeHtml | string {
  return score.mean === null || score.band === null ? '' : html` <span class="role-band">${score.band.label}</span>`;
}
