import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { ROLES } from '../../core/bank-schema.js';
import { InputError } from '../../core/errors.js';
import { readTextFile } from '../../io/read-text.js';
import { folderProgressStore } from '../../io/state.js';
import type { ProgressStore } from '../../survey/progress-store.js';
import { writeFileAtomic } from '../../io/write-file.js';
import { ProgressJournal, readJournal } from './progress-journal.js';

// The room's own state inside <dir>, in a hidden folder that aggregate skips: the room's tokens and
// settings, one record per participant, and each unfinished participant's progress. Everything is
// written atomically, so a kill -9 at any moment leaves the last saved state.

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/);

export const roomRecordSchema = z.strictObject({
  format: z.literal(1),
  joinToken: tokenSchema,
  screenToken: tokenSchema,
  form: z.enum(['full', 'quick']),
  bank: z.strictObject({ id: z.string(), version: z.string(), hash: z.string() }),
  /** Where the room last listened: a restart listens there again, so the URLs stay the same. */
  host: z.string(),
  port: z.int().min(1).max(65535),
  revealed: z.boolean(),
  createdAt: z.string(),
});
export type RoomRecord = z.infer<typeof roomRecordSchema>;

export const participantSchema = z.strictObject({
  format: z.literal(1),
  id: z.string().regex(/^[0-9a-f]{16}$/),
  /** sha256 of the secret only the participant's phone holds. */
  secretHash: z.string().regex(/^[0-9a-f]{64}$/),
  role: z.enum(ROLES),
  joinedAt: z.string(),
  /** The answer file's name in <dir> once finished. */
  finished: z.string().nullable(),
});
export type ParticipantRecord = z.infer<typeof participantSchema>;

export const ROOM_STATE = '.cash-test-room';

export class RoomFolder {
  readonly state: string;
  readonly progressDir: string;
  /**
   * Each unfinished participant's progress: every save one line in a journal (on disk before it resolves);
   * list() first brings the progress files up to date from the journal, which then starts empty. A stop half
   * way through that only means doing it again at the next start: the journal's lines say the same twice.
   */
  readonly store: ProgressStore;
  private readonly participantsDir: string;
  private readonly journalFile: string;
  private journal: ProgressJournal | null = null;

  constructor(readonly folder: string) {
    this.state = join(folder, ROOM_STATE);
    this.progressDir = join(this.state, 'progress');
    this.participantsDir = join(this.state, 'participants');
    this.journalFile = join(this.state, 'progress.journal');
    const files = folderProgressStore(this.progressDir);
    this.store = {
      location: this.progressDir,
      list: async () => {
        await this.compact(files);
        return files.list();
      },
      save: (progress) => this.openJournal().save(progress),
      remove: async (id) => {
        await this.openJournal().remove(id);
        await files.remove(id);
      },
    };
  }

  async create(): Promise<void> {
    await mkdir(this.participantsDir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      throw new InputError([
        {
          file: this.folder,
          message:
            error.code === 'EEXIST' || error.code === 'ENOTDIR' ? 'is a file, not a folder' : `cannot create the room's folder: ${error.code ?? error.message}`,
        },
      ]);
    });
    await mkdir(this.progressDir, { recursive: true });
  }

  /** null: no room was started in this folder yet. */
  async loadRoom(): Promise<RoomRecord | null> {
    const file = join(this.state, 'room.json');
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw new InputError([{ file, message: `cannot read: ${error.code ?? error.message}` }]);
    });
    if (text === null) return null;
    return parseRecord(file, text, roomRecordSchema);
  }

  async saveRoom(record: RoomRecord): Promise<void> {
    await writeFileAtomic(join(this.state, 'room.json'), `${JSON.stringify(record, null, 2)}\n`);
  }

  async loadParticipants(): Promise<ParticipantRecord[]> {
    const names = (await readdir(this.participantsDir)).filter((n) => /^[0-9a-f]{16}\.json$/.test(n)).sort();
    return Promise.all(
      names.map(async (n) => parseRecord(join(this.participantsDir, n), await readTextFile(join(this.participantsDir, n)), participantSchema)),
    );
  }

  async saveParticipant(record: ParticipantRecord): Promise<void> {
    await writeFileAtomic(join(this.participantsDir, `${record.id}.json`), `${JSON.stringify(record)}\n`);
  }

  async close(): Promise<void> {
    await this.journal?.close();
    this.journal = null;
  }

  private async compact(files: ProgressStore): Promise<void> {
    await this.journal?.close();
    for (const [id, progress] of await readJournal(this.journalFile)) {
      if (progress === null) await files.remove(id);
      else await files.save(progress);
    }
    await writeFileAtomic(this.journalFile, '');
    this.journal = await ProgressJournal.open(this.journalFile);
  }

  private openJournal(): ProgressJournal {
    if (this.journal === null) throw new Error('the room’s progress is saved only after it was listed');
    return this.journal;
  }
}

function parseRecord<T>(file: string, text: string, schema: z.ZodType<T>): T {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new InputError([{ file, message: 'is not valid JSON' }], 'the room state is damaged; start the room in a new folder, or remove this file');
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new InputError([{ file, message: 'is not room state of this version of cash-test' }]);
  return parsed.data;
}

/** The participant's progress file id: the state folder's run-id pattern, one per participant. */
export function progressId(participant: string): string {
  return `run-room-${participant}`;
}
