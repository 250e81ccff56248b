import type { Stats } from 'node:fs';
import { link, lstat, open, readdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative } from 'node:path';
import { InputError } from '../core/errors.js';
import { fileErrorMessage } from './read-text.js';

/**
 * Writes a file so that readers see either the old content or the new one, never a torn file:
 * a temporary file beside the target, flushed, then renamed over it.
 */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  // A link stays a link: the file it points at is replaced.
  const target = (await lstat(file).catch(() => null))?.isSymbolicLink() ? await realpath(file).catch(() => file) : file;
  if (await isSpecialFile(target)) {
    // /dev/null, /dev/stdout, a FIFO: renaming over them would replace the device itself.
    await writeFile(file, content, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new InputError([{ file, message: `cannot write: ${fileErrorMessage(error)}` }]);
    });
    return;
  }
  let temporary: string | undefined;
  try {
    temporary = await writeTemporary(target, content);
    await rename(temporary, target);
  } catch (error) {
    if (temporary !== undefined) await rm(temporary, { force: true });
    const e = error as NodeJS.ErrnoException;
    if (e.code) throw new InputError([{ file, message: `cannot write: ${fileErrorMessage(e)}` }]);
    throw error;
  }
}

/**
 * Writes a new file, never replacing one, as completely as writeFileAtomic, under the first of `names` (all in one
 * folder) that nobody has taken: the content is written once to a temporary file, which is hard-linked to each
 * name in turn; a link fails when the name is taken, even by another process at the same moment.
 * null: every name was taken.
 */
export async function writeNewFile(names: Iterable<string>, content: string): Promise<string | null> {
  let temporary: string | undefined;
  let file: string | undefined;
  try {
    for (file of names) {
      temporary ??= await writeTemporary(file, content);
      try {
        await link(temporary, file);
        return file;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    return null;
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code) throw new InputError([{ file: file ?? '', message: `cannot write: ${fileErrorMessage(e)}` }]);
    throw error;
  } finally {
    if (temporary !== undefined) await rm(temporary, { force: true });
  }
}

/**
 * A new, flushed file beside `file` holding `content`; its name is returned, or nothing is left behind.
 * Its name carries the writer's process id, so that the temporaries of a writer that was killed are
 * known as such and removed by the next write beside them.
 */
async function writeTemporary(file: string, content: string): Promise<string> {
  await removeStaleTemporaries(file);
  // 'wx' never opens a name that exists (nor a link), so the suffix needs only to differ from a writer's others, not to be unguessable.
  const suffix = Math.floor(Math.random() * 2 ** 32)
    .toString(16)
    .padStart(8, '0');
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid.toString(16).padStart(8, '0')}${suffix}.tmp`);
  const handle = await open(temporary, 'wx', 0o644);
  try {
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return temporary;
}

/** Temporaries of `file` whose writer is gone: 16 hex digits (a process id, then random ones) of a process that no longer runs, or the 12 random ones of version 1. */
async function removeStaleTemporaries(file: string): Promise<void> {
  const prefix = `.${basename(file)}.`;
  const names = await readdir(dirname(file)).catch(() => []);
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const hex = name.slice(prefix.length, -'.tmp'.length);
    const stale = /^[0-9a-f]{12}$/.test(hex) || (/^[0-9a-f]{16}$/.test(hex) && !isRunning(Number.parseInt(hex.slice(0, 8), 16)));
    if (stale) await rm(join(dirname(file), name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function isSpecialFile(file: string): Promise<boolean> {
  const info = await stat(file).catch(() => null);
  return info !== null && !info.isFile() && !info.isDirectory();
}

/** Refuses to replace an existing file unless --force was given; checked before any work is done. */
export async function checkWritable(file: string, force: boolean, flag: string): Promise<void> {
  const info = await stat(file).catch(() => null);
  if (info === null && (await lstat(file).catch(() => null))?.isSymbolicLink()) {
    throw new InputError([{ file, message: `${flag} is a link to a file that does not exist` }], `remove the link, or choose another ${flag} file`);
  }
  if (info?.isDirectory()) throw new InputError([{ file, message: `${flag} names a folder` }]);
  if (info?.isFile() && !force) throw new InputError([{ file, message: 'already exists' }], `pass --force to replace it, or choose another ${flag} file`);
  if (info === null && !(await stat(dirname(file)).catch(() => null))?.isDirectory()) {
    throw new InputError([{ file: dirname(file), message: `no such folder (for ${flag} ${file})` }]);
  }
}

/** Extensions of the files a command reads from a folder it is given (answer files, CSV exports, bank files). */
const INPUT_EXTENSIONS = ['.yaml', '.yml', '.json', '.csv'];

/**
 * Refuses an output that is one of the command's inputs, with or without --force: the same file by
 * device and inode, so through links and hard links too. Folders among the inputs stand for the input
 * files in them.
 */
export async function checkNotAnInput(file: string, inputs: readonly string[], flag: string): Promise<void> {
  const clash = await inputAt(file, inputs);
  if (clash !== undefined) {
    throw new InputError(
      [{ file, message: `${flag} names an input of this command (${clash}): a report never replaces what it reads` }],
      `choose another ${flag} file`,
    );
  }
}

/** The input (or the file in an input folder) that `file` is, if it is one. */
export async function inputAt(file: string, inputs: readonly string[]): Promise<string | undefined> {
  const out = await stat(file).catch(() => null);
  if (!out?.isFile()) return undefined;
  const same = (info: Stats | null) => info !== null && info.dev === out.dev && info.ino === out.ino;
  // A file with one name is a plain file of a folder only at its own real path: then only the links in a folder are looked at.
  const realOut = out.nlink === 1 ? await realpath(file).catch(() => null) : null;
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (same(info)) return input;
    if (!info?.isDirectory()) continue;
    const realInput = realOut === null ? null : await realpath(input).catch(() => null);
    const entries = await readdir(input, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!INPUT_EXTENSIONS.includes(extname(entry.name).toLowerCase())) continue;
      const path = join(entry.parentPath, entry.name);
      if (entry.isFile() && realInput !== null) {
        if (join(realInput, relative(input, path)) === realOut) return path;
      } else if (same(await stat(path).catch(() => null))) return path;
    }
  }
  return undefined;
}
