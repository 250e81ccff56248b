import type { NextStep } from '../stamps.js';
import { wholeScore } from '../../whole-score.js';
import { capitalize, quoted } from '../wording.js';
import { asked, quotedStatement } from './readings.js';
import { safetyConcerns } from './safety.js';
import { stancePhrase } from './statements.js';
import type { Agenda, TeamReport } from './schema.js';

// A time-boxed workshop built from the team report: psychological safety when it is a finding, the
// surest gaps, then the lowest pillar and what people could not see, then owners and first actions.
// The bank's statements become questions to ask the room.

type Block = Agenda['blocks'][number];
type Draft = Omit<Block, 'start' | 'minutes'>;
type ReportSoFar = Omit<TeamReport, 'nextSteps' | 'agenda' | 'headline'>;

export const DEFAULT_AGENDA_MINUTES = 90;
const OPENING = 10;
const ACTIONS = 20;
const CLOSE = 5;
const STEP = 5;
const GAP_BLOCKS = 3;
/** r_wg under 0.5 is weak agreement or none (LeBreton & Senter 2008). */
const LOW_AGREEMENT = 0.5;

export function buildAgenda(report: ReportSoFar, nextSteps: readonly NextStep[], total = DEFAULT_AGENDA_MINUTES): Agenda {
  const available = total - OPENING - ACTIONS - CLOSE;
  // Every discussion block gets at least STEP minutes; the first (largest) gaps get what is left over.
  const blocks = discussionBlocks(report).slice(0, Math.floor(available / STEP));
  const base = blocks.length > 0 ? Math.floor(available / blocks.length / STEP) * STEP : 0;
  let spare = available - base * blocks.length;
  const minutes = blocks.map(() => {
    const extra = Math.min(spare, STEP);
    spare -= extra;
    return base + extra;
  });
  if (minutes.length > 0) minutes[0] = (minutes[0] ?? 0) + spare;

  const drafts: [Draft, number][] = [
    [opening(), OPENING],
    ...blocks.map((b, i): [Draft, number] => [b, minutes[i] ?? base]),
    [actions(nextSteps), ACTIONS + (blocks.length === 0 ? spare : 0)],
    [close(), CLOSE],
  ];
  let start = 0;
  return {
    minutes: total,
    blocks: drafts.map(([draft, length]) => {
      const block = { ...draft, start, minutes: length };
      start += length;
      return block;
    }),
  };
}

function discussionBlocks(report: ReportSoFar): Draft[] {
  const items = new Map(report.items.map((i) => [i.id, i]));
  const pillarName = (id: string) => report.pillars.find((p) => p.id === id)?.name ?? id;
  const gap = report.gaps.find((g) => g.id === report.disagreements.gap);
  const blocks: Draft[] = [];

  // Raising problems without fear first: every other conversation rests on it.
  const safety = safetyConcerns(report);
  for (const { item, gap: entry, reading } of safety) {
    blocks.push({
      kind: 'safety',
      title: `First, psychological safety: ${quoted(item.text)}`,
      purpose: `${reading} ${entry ? 'The two teams see this differently' : 'Many do not feel safe raising problems'}: until that changes, the problems the rest of the agenda needs will not be raised.`,
      prompts: [
        asked(item.text),
        'Without names: what happened the last time someone raised a problem with the other team?',
        'What would make it safe to raise the next one, and who will make sure of it?',
      ],
      pillar: item.pillar,
      items: [item.id],
    });
  }
  const discussed = new Set(safety.map((s) => s.item.id));
  const gapEntries = (gap?.items ?? []).filter((e) => e.verdict === 'beyond-noise' && !discussed.has(e.item));
  for (const entry of gapEntries.slice(0, Math.max(0, GAP_BLOCKS - safety.length))) {
    const item = items.get(entry.item);
    if (!item || !gap) continue;
    const said = (role: string) => item.byRole.find((r) => r.role === role);
    const sideA = said(gap.a.label);
    blocks.push({
      kind: 'gap',
      title: `${pillarName(item.pillar)}: ${quoted(item.text)}`,
      purpose: entry.reading,
      prompts: [
        asked(item.text),
        sideA
          ? `${capitalize(stancePhrase(gap.a.label, sideA.stance))}: what does each side see that the other does not?`
          : 'What does each side see that the other does not?',
        `What would have to change for both sides to ${item.reverse ? 'disagree' : 'agree'} with it?`,
        'Which recent example shows it best?',
      ],
      pillar: item.pillar,
      items: [item.id],
    });
  }
  const gapsDiscussed = blocks.some((b) => b.kind === 'gap') || safety.some((s) => s.gap !== null);
  if (!gapsDiscussed) {
    // No gap between groups is beyond noise: discuss where answers within a role spread the most.
    const spread = report.items
      .flatMap((i) => i.byRole.flatMap((r) => (r.rwg !== null && r.rwg < LOW_AGREEMENT ? [{ item: i, role: r.role, rwg: r.rwg, polarised: r.polarised }] : [])))
      .sort((x, y) => x.rwg - y.rwg)
      .filter((x, k, all) => all.findIndex((y) => y.item.id === x.item.id) === k)
      .slice(0, 2);
    for (const { item, role, rwg, polarised } of spread) {
      blocks.push({
        kind: 'agreement',
        title: `Where ${role} disagree among themselves: ${quoted(item.text)}`,
        purpose: `${polarised ? `${capitalize(role)} are polarised on this statement` : `${capitalize(role)} agree little on this statement`} (r_wg ${rwg.toFixed(2)}; below ${LOW_AGREEMENT.toFixed(2)} is weak agreement, below 0 more spread than random answers).`,
        prompts: [
          asked(item.text),
          'Those who agree and those who disagree: what does each of you see that the others do not?',
          `What would have to change for everyone to ${item.reverse ? 'disagree' : 'agree'} with it?`,
        ],
        pillar: item.pillar,
        items: [item.id],
      });
    }
  }

  const byScore = report.pillars.filter((p) => p.team.mean !== null).sort((x, y) => (x.team.mean ?? 0) - (y.team.mean ?? 0));
  for (const pillar of byScore.slice(0, gapsDiscussed ? 1 : 2)) {
    const lowest = report.items
      .filter((i) => i.pillar === pillar.id && i.mean !== null)
      .sort((x, y) => (x.mean ?? 0) - (y.mean ?? 0))
      .slice(0, 2);
    blocks.push({
      kind: 'pillar',
      title: `${pillar.id === report.weakestPillar ? 'Lowest pillar' : 'Next lowest pillar'}: ${pillar.name} (${wholeScore(pillar.team.mean ?? 0)}/100, ${pillar.team.band?.label ?? ''})`,
      purpose: pillar.summary,
      prompts: [
        ...lowest.map((i) => `${quotedStatement(i.text)}: ${stancePhrase('the team', i.stance)}. What gets in the way?`),
        `Which one change would help ${pillar.name} most?`,
      ],
      pillar: pillar.id,
      items: lowest.map((i) => i.id),
    });
  }

  const invisible = report.unknown.findings[0];
  if (invisible) {
    const name = pillarName(invisible.pillar);
    blocks.push({
      kind: 'unknown',
      title: `What ${invisible.role} cannot see: ${name}`,
      purpose: invisible.reading,
      prompts: [`Who can walk ${invisible.role} through how ${name} works today?`, `What should ${invisible.role} be able to see, and where?`],
      pillar: invisible.pillar,
      items: [],
    });
  }
  return blocks;
}

function opening(): Draft {
  return {
    kind: 'opening',
    title: 'Opening: where we stand',
    purpose: 'Show the team score and the pillars. Ground rules: specific feedback, no blame; we are here to understand how the other side sees it.',
    prompts: ['What surprises you in these scores?', 'Where do you expect the other team to see it differently?'],
    pillar: null,
    items: [],
  };
}

function actions(nextSteps: readonly NextStep[]): Draft {
  return {
    kind: 'actions',
    title: 'Owners and first actions',
    purpose: 'Agree one owner and a date for each first step; write them down where both teams can see them.',
    prompts: nextSteps.map((s) => `${s.action} Who owns it, and by when?`),
    pillar: null,
    items: nextSteps.flatMap((s) => (s.questionId === null ? [] : [s.questionId])),
  };
}

function close(): Draft {
  return {
    kind: 'close',
    title: 'Close',
    purpose: 'Read back the owners and dates. Plan the next CASH test in about 90 days, and compare the two results (cash-test compare).',
    prompts: ['What will we have done by the next check?'],
    pillar: null,
    items: [],
  };
}
