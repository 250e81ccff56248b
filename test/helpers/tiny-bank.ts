import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { assembleBank, type Bank } from '../../src/core/bank.js';
import { bankFileSchema, pillarFileSchema, type Owner, type QuestionTag } from '../../src/core/bank-schema.js';

// Small banks written in a line or two, for tests: as a Bank (through the real schemas and assembleBank,
// so defaults and the hash are the real ones) or as a folder of YAML files for the loaders and the binary.

export interface TinyQuestion {
  id: string;
  reverse?: boolean;
  weight?: number;
  quick?: boolean;
  owner?: Owner;
  text?: string;
  tags?: QuestionTag[];
  action?: string;
}

export interface TinyPillar {
  id: string;
  weight?: number;
  name?: string;
  advice?: Record<string, string[]>;
  questions: TinyQuestion[];
}

export interface TinyBank {
  id?: string;
  version?: string;
  scale?: { min: number; max: number };
  bands?: { id: string; label?: string; min: number }[];
  pillars: TinyPillar[];
}

export const DEFAULT_BANDS: NonNullable<TinyBank['bands']> = [
  { id: 'low', min: 0 },
  { id: 'mid', min: 40 },
  { id: 'high', min: 70 },
];

export function bankYaml(spec: TinyBank): Record<string, unknown> {
  const { min, max } = spec.scale ?? { min: 1, max: 5 };
  return {
    id: spec.id ?? 'tiny',
    title: 'Tiny bank',
    version: spec.version ?? '1.0.0',
    scale: { min, max, labels: Array.from({ length: max - min + 1 }, (_, i) => `label ${min + i}`), unknown: "Don't know" },
    bands: (spec.bands ?? DEFAULT_BANDS).map((b) => ({ id: b.id, label: b.label ?? `${b.id} band`, min: b.min })),
    pillars: spec.pillars.map((p) => p.id),
  };
}

export function pillarYaml(pillar: TinyPillar, bandIds: readonly string[]): Record<string, unknown> {
  return {
    id: pillar.id,
    name: pillar.name ?? `Pillar ${pillar.id}`,
    summary: `What ${pillar.id} is about.`,
    ...(pillar.weight === undefined ? {} : { weight: pillar.weight }),
    advice: pillar.advice ?? Object.fromEntries(bandIds.map((b) => [b, [`${pillar.id} advice for ${b}`]])),
    questions: pillar.questions.map((q) => ({
      id: q.id,
      text: q.text ?? `Statement ${q.id}.`,
      ...(q.reverse === undefined ? {} : { reverse: q.reverse }),
      ...(q.weight === undefined ? {} : { weight: q.weight }),
      ...(q.quick === undefined ? {} : { quick: q.quick }),
      owner: q.owner ?? 'both',
      ...(q.tags === undefined ? {} : { tags: q.tags }),
      action: q.action ?? `Act on ${q.id}.`,
    })),
  };
}

export function tinyBank(spec: TinyBank): Bank {
  const meta = bankFileSchema.parse(bankYaml(spec));
  const bandIds = meta.bands.map((b) => b.id);
  const sources = spec.pillars.map((p) => ({ name: p.id, file: `${p.id}.yaml`, data: pillarFileSchema.parse(pillarYaml(p, bandIds)) }));
  const result = assembleBank(meta, sources);
  if (result.bank === null) throw new Error(`not a valid tiny bank: ${result.issues.map((i) => i.message).join('; ')}`);
  return result.bank;
}

/** Writes the bank as a folder of YAML files (bank.yaml and one file per pillar). */
export async function writeTinyBank(dir: string, spec: TinyBank): Promise<void> {
  await mkdir(dir, { recursive: true });
  const meta = bankYaml(spec);
  const bandIds = (spec.bands ?? DEFAULT_BANDS).map((b) => b.id);
  await writeFile(join(dir, 'bank.yaml'), stringify(meta));
  for (const pillar of spec.pillars) await writeFile(join(dir, `${pillar.id}.yaml`), stringify(pillarYaml(pillar, bandIds)));
}
