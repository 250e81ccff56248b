import { open, readFile, type FileHandle } from 'node:fs/promises';
import { InputError } from '../../core/errors.js';
import { progressSchema, type Progress } from '../../core/progress.js';

// Every answer in a room is one line appended to a journal, and the lines that arrive together share one
// write and one flush to disk (a group commit): a room of 200 saves each answer with a fraction of a disk
// flush, where a file a participant would cost six file operations an answer. A line is written whole or
// not at all as far as a killed process goes; a torn last line (a power cut mid-write) is ignored.

type Entry = { save: Progress } | { remove: string };

export class ProgressJournal {
  private pending: { line: string; done(error?: unknown): void }[] = [];
  private flushing: Promise<void> | null = null;

  private constructor(private readonly handle: FileHandle) {}

  static async open(file: string): Promise<ProgressJournal> {
    return new ProgressJournal(await open(file, 'a'));
  }

  save(progress: Progress): Promise<void> {
    return this.append({ save: progress });
  }

  remove(id: string): Promise<void> {
    return this.append({ remove: id });
  }

  async close(): Promise<void> {
    while (this.flushing !== null) await this.flushing;
    await this.handle.close();
  }

  private append(entry: Entry): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ line: `${JSON.stringify(entry)}\n`, done: (error) => (error === undefined ? resolve() : reject(error)) });
      this.flushing ??= this.flush();
    });
  }

  private async flush(): Promise<void> {
    // Whatever arrives while a batch is on its way to disk goes in the next batch.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      try {
        await this.handle.write(batch.map((b) => b.line).join(''));
        await this.handle.datasync();
        for (const b of batch) b.done();
      } catch (error) {
        for (const b of batch) b.done(error);
      }
    }
    this.flushing = null;
  }
}

/** What a journal holds: the last saved progress of each id, or null where it was removed. */
export async function readJournal(file: string): Promise<Map<string, Progress | null>> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  return replay(file, text);
}

function replay(file: string, text: string): Map<string, Progress | null> {
  const entries = new Map<string, Progress | null>();
  const lines = text.split('\n');
  // Only a line ended by its newline was written whole.
  const whole = lines.slice(0, -1);
  whole.forEach((line, i) => {
    const entry = parse(line);
    if (entry === null) throw new InputError([{ file, line: i + 1, col: 1, message: 'is not a line of room progress' }], "the room's state is damaged");
    if ('save' in entry) entries.set(entry.save.id, entry.save);
    else entries.set(entry.remove, null);
  });
  return entries;
}

function parse(line: string): Entry | null {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  if ('remove' in data && typeof data.remove === 'string' && Object.keys(data).length === 1) return { remove: data.remove };
  if ('save' in data && Object.keys(data).length === 1) {
    const parsed = progressSchema.safeParse(data.save);
    return parsed.success ? { save: parsed.data } : null;
  }
  return null;
}
