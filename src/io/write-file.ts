import { randomBytes } from 'node:crypto';
import { link, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../core/errors.js';
import { fileErrorMessage } from './read-text.js';

/**
 * Writes a file so that readers see either the old content or the new one, never a torn file:
 * a temporary file beside the target, flushed, then renamed over it.
 */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  if (await isSpecialFile(file)) {
    // /dev/null, /dev/stdout, a FIFO: renaming over them would replace the device itself.
    await writeFile(file, content, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new InputError([{ file, message: `cannot write: ${fileErrorMessage(error)}` }]);
    });
    return;
  }
  let temporary: string | undefined;
  try {
    temporary = await writeTemporary(file, content);
    await rename(temporary, file);
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

/** A new, flushed file beside `file` holding `content`; its name is returned, or nothing is left behind. */
async function writeTemporary(file: string, content: string): Promise<string> {
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
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

async function isSpecialFile(file: string): Promise<boolean> {
  const info = await stat(file).catch(() => null);
  return info !== null && !info.isFile() && !info.isDirectory();
}

/** Refuses to replace an existing file unless --force was given; checked before any work is done. */
export async function checkWritable(file: string, force: boolean, flag: string): Promise<void> {
  const info = await stat(file).catch(() => null);
  if (info?.isDirectory()) throw new InputError([{ file, message: `${flag} names a folder` }]);
  if (info?.isFile() && !force) throw new InputError([{ file, message: 'already exists' }], `pass --force to replace it, or choose another ${flag} file`);
  if (info === null && !(await stat(dirname(file)).catch(() => null))?.isDirectory()) {
    throw new InputError([{ file: dirname(file), message: `no such folder (for ${flag} ${file})` }]);
  }
}
