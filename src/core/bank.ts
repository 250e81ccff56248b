import { canonicalJson } from './canonical-json.js';
import type { Band, BankFile, Owner, PillarFile, QuestionTag, Scale } from './bank-schema.js';
import type { FileIssue } from './issue.js';
import { reaches } from './tolerance.js';

export type Form = 'full' | 'quick';

export interface Question {
  id: string;
  pillar: string;
  text: string;
  reverse: boolean;
  weight: number;
  quick: boolean;
  owner: Owner;
  /** Ids of the bank's sources this question draws on. */
  source?: string[];
  tags?: QuestionTag[];
  action: string;
}

export interface Pillar {
  id: string;
  name: string;
  summary: string;
  weight: number;
  advice: Record<string, string[]>;
  questions: Question[];
}

export interface Bank {
  id: string;
  title: string;
  version: string;
  /** What respondents base their answers on. */
  instructions?: string;
  scale: Scale;
  bands: Band[];
  pillars: Pillar[];
  /** The material the questions draw on, by id. */
  sources?: Record<string, string>;
  /** sha256 of the bank's canonical form: a changed bank gets a new hash even if nobody bumped its version. */
  hash: string;
}

export interface PillarSource {
  /** The pillar's file name as bank.yaml lists it, e.g. `communication`. */
  name: string;
  file: string;
  data: PillarFile;
}

export type AssembleResult = { bank: Bank; issues: [] } | { bank: null; issues: FileIssue[] };

/** Checks what no single file can check on its own, and builds the bank. */
export function assembleBank(meta: BankFile, sources: readonly PillarSource[]): AssembleResult {
  const issues: FileIssue[] = [];
  const questionFiles = new Map<string, string>();
  const bandIds = meta.bands.map((b) => b.id);

  for (const { name, file, data } of sources) {
    if (data.id !== name) {
      issues.push({ file, path: ['id'], message: `pillar id "${data.id}" must match its file name "${name}"` });
    }
    data.questions.forEach((q, i) => {
      const other = questionFiles.get(q.id);
      if (other !== undefined) {
        issues.push({ file, path: ['questions', i, 'id'], message: `duplicate question id "${q.id}" (first in ${other})` });
      }
      questionFiles.set(q.id, file);
      for (const [j, tag] of (q.tags ?? []).entries()) {
        if (q.tags?.indexOf(tag) !== j) issues.push({ file, path: ['questions', i, 'tags', j], message: `tag "${tag}" is listed twice` });
      }
      for (const [j, source] of (q.source ?? []).entries()) {
        if (!Object.hasOwn(meta.sources ?? {}, source)) {
          const known = Object.keys(meta.sources ?? {});
          issues.push({
            file,
            path: ['questions', i, 'source', j],
            message: `unknown source "${source}" (${known.length > 0 ? `sources in bank.yaml: ${known.join(', ')}` : 'bank.yaml lists no sources'})`,
          });
        }
      }
    });
    for (const key of Object.keys(data.advice)) {
      if (!bandIds.includes(key)) {
        issues.push({ file, path: ['advice', key], atKey: true, message: `advice for unknown band "${key}" (bands: ${bandIds.join(', ')})` });
      }
    }
    const missing = bandIds.filter((b) => !Object.hasOwn(data.advice, b));
    if (missing.length > 0) {
      issues.push({ file, path: ['advice'], atKey: true, message: `no advice for band${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` });
    }
  }
  if (issues.length > 0) return { bank: null, issues };

  const pillars = sources.map(
    ({ data }): Pillar => ({
      id: data.id,
      name: data.name,
      summary: data.summary,
      weight: data.weight,
      advice: Object.fromEntries(bandIds.map((b) => [b, data.advice[b] ?? []])),
      questions: data.questions.map((q) => ({ ...q, pillar: data.id })),
    }),
  );
  const content = {
    id: meta.id,
    title: meta.title,
    version: meta.version,
    ...(meta.instructions === undefined ? {} : { instructions: meta.instructions }),
    scale: meta.scale,
    bands: meta.bands,
    pillars,
    ...(meta.sources === undefined ? {} : { sources: meta.sources }),
  };
  return { bank: { ...content, hash: sha256().update(canonicalJson(content)).digest('hex') }, issues: [] };
}

export function formQuestions(pillar: Pillar, form: Form): Question[] {
  return form === 'quick' ? pillar.questions.filter((q) => q.quick) : pillar.questions;
}

export function allQuestions(bank: Bank, form: Form): Question[] {
  return bank.pillars.flatMap((p) => formQuestions(p, form));
}

/** A score belongs to the last band whose min it reaches. */
export function bandFor(bands: readonly Band[], score: number): Band {
  let found = bands[0];
  for (const band of bands) if (reaches(score, band.min)) found = band;
  if (found === undefined) throw new Error('a bank has at least one band');
  return found;
}

export function majorVersion(version: string): string {
  return version.split('.')[0] ?? version;
}

/** node:crypto takes a few milliseconds to load: loaded only when a bank is built from its files, not for a compiled one. */
function sha256() {
  return process.getBuiltinModule('node:crypto').createHash('sha256');
}
