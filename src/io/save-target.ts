import { stat } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { InputError } from '../core/errors.js';
import { identityOf, type FileIdentity } from './answer-sinks.js';
import { ANSWER_EXTENSIONS } from './load-answers.js';
import { checkWritable, inputAt } from './write-file.js';

// Where a person's completed answer file may go: checked when it is named, so that a refusal at the end does not waste their time.

/**
 * --save, checked before anything is asked. `others`: what the run reads (the bank folder) or writes (--out), which the
 * answers never replace, with or without --force, also through links. Returns the file it may replace (--force), or null.
 */
export async function checkSaveTarget(file: string, force: boolean, others: readonly string[]): Promise<FileIdentity | null> {
  const problem = await saveTargetProblem(file, others);
  if (problem !== null) throw new InputError([{ file, message: problem }], 'choose another --save file');
  await checkWritable(file, force, '--save');
  return force ? identityOf(file) : null;
}

export async function saveTargetProblem(file: string, others: readonly string[]): Promise<string | null> {
  if (file === '') return 'a file name, please';
  if (!ANSWER_EXTENSIONS.includes(extname(file).toLowerCase())) return `answer files end in ${ANSWER_EXTENSIONS.join(', ')}`;
  const info = await stat(file).catch(() => null);
  if (info?.isDirectory()) return 'is a folder';
  const parent = await stat(dirname(resolve(file))).catch(() => null);
  if (!parent?.isDirectory()) return `there is no folder ${dirname(file)}`;
  const clash = others.find((other) => resolve(other) === resolve(file)) ?? (await inputAt(file, others));
  if (clash !== undefined) return `names a file this run reads or writes (${clash}): the answers never replace it`;
  return null;
}

/** `base.ext`, or `base-2.ext`, `base-3.ext`, ... : the first that does not exist yet in `dir`. */
export async function freeName(dir: string, base: string, ext: string): Promise<string> {
  for (let n = 1; ; n++) {
    const name = `${base}${n === 1 ? '' : `-${n}`}${ext}`;
    if ((await identityOf(resolve(dir, name))) === null) return name;
  }
}
