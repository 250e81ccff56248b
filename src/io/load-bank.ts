import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assembleBank, type Bank, type PillarSource } from '../core/bank.js';
import { bankFileSchema, pillarFileSchema } from '../core/bank-schema.js';
import { InputError, type Problem } from '../core/errors.js';
import { readTextFile } from './read-text.js';
import { parseYaml, validate, type ParsedDocument } from './yaml-document.js';

/** The package's questions/ folder, found upwards from this module: its depth differs between src/ and the bundle. */
export function builtInBankDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'questions');
    if (existsSync(join(candidate, 'bank.yaml'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('the built-in question bank is missing from the installation');
    dir = parent;
  }
}

/** Loads and validates a bank folder; every problem in every file is collected before failing. */
export async function loadBank(dir: string = builtInBankDir()): Promise<Bank> {
  const bankPath = join(dir, 'bank.yaml');
  const bankDoc = await parseFile(bankPath);
  const meta = validate(bankDoc, bankFileSchema);

  // Each pillar file's outcome in bank.yaml's order, so that problems come out in the same order every run.
  type Loaded = { source: PillarSource; doc: ParsedDocument } | { problems: readonly Problem[] };
  const loaded = await Promise.all(
    meta.pillars.map(async (name, i): Promise<Loaded> => {
      const file = join(dir, `${name}.yaml`);
      try {
        const doc = await parseFile(file);
        return { source: { name, file, data: validate(doc, pillarFileSchema) }, doc };
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        const missing = error.problems.length === 1 && error.problems[0]?.message === 'no such file or folder';
        return { problems: missing ? [bankDoc.locate({ path: ['pillars', i], message: `no file ${name}.yaml for pillar "${name}"` })] : error.problems };
      }
    }),
  );
  const problems = loaded.flatMap((l) => ('problems' in l ? l.problems : []));
  if (problems.length > 0) throw new InputError(problems);

  const sources = loaded.filter((l) => 'source' in l);
  const result = assembleBank(meta, sources.map((l) => l.source));
  if (result.bank === null) {
    const docs = new Map(sources.map((l) => [l.source.file, l.doc]));
    throw new InputError(result.issues.map((issue) => docs.get(issue.file)?.locate(issue) ?? { file: issue.file, message: issue.message }));
  }
  return result.bank;
}

async function parseFile(file: string): Promise<ParsedDocument> {
  return parseYaml(await readTextFile(file), file);
}
