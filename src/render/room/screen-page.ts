import { respondentCount } from '../../core/report/wording.js';
import { renderSVG } from 'uqr';
import type { TeamReport } from '../../core/report/team/schema.js';
import type { Page } from '../../server/room-api.js';
import { html, trusted } from '../shared/html/html.js';
import { roleName } from '../shared/html/parts.js';
import { scoreText, shownDifference } from '../shared/numbers.js';
import { plainText } from '../shared/sanitize.js';
import { radarChart } from '../shared/svg/radar.js';
import { agendaTime, pillarsById } from '../team/layout.js';
import { roomDocument } from './document.js';

// The big screen: before the reveal, the QR code, the join URL and the live counts (never a figure);
// after it, the team report one section a screen, and the full report one click away.

export function renderLobbyPage(title: string, joinUrl: string, names: boolean): Page {
  return roomDocument({
    title: `${plainText(title)}: the room`,
    css: CSS,
    script: LOBBY_SCRIPT,
    data: null,
    body: html`<main class="lobby">
<section class="join" aria-label="Join">
<div class="qr">${trusted(renderSVG(joinUrl, { border: 2 }))}</div>
<div>
<h1>Scan to answer on your phone</h1>
<p class="url">${joinUrl}</p>
<p>Same Wi-Fi as this laptop. ${names ? 'Name and team are optional' : 'Anonymous'}: this screen shows only how many have answered.</p>
</div>
</section>
<section class="counts" aria-label="Answers so far">
<p class="totals"><span id="joined">0</span> joined · <span id="finished">0</span> finished</p>
<table><thead><tr><th scope="col">Role</th><th scope="col">Joined</th><th scope="col">Finished</th></tr></thead><tbody id="roles"></tbody></table>
<p id="needed" class="needed"></p>
<p><button type="button" id="reveal">Reveal the results</button> <span id="message" role="status"></span></p>
</section>
</main>`,
  });
}

export function renderSlidesPage(report: TeamReport, reportPath: string): Page {
  const name = pillarsById(report);
  const overall = report.overall.team;
  const sm = report.gaps.find((g) => g.id === 'sales-marketing');
  const overlaid = report.respondents.byRole.filter((g) => g.role === 'sales' || g.role === 'marketing');
  const series = overlaid.length > 0 ? overlaid.map((g) => g.role) : report.respondents.byRole.map((g) => g.role);
  const radar = radarChart({
    id: 'room-radar',
    title: overlaid.length === 2 ? 'Sales and marketing, score per pillar' : 'Score per pillar',
    axes: report.pillars.map((p) => p.name),
    series: [
      ...series.map((role) => ({ name: roleName(role), values: report.pillars.map((p) => p.byRole.find((r) => r.role === role)?.score.mean ?? null) })),
      ...(series.length === 0 ? [{ name: 'Whole team', values: report.pillars.map((p) => p.team.mean) }] : []),
    ],
    bands: report.bands.map((b) => ({ label: b.label, min: b.min })),
    nullLabel: 'not enough answers',
  });
  const band = report.bands.find((b) => b.id === overall.band?.id);
  return roomDocument({
    title: `${report.bank.title}: team results`,
    css: CSS,
    script: SLIDES_SCRIPT,
    data: null,
    body: html`<main class="slides">
<nav class="bar" aria-label="Sections"><button type="button" id="previous">← Previous</button><span id="where" aria-live="polite"></span><button type="button" id="next">Next →</button><a href="${reportPath}" target="_blank" rel="noopener noreferrer">Full report</a></nav>
<section class="slide" aria-label="Headline">
<p class="eyebrow">Team score · ${respondentCount(report.respondents.total)}${report.respondents.byRole.map((g) => ` · ${roleName(g.role)} ${g.n}`)}</p>
<p class="score">${scoreText(overall.mean)}<small>/100</small></p>
<p class="band">${band?.label ?? 'not enough answers'}</p>
<p class="headline">${report.headline}</p>
</section>
<section class="slide" aria-label="Radar" hidden>
<h1>Where each team stands</h1>
<figure>${trusted(radar)}</figure>
</section>
<section class="slide" aria-label="Gaps" hidden>
<h1>How sales and marketing see it differently</h1>
${
  sm?.shown
    ? html`<table><thead><tr><th scope="col">Pillar</th><th scope="col">Sales</th><th scope="col">Marketing</th><th scope="col">Gap</th></tr></thead>
<tbody>${sm.pillars.map((p) => html`<tr><th scope="row">${name.get(p.pillar) ?? p.pillar}</th><td>${scoreText(p.a)}</td><td>${scoreText(p.b)}</td><td>${shownDifference(p.a, p.b)}</td></tr>`)}</tbody></table>
<ul class="readings">${sm.pillars.map((p) => html`<li>${p.reading}</li>`)}</ul>`
    : html`<p class="headline">${sm?.reason ?? 'The sales–marketing gap is not part of this report.'}</p>`
}
</section>
<section class="slide" aria-label="Agenda" hidden>
<h1>Agenda <small>${report.agenda.minutes} minutes</small></h1>
<ol class="agenda">${report.agenda.blocks.map((b) => html`<li><span class="when">${agendaTime(b)}</span> <strong>${b.title}</strong> <span class="note">${b.minutes} min</span></li>`)}</ol>
</section>
</main>`,
  });
}

const CSS = `
*{box-sizing:border-box}
body{margin:0;background:#fff;color:#000;font:24px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
h1{font-size:2rem;margin:0 0 1rem}
.lobby{display:grid;grid-template-columns:minmax(0,1.1fr) minmax(0,1fr);gap:2.5rem;padding:2rem 2.5rem;min-height:100vh;align-items:center}
.join{display:flex;flex-direction:column;gap:1rem}
.qr svg{display:block;width:min(52vh,100%);height:auto}
.url{font:700 1.05rem/1.3 ui-monospace,Menlo,Consolas,monospace;word-break:break-all;margin:.2rem 0}
.totals{font-size:2.2rem;font-weight:800;margin:0 0 1rem;font-variant-numeric:tabular-nums}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
th,td{text-align:left;padding:.35rem .6rem;border-bottom:2px solid #ccc}
td,th[scope=col]~th[scope=col]{text-align:right}
.needed{font-weight:700;color:#8a4b00}
button{font:inherit;font-weight:700;padding:.6rem 1.2rem;border:3px solid #000;border-radius:.5rem;background:#fff;color:#000;cursor:pointer}
button:focus-visible,a:focus-visible{outline:4px solid #0b4f8a;outline-offset:2px}
.slides{min-height:100vh;display:flex;flex-direction:column}
.bar{display:flex;gap:1rem;align-items:center;padding:.6rem 1.5rem;border-bottom:2px solid #ddd;font-size:1rem}
.bar a{margin-left:auto;color:#0b4f8a;font-weight:700}
.slide{flex:1;padding:2rem 3rem;cursor:pointer}
.eyebrow{text-transform:uppercase;letter-spacing:.06em;font-size:1rem;color:#333}
.score{font-size:7rem;font-weight:800;margin:0;line-height:1}
.score small{font-size:2rem;color:#444}
.band{font-size:2rem;font-weight:700;margin:.2rem 0 1rem}
.headline{font-size:1.6rem;max-width:50rem}
figure{margin:0;max-width:46rem}
figure svg{width:100%;height:auto;max-height:75vh}
.readings{font-size:1.1rem;max-width:60rem}
.agenda{font-size:1.2rem}
.agenda li{margin:.4rem 0}
.note,.when{color:#444}
`;

const LOBBY_SCRIPT = `(function(){
'use strict';
var base=location.pathname.replace(/\\/+$/,'');
function set(id,text){document.getElementById(id).textContent=text}
function update(s){
  set('joined',String(s.counts.joined));set('finished',String(s.counts.finished));
  var body=document.getElementById('roles');body.textContent='';
  s.counts.byRole.forEach(function(r){
    var tr=document.createElement('tr');
    [r.role.charAt(0).toUpperCase()+r.role.slice(1),String(r.joined),String(r.finished)].forEach(function(text,i){var c=document.createElement(i===0?'th':'td');c.textContent=text;tr.appendChild(c)});
    body.appendChild(tr);
  });
  set('needed',s.counts.needed===null?'Enough answers for the sales–marketing gap.':s.counts.needed+'.');
  if(s.revealed)location.reload();
}
var events=new EventSource(base+'/api/events');
events.addEventListener('status',function(e){update(JSON.parse(e.data))});
document.getElementById('reveal').addEventListener('click',function(){
  fetch(base+'/api/reveal',{method:'POST',headers:{'Content-Type':'application/json'},body:'{}',credentials:'omit'}).then(function(res){
    return res.json().then(function(j){if(!res.ok)throw new Error(j.error||('HTTP '+res.status));location.reload()});
  }).catch(function(e){set('message',e.message)});
});
})();`;

const SLIDES_SCRIPT = `(function(){
'use strict';
var slides=Array.prototype.slice.call(document.querySelectorAll('.slide')),at=0;
function go(i){at=Math.max(0,Math.min(slides.length-1,i));slides.forEach(function(s,k){s.hidden=k!==at});document.getElementById('where').textContent=(at+1)+'/'+slides.length+' · '+slides[at].getAttribute('aria-label')}
document.addEventListener('keydown',function(e){
  if(e.key==='ArrowRight'||e.key==='PageDown'||e.key===' '){e.preventDefault();go(at+1)}
  else if(e.key==='ArrowLeft'||e.key==='PageUp'){e.preventDefault();go(at-1)}
  else if(e.key==='Home')go(0);else if(e.key==='End')go(slides.length-1);
});
slides.forEach(function(s){s.addEventListener('click',function(){go(at+1)})});
document.getElementById('next').addEventListener('click',function(){go(at+1)});
document.getElementById('previous').addEventListener('click',function(){go(at-1)});
go(0);
})();`;
