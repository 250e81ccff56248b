// The report's one style sheet: a sheet of paper on screen, the same sheet on A4 or Letter.
export const BASE_CSS = `
:root{--ink:#1f2933;--muted:#5f6b76;--rule:#dde2e7;--paper:#ffffff;--desk:#eef1f4;--accent:#0072B2;--soft:#f6f8fa}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--desk);color:var(--ink);font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.sheet{overflow-wrap:break-word;max-width:1060px;margin:32px auto;background:var(--paper);padding:44px 56px 36px;border-radius:6px;box-shadow:0 1px 3px rgba(16,24,40,.08),0 8px 24px rgba(16,24,40,.06)}
h1,h2,h3{line-height:1.25;margin:0}
h1{font-size:30px;letter-spacing:-.01em}
h2{font-size:20px;margin:0 0 14px;padding-top:6px}
h3{font-size:16px}
p{margin:0 0 10px}
.eyebrow{font-size:12px;font-weight:700;letter-spacing:.08em;text-transform:uppercase;color:var(--accent);margin:0 0 6px}
.masthead{border-bottom:3px solid var(--ink);padding-bottom:16px;margin-bottom:28px}
.masthead .who{font-size:17px;margin:6px 0 4px}
.meta{display:flex;flex-wrap:wrap;gap:4px 18px;color:var(--muted);font-size:13px;margin:0;padding:0;list-style:none}
section{margin:0 0 34px}
section>h2{border-top:1px solid var(--rule);padding-top:18px}
.summary{display:grid;grid-template-columns:minmax(250px,1fr) minmax(0,1.75fr);gap:28px;align-items:center}
.score-card{background:var(--soft);border:1px solid var(--rule);border-radius:8px;padding:22px 24px}
.score-card .big{font-size:64px;font-weight:800;line-height:1;margin:4px 0 10px;font-variant-numeric:tabular-nums}
.score-card .big small{font-size:22px;font-weight:600;color:var(--muted)}
.score-card .band{font-size:16px}
.score-card .weakest{margin-top:16px;padding-top:14px;border-top:1px solid var(--rule)}
.score-card .weakest strong{display:block;font-size:18px}
.role-band{font-size:11.5px;color:var(--muted);font-weight:400;white-space:nowrap}
.band-descriptions{margin:14px 0 0}
.band-descriptions dt{margin:10px 0 2px}
.band-descriptions dd{margin:0;color:var(--muted);font-size:13.5px;max-width:48em}
.band-description{font-size:13.5px;color:var(--muted);margin:8px 0 0;max-width:42em}
.same-answer{font-size:14px;font-weight:600;margin:12px 0 0;padding:8px 12px;border-left:5px solid #D55E00;background:#fff4ec;max-width:42em}
.bands{list-style:none;padding:0;margin:14px 0 0;display:flex;flex-wrap:wrap;gap:6px}
.bands .band{font-size:12px}
.band{display:inline-block;max-width:100%;border-left:5px solid var(--muted);border-radius:3px;padding:2px 9px;font-weight:700}
.band-none{background:#f1f1f1;border-color:#9aa5b1;font-weight:600;font-style:italic}
figure{margin:0}
figure svg{display:block;width:100%;height:auto;margin:0 auto}
figure.radar svg{max-width:600px}
figure.wide svg{max-width:720px}
figcaption{color:var(--muted);font-size:13px;margin-top:8px;text-align:center}
table{width:100%;border-collapse:collapse;margin:14px 0 0;font-size:14px}
caption{text-align:left;font-weight:700;margin-bottom:6px}
th,td{overflow-wrap:anywhere;text-align:left;padding:8px 10px;border-bottom:1px solid var(--rule);vertical-align:top}
thead th{font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);border-bottom:2px solid var(--ink)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
thead th.num{white-space:normal}
thead th{overflow-wrap:normal}
tbody th,td.text{min-width:9em}
.band{overflow-wrap:normal}
table.long td.text{width:42%}
td.id{color:var(--muted);white-space:nowrap;font-variant-numeric:tabular-nums}
tr.weakest>*{background:#fff7ec}
.tag{display:inline-block;font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.05em;border:1px solid currentColor;border-radius:10px;padding:0 7px;margin-left:6px;color:#a14300;vertical-align:1px}
.steps{list-style:none;counter-reset:step;padding:0;margin:0;display:grid;gap:12px}
.steps li{counter-increment:step;position:relative;border:1px solid var(--rule);border-radius:8px;padding:14px 18px 14px 64px;background:var(--paper)}
.steps li::before{content:counter(step);position:absolute;left:18px;top:14px;width:30px;height:30px;border-radius:50%;background:var(--ink);color:#fff;font-weight:700;display:flex;align-items:center;justify-content:center}
.steps .action{font-weight:600;margin:4px 0}
.steps .reason{color:var(--muted);font-size:13.5px;margin:0}
.owner{display:inline-block;font-size:12px;font-weight:700;border-radius:4px;padding:1px 8px;margin-right:8px;border:1px solid}
.owner-sales{background:#e6f1f8;border-color:#0072B2;color:#00507d}
.owner-marketing{background:#fbeee6;border-color:#D55E00;color:#8f3f00}
.owner-both{background:#efe9f5;border-color:#7a5195;color:#4e3261}
.owner-leadership{background:#eceff1;border-color:#37474f;color:#263238}
.owner-revops{background:#e8f5ee;border-color:#009E73;color:#00573f}
.pillar-of{font-size:13px;color:var(--muted)}
.cards{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:16px}
.card{border:1px solid var(--rule);border-radius:8px;padding:16px 18px;background:var(--paper)}
.card header{display:flex;justify-content:space-between;align-items:baseline;gap:10px;margin-bottom:6px}
.card .score{font-size:22px;font-weight:800;font-variant-numeric:tabular-nums}
.card .summary-line{color:var(--muted);font-size:13.5px}
.card ul{margin:8px 0 0;padding-left:18px}
.card li{margin:4px 0}
.note{color:var(--muted);font-size:13.5px}
.score-card .headline{font-size:14px;margin-top:12px}
table.compact{margin-top:10px;font-size:13.5px}
table.compact th,table.compact td{padding:4px 6px}
.readings{margin:10px 0 22px;padding-left:20px}
.readings li{margin:4px 0}
.agenda-blocks{list-style:none;padding:0;margin:0;display:grid;gap:10px}
.agenda-blocks>li{display:grid;grid-template-columns:120px minmax(0,1fr);gap:16px;border:1px solid var(--rule);border-left:5px solid var(--accent);border-radius:6px;padding:12px 16px}
.agenda-blocks .when{font-weight:800;font-variant-numeric:tabular-nums;margin:0}
.agenda-blocks .when span{display:block;font-weight:600;font-size:12.5px;color:var(--muted)}
.agenda-blocks h3{margin-bottom:4px}
.prompts{margin:6px 0 0;padding-left:0;list-style:none}
.prompts li{margin:3px 0;padding-left:24px;position:relative}
.prompts li::before{content:"";position:absolute;left:2px;top:4px;width:12px;height:12px;border:1.5px solid var(--muted);border-radius:2px}
.summary-text .headline{font-size:19px;font-weight:600;line-height:1.45;border-left:5px solid var(--accent);padding:4px 0 4px 16px;margin-bottom:14px}
.footer{border-top:1px solid var(--rule);padding-top:12px;color:var(--muted);font-size:12px;display:flex;flex-wrap:wrap;gap:4px 16px}
.footer code{font-size:11px}
@media screen and (max-width:820px){.sheet{margin:0;padding:24px 18px;border-radius:0}.summary,.cards{grid-template-columns:1fr}}
@page{margin:14mm 13mm}
@media print{
body{background:#fff;font-size:10pt;line-height:1.45}
.sheet{max-width:none;margin:0;padding:0;box-shadow:none;border-radius:0}
.masthead{margin-bottom:14px;padding-bottom:10px}
h1{font-size:22pt}
.masthead .who{font-size:12pt;margin:2px 0}
section{margin-bottom:16px}
section>h2{padding-top:12px}
section.new-page{break-before:page}
section.new-page>h2{border-top:0;padding-top:0}
h2,h3,caption{break-after:avoid}
figure,svg,table,tr,.score-card,.steps li,.card,.agenda-blocks>li{break-inside:avoid}
table.long{break-inside:auto;font-size:8pt}
table.long th,table.long td{padding:3px 5px}
caption{break-after:avoid}
.agenda-blocks>li{padding:8px 12px;grid-template-columns:90px minmax(0,1fr)}
.footer{break-before:avoid}
.summary{grid-template-columns:minmax(0,0.8fr) minmax(0,1.7fr);gap:14px}
.score-card{padding:14px 16px}
.score-card .big{font-size:44px}
.score-card .weakest{margin-top:10px;padding-top:10px}
figure.radar svg{max-width:370px}
figure.wide svg{max-width:520px}
figcaption{font-size:8pt;margin-top:2px}
table{font-size:9pt;margin-top:6px}
th,td{padding:4px 8px}
.steps{gap:6px}
.steps li{padding:8px 12px 8px 50px}
.steps li::before{left:12px;top:8px;width:26px;height:26px}
.steps .reason{font-size:9pt}
.card{padding:10px 12px}
.cards{gap:10px}
h2{font-size:14pt;margin-bottom:8px}
}
`.trim();
