import { realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { assembleBank, type Bank, type PillarSource } from '../core/bank.js';
import { bankFileSchema, pillarFileSchema } from '../core/bank-schema.js';
import { hintedProblems, InputError, type Problem } from '../core/errors.js';
import { readTextFile } from './read-text.js';
import { parseInput } from './parse-input.js';
import { validate, type ParsedDocument } from './yaml-document.js';

const BANK_FOLDER_HINT = 'a bank is a folder holding bank.yaml and one YAML file per pillar';

/** Loads and validates a bank folder; every problem in every file is collected before failing. */
export async function loadBankFolder(dir: string): Promise<Bank> {
  const bankDoc = await parseFile(join(dir, 'bank.yaml')).catch(async (error: unknown) => {
    throw (await notABankFolder(dir)) ?? error;
  });
  const meta = validate(bankDoc, bankFileSchema);

  // Each pillar file's outcome in bank.yaml's order, so that problems come out in the same order every run.
  type Loaded = { source: PillarSource; doc: ParsedDocument } | { problems: readonly Problem[] };
  const loaded = await Promise.all(
    meta.pillars.map(async (name, i): Promise<Loaded> => {
      const file = join(dir, `${name}.yaml`);
      try {
        await checkInsideBank(file, dir);
        const doc = await parseFile(file);
        return { source: { name, file, data: validate(doc, pillarFileSchema) }, doc };
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        const missing = error.problems.length === 1 && error.problems[0]?.message === 'no such file or folder';
        return { problems: missing ? [bankDoc.locate({ path: ['pillars', i], message: `no file ${name}.yaml for pillar "${name}"` })] : hintedProblems(error) };
      }
    }),
  );

  // The files that loaded are checked together even when others did not, so that every problem is listed at once.
  const problems = loaded.flatMap((l) => ('problems' in l ? [...l.problems] : []));
  const sources = loaded.filter((l) => 'source' in l);
  const result = assembleBank(
    meta,
    sources.map((l) => l.source),
  );
  if (result.bank === null) {
    const docs = new Map(sources.map((l) => [l.source.file, l.doc]));
    problems.push(...result.issues.map((issue) => docs.get(issue.file)?.locate(issue) ?? { file: issue.file, message: issue.message }));
  }
  if (problems.length > 0 || result.bank === null) throw new InputError(problems);
  return result.bank;
}

/** A clearer message than "<dir>/bank.yaml: no such file" when the folder itself is wrong. */
async function notABankFolder(dir: string): Promise<InputError | null> {
  const info = await stat(dir).catch(() => null);
  if (info?.isDirectory()) return null;
  return new InputError(
    [{ file: dir, message: info === null ? 'no such folder' : info.isFile() ? 'is a file, not a bank folder' : 'is not a folder' }],
    BANK_FOLDER_HINT,
  );
}

/** A pillar file may be a link, but not to a file outside the bank folder: a bank must not read whatever a link points at. */
async function checkInsideBank(file: string, dir: string): Promise<void> {
  const [real, root] = await Promise.all([realpath(file).catch(() => null), realpath(dir)]);
  if (real !== null && !real.startsWith(root + sep)) {
    throw new InputError([{ file, message: 'is a link to a file outside the bank folder: copy the file into the folder instead' }]);
  }
}

async function parseFile(file: string): Promise<ParsedDocument> {
  return parseInput(await readTextFile(file), file);
}
