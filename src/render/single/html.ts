import type { ReportItem, SingleReport } from '../../core/report/single/schema.js';
import { bandDescription } from '../../core/report/band-description.js';
import { answerLabel } from '../../core/report/single/build.js';
import { percent, scoreText } from '../shared/numbers.js';
import { barChart } from '../shared/svg/bars.js';
import { radarChart } from '../shared/svg/radar.js';
import { html, trusted } from '../shared/html/html.js';
import { bandChip, htmlDocument } from '../shared/html/page.js';
import { nextStepList, roleName, takenOn } from '../shared/html/parts.js';

const NOT_ENOUGH = 'not enough answers';

/** The report of one respondent as one self-contained HTML page: the Markdown report's content, with charts. */
export function renderSingleHtml(report: SingleReport): string {
  const { respondent, bands } = report;
  const described = bandDescription(bands, report.overall.band?.id);
  const pillarName = (id: string) => report.pillars.find((p) => p.id === id)?.name ?? id;
  const weakest = report.pillars.find((p) => p.id === report.weakestPillar) ?? null;
  const thresholds = bands.map((b) => ({ label: b.label, min: b.min }));
  const who = [respondent.name, respondent.team].filter((s): s is string => s !== undefined && s !== '');
  const role = roleName(respondent.role);

  const radar = radarChart({
    id: 'pillar-radar',
    title: 'Score per pillar',
    axes: report.pillars.map((p) => p.name),
    series: [{ name: who[0] ?? role, values: report.pillars.map((p) => p.score) }],
    bands: thresholds,
    nullLabel: NOT_ENOUGH,
  });
  const bars = barChart({
    id: 'pillar-bars',
    title: 'Score per pillar against the bands',
    series: ['Score'],
    rows: report.pillars.map((p) => ({ label: p.name, values: [p.score] })),
    bands: thresholds,
    nullLabel: NOT_ENOUGH,
  });

  const byId = new Map(report.items.map((item) => [item.id, item]));
  const lowest = report.lowestItems.map((id) => byId.get(id)).filter((item): item is ReportItem => item !== undefined);

  const body = html`<main class="sheet">
<header class="masthead">
<p class="eyebrow">Self-assessment report</p>
<h1>${report.bank.title}</h1>
<p class="who">${who.length > 0 ? html`<strong>${who.join(' · ')}</strong> · ` : ''}${role}</p>
<ul class="meta"><li>${report.form === 'quick' ? 'Quick form' : 'Full form'}</li><li>Taken ${takenOn(report.takenAt)}</li><li>Bank ${report.bank.id} ${report.bank.version}</li></ul>
</header>

<section class="summary" aria-label="Overall result">
<div class="score-card">
<p class="eyebrow">Overall score</p>
${
  report.overall.score === null
    ? html`<p class="big">n/a</p><p>${bandChip(null, bands, NOT_ENOUGH)}</p>`
    : html`<p class="big">${scoreText(report.overall.score)}<small>/100</small></p><p>${bandChip(report.overall.band, bands, NOT_ENOUGH)}</p>`
}
${described === undefined ? '' : html`<p class="band-description">${described}</p>`}
${report.sameAnswer ? html`<p class="same-answer" role="note">${report.sameAnswer.reading}</p>` : ''}
${weakest === null ? '' : html`<p class="weakest">Weakest pillar<strong>${weakest.name} · ${scoreText(weakest.score)}</strong></p>`}
<ul class="bands" aria-label="Bands">${bands.map((b) => html`<li>${bandChip(b, bands, '')} <span class="note">from ${b.min}</span></li>`)}</ul>
</div>
<figure class="radar">${trusted(radar)}<figcaption>0 at the centre, 100 at the rim; the shaded rings are the bands. The figures are in the table below.</figcaption></figure>
</section>

<section class="pillars">
<h2>Pillars</h2>
<figure class="wide">${trusted(bars)}<figcaption>Dashed lines mark where each band starts.</figcaption></figure>
<table>
<thead><tr><th scope="col">Pillar</th><th scope="col" class="num">Score</th><th scope="col">Band</th><th scope="col" class="num">Don't know</th></tr></thead>
<tbody>${report.pillars.map(
    (p) =>
      html`<tr${p.id === report.weakestPillar ? trusted(' class="weakest"') : ''}><th scope="row">${p.name}${p.id === report.weakestPillar ? html`<span class="tag">weakest</span>` : ''}</th><td class="num">${scoreText(p.score)}</td><td>${bandChip(p.band, bands, NOT_ENOUGH)}</td><td class="num">${percent(p.unknownRate)}</td></tr>`,
  )}</tbody>
</table>
</section>

${
  lowest.length === 0
    ? ''
    : html`<section class="lowest new-page">
<h2>Lowest-scoring statements</h2>
<table>
<thead><tr><th scope="col">Id</th><th scope="col">Statement</th><th scope="col">Your answer</th><th scope="col" class="num">Score</th></tr></thead>
<tbody>${lowest.map((i) => html`<tr><td class="id">${i.id}</td><td>${i.text}</td><td>${answerLabel(report, i.value)}</td><td class="num">${scoreText(i.score)}</td></tr>`)}</tbody>
</table>
</section>`
}

<section class="next-steps">
<h2>Next steps, weakest first</h2>
${nextStepList(report.nextSteps, pillarName)}
</section>

<section class="advice new-page">
<h2>Advice per pillar</h2>
<div class="cards">${report.pillars.map(
    (p) => html`<article class="card"><header><h3>${p.name}</h3><span class="score">${scoreText(p.score)}</span></header>
<p>${bandChip(p.band, bands, NOT_ENOUGH)}</p>
<p class="summary-line">${p.summary}</p>
${p.advice.length > 0 ? html`<ul>${p.advice.map((a) => html`<li>${a}</li>`)}</ul>` : ''}</article>`,
  )}</div>
</section>

<footer class="footer"><span>${report.bank.title} ${report.bank.version}</span><span>bank hash <code>${report.bank.hash.slice(0, 12)}</code></span><span>made with cash-test</span></footer>
</main>`;

  const headline = report.overall.score === null ? NOT_ENOUGH : `${scoreText(report.overall.score)}/100`;
  return htmlDocument(`${report.bank.title}: ${who[0] ?? role}, ${headline}`, bands, body);
}
