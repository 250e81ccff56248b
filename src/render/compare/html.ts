import { respondentCount } from '../../core/report/wording.js';
import type { CompareReport } from '../../core/report/compare/schema.js';
import { shownDifference, shownSizeChange, signedPoints, scoreText } from '../shared/numbers.js';
import { beforeAfterChart } from '../shared/svg/before-after.js';
import { html, trusted, type SafeHtml } from '../shared/html/html.js';
import { htmlDocument } from '../shared/html/page.js';
import { takenOn } from '../shared/html/parts.js';

const NOT_ENOUGH = 'no score';

/** What changed between two results, as one self-contained page: the Markdown comparison's content, with a chart. */
export function renderCompareHtml(report: CompareReport): string {
  const { before, after } = report;
  const beforeName = `Before (${takenOn(before.at)})`;
  const afterName = `After (${takenOn(after.at)})`;
  const chart = beforeAfterChart({
    id: 'compare-pillars',
    title: 'Score per pillar, before and after',
    rows: [
      { label: 'Overall', before: report.overall.before, after: report.overall.after },
      ...report.pillars.map((p) => ({ label: p.name, before: p.before, after: p.after })),
    ],
    bands: report.bands.map((b) => ({ label: b.label, min: b.min })),
    beforeName,
    afterName,
    nullLabel: NOT_ENOUGH,
  });
  const side = (s: CompareReport['before']) =>
    html`${takenOn(s.at)}${s.respondents === null ? '' : ` · ${respondentCount(s.respondents)}`} · ${s.form} form · bank ${s.bank.id} ${s.bank.version}`;

  const body = html`<main class="sheet">
<header class="masthead">
<p class="eyebrow">What changed · ${report.of === 'team' ? 'team results' : 'one respondent'}</p>
<h1>${after.bank.title}</h1>
<ul class="meta"><li>Before: ${side(before)}</li><li>After: ${side(after)}</li></ul>
</header>

<section class="summary-text" aria-label="Summary">
<p class="headline">${report.headline}</p>
${report.bankChanged ? html`<p class="note">The two results were made with different versions of the question bank; only what both share is compared.</p>` : ''}
<p>${report.overall.reading}</p>
</section>

<section class="pillars">
<h2>Pillars</h2>
<figure class="wide">${trusted(chart)}<figcaption>The hollow circle is the earlier score, the filled one the later; the arrow shows the direction of the move.</figcaption></figure>
${changeTable('Pillar', [{ label: 'Overall', ...report.overall }, ...report.pillars.map((p) => ({ label: p.name, ...p }))])}
<ul class="readings">${report.pillars.map((p) => html`<li>${p.reading}</li>`)}</ul>
</section>

${
  report.gaps.length === 0
    ? ''
    : html`<section class="gaps">
<h2>Perception gaps</h2>
<table>
<thead><tr><th scope="col">Gap</th><th scope="col">Pillar</th><th scope="col" class="num">Before</th><th scope="col" class="num">After</th><th scope="col" class="num">Change in size</th></tr></thead>
<tbody>${report.gaps.map((g) => html`<tr><td>${g.label}</td><th scope="row">${g.name}</th><td class="num">${signedPoints(g.shownBefore)}</td><td class="num">${signedPoints(g.shownAfter)}</td><td class="num">${shownSizeChange(g.shownBefore, g.shownAfter)}</td></tr>`)}</tbody>
</table>
<ul class="readings">${report.gaps.map((g) => html`<li>${g.reading}</li>`)}</ul>
</section>`
}

${
  report.movers.length === 0
    ? ''
    : html`<section class="movers">
<h2>Statements that moved most</h2>
${changeTable(
  'Statement',
  report.movers.map((m) => ({ label: html`<span class="id">${m.id}</span> ${m.text}`, ...m })),
)}
<ul class="readings">${report.movers.map((m) => html`<li>${m.reading}</li>`)}</ul>
</section>`
}

<section class="changes-lists">
<div class="cards">
<article class="card"><header><h3>Improved</h3></header>${list(report.improved)}</article>
<article class="card"><header><h3>Got worse</h3></header>${list(report.worsened)}</article>
</div>
</section>

<footer class="footer"><span>${before.bank.title} ${before.bank.version} → ${after.bank.version}</span><span>bank hash <code>${after.bank.hash.slice(0, 12)}</code></span><span>made with cash-test</span></footer>
</main>`;

  return htmlDocument(`${after.bank.title}: what changed`, report.bands, body);
}

function changeTable(
  header: string,
  rows: readonly { label: string | SafeHtml; before: number | null; after: number | null; change: number | null }[],
): SafeHtml {
  return html`<table>
<thead><tr><th scope="col">${header}</th><th scope="col" class="num">Before</th><th scope="col" class="num">After</th><th scope="col" class="num">Change</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><th scope="row">${r.label}</th><td class="num">${scoreText(r.before)}</td><td class="num">${scoreText(r.after)}</td><td class="num">${shownDifference(r.after, r.before)}</td></tr>`)}</tbody>
</table>`;
}

function list(lines: readonly string[]): SafeHtml {
  return lines.length === 0 ? html`<p class="note">nothing</p>` : html`<ul>${lines.map((l) => html`<li>${l}</li>`)}</ul>`;
}
