import { stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { AnswerSink, FinishedAnswers } from '../survey/answer-sink.js';
import { renderAnswerFile, renderAnswerFileJson } from '../render/answer-file.js';
import { writeFileAtomic, writeNewFile } from './write-file.js';

// The two places a finished survey goes. Neither ever replaces a file that someone else wrote:
// a name is taken with a hard link, which fails when the name exists, even for a writer at the same moment.

// `bankFlags` (`--bank DIR`, shell-quoted) go into the command a YAML answer file names in its comments (see renderAnswerFile).

/** `<role>-01.yaml`, `<role>-02.yaml`, ... in a folder: the first name nobody has taken (the workshop, the room). */
export function folderSink(folder: string, bankFlags: readonly string[] = []): AnswerSink {
  return {
    async save(answers) {
      const role = answers.response.respondent.role;
      const file = await writeNewFile(
        numbered((n) => join(folder, `${role}-${String(n).padStart(2, '0')}.yaml`), 1),
        answerFileText(answers, '.yaml', bankFlags),
      );
      return { file: file ?? '' };
    },
  };
}

/** name(from), name(from + 1), ...: without end, so that some name is always free. */
function* numbered(name: (n: number) => string, from: number): Generator<string> {
  for (let n = from; ; n++) yield name(n);
}

/** What a file is, to tell later whether it is still the same file. */
export interface FileIdentity {
  dev: number;
  ino: number;
  mtimeMs: number;
  size: number;
}

export async function identityOf(file: string): Promise<FileIdentity | null> {
  const info = await stat(file).catch(() => null);
  return info === null ? null : { dev: info.dev, ino: info.ino, mtimeMs: info.mtimeMs, size: info.size };
}

/**
 * The file the person named. `replaces`: the file that was there when they agreed to replace it (null: there was none).
 * Taken meanwhile (created, or replaced by another), the name gets `-2`, `-3`, ... instead; `.json` gets JSON.
 */
export function fileSink(file: string, replaces: FileIdentity | null, bankFlags: readonly string[] = []): AnswerSink {
  return {
    async save(answers) {
      const content = answerFileText(answers, extname(file).toLowerCase(), bankFlags);
      if (replaces !== null && sameFile(await identityOf(file), replaces)) {
        await writeFileAtomic(file, content);
        return { file };
      }
      const written = (await writeNewFile(orOthers(file), content)) ?? '';
      return written === file ? { file } : { file: written, taken: file };
    },
  };
}

/** `me.yaml`, then `me-2.yaml`, `me-3.yaml`, ... */
function* orOthers(file: string): Generator<string> {
  const ext = extname(file);
  const base = join(dirname(file), basename(file, ext));
  yield file;
  yield* numbered((n) => `${base}-${n}${ext}`, 2);
}

function sameFile(a: FileIdentity | null, b: FileIdentity): boolean {
  return a !== null && a.dev === b.dev && a.ino === b.ino && a.mtimeMs === b.mtimeMs && a.size === b.size;
}

function answerFileText({ bank, form, response }: FinishedAnswers, ext: string, bankFlags: readonly string[]): string {
  return ext === '.json' ? renderAnswerFileJson(bank, form, response) : renderAnswerFile(bank, form, response, bankFlags);
}
