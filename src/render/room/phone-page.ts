import { MAX_NAME_LENGTH } from '../../core/answers.js';
import type { Bank, Question } from '../../core/bank.js';
import type { Page } from '../../server/room-api.js';
import { html } from '../shared/html/html.js';
import { plainText } from '../shared/sanitize.js';
import { roomDocument } from './document.js';

// The participant's page: role first, then one statement a screen. Built with the DOM's textContent
// only, so that nothing a participant or a bank says can become markup.

export interface PhonePageInput {
  bank: Bank;
  questions: readonly Question[];
  names: boolean;
}

const ROLE_LABELS = [
  ['sales', 'Sales'],
  ['marketing', 'Marketing'],
  ['leadership', 'Leadership (CEO, CRO, CMO, founder)'],
  ['revops', 'Revenue operations'],
  ['other', 'Other'],
] as const;

export function renderPhonePage({ bank, questions, names }: PhonePageInput): Page {
  const pillars = bank.pillars.filter((p) => questions.some((q) => q.pillar === p.id));
  const data = {
    title: plainText(bank.title),
    names,
    roles: ROLE_LABELS.map(([value, label]) => ({ value, label })),
    scale: bank.scale.labels.map((label, i) => ({ value: bank.scale.min + i, label: plainText(label) })),
    unknown: plainText(bank.scale.unknown),
    pillars: pillars.map((p) => ({ name: plainText(p.name), summary: plainText(p.summary) })),
    questions: questions.map((q) => ({ id: q.id, text: plainText(q.text), pillar: pillars.findIndex((p) => p.id === q.pillar) })),
  };
  return roomDocument({
    title: plainText(bank.title),
    css: CSS,
    script: SCRIPT,
    data,
    body: html`<main id="main" aria-live="polite"><p class="note">Loading… (this page needs JavaScript)</p></main>`,
  });
}

const CSS = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#fff;color:#000;font:19px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:34rem;margin:0 auto;padding:1rem 1rem 2rem}
h1{font-size:1.5rem;line-height:1.3;margin:.4rem 0 1rem;outline:none}
h2{font-size:1.05rem;margin:0 0 .2rem}
p{margin:.5rem 0}
.progress{font-weight:700;color:#000;margin:0 0 .3rem;font-variant-numeric:tabular-nums}
.pillar{border-left:.35rem solid #0b4f8a;padding:.1rem 0 .1rem .7rem;margin:.6rem 0 1rem}
.note{color:#222}
.choices{display:flex;flex-direction:column;gap:.6rem;margin:1rem 0}
button{font:inherit;font-weight:600;min-height:3.4rem;padding:.7rem 1rem;border:3px solid #000;border-radius:.6rem;background:#fff;color:#000;text-align:left;touch-action:manipulation;cursor:pointer}
button:focus-visible{outline:4px solid #0b4f8a;outline-offset:2px}
button[aria-pressed="true"]{background:#000;color:#fff}
button[aria-pressed="true"]::after{content:"  ✓ your answer"}
button.unknown{border-style:dashed}
button.back{min-height:3rem;border-width:2px;font-weight:500;text-align:center}
button:disabled{opacity:.55}
label{display:block;font-weight:600;margin:.8rem 0 .2rem}
input{font:inherit;width:100%;min-height:3rem;padding:.5rem .7rem;border:2px solid #000;border-radius:.5rem}
.alert{border:3px solid #b00020;color:#b00020;font-weight:700;padding:.6rem .8rem;border-radius:.5rem}
.result{border-collapse:collapse;width:100%;margin:.6rem 0}
.result td,.result th{border-bottom:1px solid #999;padding:.4rem 0;text-align:left}
.result td{text-align:right;font-variant-numeric:tabular-nums}
.same-answer{font-weight:600;padding:.5rem .75rem;border-left:5px solid #D55E00;background:#fff4ec}
`;

const SCRIPT = `(function(){
'use strict';
var data=JSON.parse(document.getElementById('room-data').textContent);
var main=document.getElementById('main');
var base=location.pathname.replace(/\\/+$/,'');
var key='cash-test-room '+base;
var credential=null;
try{credential=localStorage.getItem(key)}catch(e){}
var state=null,index=0,busy=false;

function el(tag,attrs,children){
  var node=document.createElement(tag);
  Object.keys(attrs||{}).forEach(function(k){
    if(attrs[k]===null||attrs[k]===undefined)return;
    if(k==='text')node.textContent=attrs[k];
    else if(k==='onclick')node.addEventListener('click',attrs[k]);
    else node.setAttribute(k,attrs[k]);
  });
  (children||[]).forEach(function(c){if(c)node.appendChild(c)});
  return node;
}
function show(nodes,focus){
  main.textContent='';
  nodes.forEach(function(n){if(n)main.appendChild(n)});
  var target=focus||main.querySelector('h1');
  if(target){target.setAttribute('tabindex','-1');target.focus()}
  window.scrollTo(0,0);
}
function call(method,path,body){
  var headers={'Content-Type':'application/json'};
  if(credential)headers.Authorization='Bearer '+credential;
  return fetch(base+'/api/'+path,{method:method,headers:headers,body:body===undefined?undefined:JSON.stringify(body),cache:'no-store',credentials:'omit'}).then(function(res){
    return res.json().catch(function(){return{}}).then(function(json){
      if(!res.ok){var e=new Error(json.error||('HTTP '+res.status));e.status=res.status;throw e}
      return json;
    });
  });
}
function problem(error){
  return error.status?'Not saved: '+error.message+'.':'Not saved: this phone cannot reach the facilitator\\'s laptop. Check the Wi-Fi, then tap again.';
}
function alertBox(text){return el('p',{'class':'alert',role:'alert',text:text})}

function start(){
  if(!credential)return roleScreen(null);
  call('GET','me').then(function(s){state=s;index=s.next===null?0:s.next;next()}).catch(function(error){
    if(error.status===401){forget();return roleScreen(null)}
    show([el('h1',{text:data.title}),alertBox('Cannot reach the room: check that this phone is on the same Wi-Fi as the facilitator\\'s laptop.'),el('button',{'class':'back',onclick:start,text:'Try again'})]);
  });
}
function forget(){credential=null;try{localStorage.removeItem(key)}catch(e){}}

function roleScreen(message){
  var fields=[];
  if(data.names){
    fields=[el('label',{'for':'name',text:'Your name (optional)'}),el('input',{id:'name',autocomplete:'name',maxlength:'${MAX_NAME_LENGTH}'}),
      el('label',{'for':'team',text:'Your team (optional)'}),el('input',{id:'team',maxlength:'${MAX_NAME_LENGTH}'})];
  }
  var buttons=data.roles.map(function(r){return el('button',{type:'button',onclick:function(){join(r.value)},text:r.label})});
  show([
    el('h1',{text:data.title}),
    el('p',{text:data.questions.length+' statements about how sales and marketing work together. Say how much you agree with each; "'+data.unknown+'" is always fine.'}),
    el('p',{'class':'note',text:data.names?'Name and team are optional. Your answers are saved on the facilitator\\'s laptop; the room sees only totals.':'Your answers are anonymous: no name is asked, and the room sees only totals. They are saved on the facilitator\\'s laptop, nowhere else.'}),
    message?alertBox(message):null,
  ].concat(fields,[el('h2',{text:'Your role'}),el('div',{'class':'choices',role:'group','aria-label':'Your role'},buttons)]));
}
function join(role){
  if(busy)return;busy=true;
  var respondent={role:role};
  if(data.names){
    var name=document.getElementById('name').value.trim(),team=document.getElementById('team').value.trim();
    if(name)respondent.name=name;
    if(team)respondent.team=team;
  }
  call('POST','join',{respondent:respondent}).then(function(j){
    busy=false;credential=j.credential;
    try{localStorage.setItem(key,credential)}catch(e){}
    state=j.state;index=state.next===null?0:state.next;next();
  }).catch(function(error){busy=false;roleScreen(problem(error))});
}

function next(message){
  if(state.finished)return done();
  var q=data.questions[index],pillar=data.pillars[q.pillar];
  var first=index===0||data.questions[index-1].pillar!==q.pillar;
  var current=Object.prototype.hasOwnProperty.call(state.answers,q.id)?state.answers[q.id]:undefined;
  var choices=data.scale.map(function(p){return answerButton(q,p.value,p.label,current)});
  choices.push(answerButton(q,'na',data.unknown,current));
  show([
    el('p',{'class':'progress',text:(index+1)+'/'+data.questions.length+' · '+pillar.name}),
    first?el('div',{'class':'pillar'},[el('h2',{text:pillar.name}),el('p',{'class':'note',text:pillar.summary})]):null,
    el('h1',{id:'statement',text:q.text}),
    message?alertBox(message):null,
    el('div',{'class':'choices',role:'group','aria-labelledby':'statement'},choices),
    el('button',{type:'button','class':'back',onclick:back,disabled:index===0?'':null,text:'← Back'}),
  ]);
}
function answerButton(q,value,label,current){
  var text=value==='na'?label:value+' · '+label;
  return el('button',{type:'button','class':value==='na'?'unknown':null,'aria-pressed':String(current===value),onclick:function(){answer(q,value)},text:text});
}
function answer(q,value){
  if(busy)return;busy=true;
  Array.prototype.forEach.call(main.querySelectorAll('button'),function(b){b.disabled=true});
  call('PUT','answers/'+encodeURIComponent(q.id),{value:value}).then(function(s){
    busy=false;state=s;if(s.next!==null)index=s.next;next();
  }).catch(function(error){busy=false;if(error.status===401){forget();return roleScreen('This phone\\'s place in the room was not found; please start again.')}next(problem(error))});
}
function back(){if(index>0&&!busy){index-=1;next()}}

function done(){
  var nodes=[el('h1',{text:'Thank you!'}),el('p',{text:'Your answers are saved. The facilitator will show the team\\'s results on the big screen.'})];
  if(state.own){
    var rows=[el('tr',{},[el('th',{scope:'row',text:'Overall'}),el('td',{text:state.own.overall===null?'n/a':state.own.overall+'/100'+(state.own.band?' · '+state.own.band:'')})])];
    state.own.pillars.forEach(function(p){rows.push(el('tr',{},[el('th',{scope:'row',text:p.name}),el('td',{text:p.score===null?'not enough answers':String(p.score)})]))});
    nodes.push(el('h2',{text:'Your own result'}),el('table',{'class':'result'},[el('tbody',{},rows)]));
    if(state.own.sameAnswer)nodes.push(el('p',{'class':'same-answer',role:'note',text:state.own.sameAnswer}));
  }
  show(nodes);
}
start();
})();`;
