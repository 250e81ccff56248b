import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { EMPTY_MAP } from '../../core/answer-map.js';
import type { AnswerValue, Respondent, Response } from '../../core/answers.js';
import { allQuestions, type Bank, type Form, type Question } from '../../core/bank.js';
import { InputError } from '../../core/errors.js';
import { roomCounts } from '../../core/room/counts.js';
import type { Role } from '../../core/roles.js';
import { scoreRespondent } from '../../core/scoring.js';
import { sameAnswer } from '../../core/report/single/build.js';
import type { TeamReport } from '../../core/report/team/schema.js';
import { wholeScore } from '../../core/whole-score.js';
import { folderSink } from '../../io/answer-sinks.js';
import type { AnswerSink } from '../../survey/answer-sink.js';
import { Session, type SessionSetup } from '../../survey/session.js';
import { renderAnswerFile } from '../../render/answer-file.js';
import { RequestError } from '../../server/request-error.js';
import type { Joined, Page, PhoneState, RoomApi, RoomStatus } from '../../server/room-api.js';
import { newToken, sameToken, secretHash } from '../../server/tokens.js';
import { teamReportOf } from '../aggregate.js';
import { progressId, type ParticipantRecord, type RoomFolder, type RoomRecord } from './room-folder.js';

// The live room: participants join, answer and finish through the phone page; the screen reveals.
// Every answer is in the room folder before the request that carried it is answered.

export interface RoomSettings {
  bank: Bank;
  form: Form;
  minGroup: number;
  /** Roles shown in the report even below minGroup (--show-role). */
  showRoles: readonly Role[];
  names: boolean;
  showOwn: boolean;
  /** `--bank DIR`, shell-quoted, for the command an answer file names in its comments. */
  bankFlags: readonly string[];
  now(): Date;
}

export interface RoomPages {
  phone(room: Room): Page;
  lobby(room: Room): Page;
  slides(room: Room, report: TeamReport): Page;
}

export class Room implements RoomApi {
  private readonly participants = new Map<string, ParticipantRecord>();
  /** The unfinished participants' surveys: the same flow as the terminal's, one session a phone. */
  private readonly sessions = new Map<string, Session>();
  /** One change at a time per participant: a double tap cannot interleave two saves. */
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly listeners = new Set<(status: RoomStatus) => void>();
  private readonly questions: Question[];
  private readonly setup: SessionSetup;
  private report_: TeamReport | null = null;

  private constructor(
    readonly folder: RoomFolder,
    private record: RoomRecord,
    readonly settings: RoomSettings,
    private readonly pages: RoomPages,
  ) {
    this.questions = allQuestions(settings.bank, settings.form);
    this.setup = { bank: settings.bank, form: settings.form, store: folder.store, now: settings.now };
  }

  /** Opens the room in its folder: the saved one (same tokens), or a new one. */
  static async open(folder: RoomFolder, settings: RoomSettings, pages: RoomPages, place: { host: string; port: number }): Promise<Room> {
    await folder.create();
    const saved = await folder.loadRoom();
    const { bank, form } = settings;
    const record: RoomRecord = saved
      ? { ...saved, ...place }
      : {
          format: 1,
          joinToken: newToken(),
          screenToken: newToken(),
          form,
          bank: { id: bank.id, version: bank.version, hash: bank.hash },
          ...place,
          revealed: false,
          createdAt: settings.now().toISOString(),
        };
    const room = new Room(folder, record, settings, pages);
    for (const p of await folder.loadParticipants()) room.participants.set(p.id, p);
    const { runs, damaged } = await folder.store.list();
    if (damaged.length > 0)
      throw new InputError(
        damaged.flatMap((d) => d.problems),
        `the room's state in ${folder.state} is damaged`,
      );
    for (const run of runs) {
      const id = run.progress.id.replace(/^run-room-/, '');
      const record = room.participants.get(id);
      if (record === undefined) continue;
      if (record.finished !== null) await folder.store.remove(run.progress.id);
      else room.sessions.set(id, Session.reopen(room.setup, run));
    }
    await room.finishInterrupted();
    return room;
  }

  get joinToken(): string {
    return this.record.joinToken;
  }

  get screenToken(): string {
    return this.record.screenToken;
  }

  get revealed(): boolean {
    return this.record.revealed;
  }

  /** The saved room's settings, to check a restart against. */
  get saved(): RoomRecord {
    return this.record;
  }

  /** Where the room listens now; saved so that the next start listens there again. */
  async listenAt(host: string, port: number): Promise<void> {
    this.record = { ...this.record, host, port };
    await this.folder.saveRoom(this.record);
  }

  phonePage(): Page {
    return this.pages.phone(this);
  }

  async screenPage(): Promise<Page> {
    return this.record.revealed ? this.pages.slides(this, await this.teamReport()) : this.pages.lobby(this);
  }

  async report(): Promise<Page> {
    if (!this.record.revealed) throw new RequestError(409, 'the results are not revealed yet');
    const { renderTeamHtml } = await import('../../render/team/html.js');
    const html = renderTeamHtml(await this.teamReport());
    // The page carries its own policy; the header says the same: its one style sheet, nothing else.
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    return { html, csp: `default-src 'none'; style-src 'sha256-${createHash('sha256').update(css).digest('base64')}'; base-uri 'none'; form-action 'none'` };
  }

  async join(respondent: Respondent): Promise<Joined> {
    if (!this.settings.names && (respondent.name !== undefined || respondent.team !== undefined)) {
      throw new RequestError(400, 'this room is anonymous: no name or team');
    }
    const id = randomBytes(8).toString('hex');
    const secret = newToken();
    const record: ParticipantRecord = {
      format: 1,
      id,
      secretHash: secretHash(secret),
      role: respondent.role,
      joinedAt: this.settings.now().toISOString(),
      finished: null,
    };
    const session = await Session.start(this.setup, respondent, { bankDir: null, workshop: this.folder.folder, id: progressId(id) });
    await this.folder.saveParticipant(record);
    this.sessions.set(id, session);
    this.participants.set(id, record);
    this.changed();
    return { credential: `${id}.${secret}`, state: await this.state(id) };
  }

  authenticate(credential: string): string | null {
    const [id, secret, ...rest] = credential.split('.');
    const record = id === undefined ? undefined : this.participants.get(id);
    if (record === undefined || secret === undefined || rest.length > 0) return null;
    return sameToken(secretHash(secret), record.secretHash) ? record.id : null;
  }

  async state(participant: string): Promise<PhoneState> {
    const record = this.participants.get(participant);
    if (record === undefined) throw new RequestError(401, 'unknown participant');
    const session = this.sessions.get(participant);
    if (session !== undefined) return { answers: { ...session.progress.answers }, next: session.next()?.index ?? null, finished: false };
    if (!this.settings.showOwn) return { answers: {}, next: null, finished: true };
    const response = await this.finishedResponse(record);
    return { answers: response.answers, next: null, finished: true, own: this.ownResult(response) };
  }

  /** The session checks the answer against the bank and stores it; the last one finishes the survey. */
  answer(participant: string, question: string, value: AnswerValue): Promise<PhoneState> {
    return this.serially(participant, async () => {
      const session = this.sessions.get(participant);
      if (session === undefined) throw new RequestError(409, 'your answers are already handed in');
      try {
        await session.answer(question, value);
      } catch (error) {
        if (error instanceof InputError) throw new RequestError(400, error.problems.map((p) => p.message).join('; '));
        throw error;
      }
      if (session.next() === null) await this.finish(participant, session);
      return this.state(participant);
    });
  }

  status(): RoomStatus {
    return {
      counts: roomCounts(
        [...this.participants.values()].map((p) => ({ role: p.role, finished: p.finished !== null })),
        this.settings.minGroup,
      ),
      revealed: this.record.revealed,
    };
  }

  async reveal(): Promise<RoomStatus> {
    if (!this.record.revealed) {
      if (this.status().counts.finished === 0) throw new RequestError(409, 'nobody has finished yet: there is nothing to reveal');
      await this.teamReport();
      this.record = { ...this.record, revealed: true };
      await this.folder.saveRoom(this.record);
      this.changed();
    }
    return this.status();
  }

  onStatus(listener: (status: RoomStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The team report of the folder's answer files, exactly as `aggregate <dir>` builds it; rebuilt when someone finishes. */
  async teamReport(): Promise<TeamReport> {
    this.report_ ??= await teamReportOf([this.folder.folder], {
      bank: this.settings.bank,
      form: this.settings.form,
      map: EMPTY_MAP,
      minGroup: this.settings.minGroup,
      showNames: false,
      showRoles: this.settings.showRoles,
      createdAt: this.settings.now().toISOString(),
    });
    return this.report_;
  }

  /** The form as the phone page shows it. */
  get form(): Question[] {
    return this.questions;
  }

  private async finish(participant: string, session: Session): Promise<void> {
    const record = this.participants.get(participant);
    if (record === undefined) return;
    await session.finish(this.sinkFor(record));
    this.sessions.delete(participant);
    this.report_ = null;
    this.changed();
  }

  /** The folder's answer files, named like the workshop's; each file noted in its participant's record before the progress goes. */
  private sinkFor(record: ParticipantRecord): AnswerSink {
    const folder = folderSink(this.folder.folder, this.settings.bankFlags);
    return {
      save: async (answers) => {
        const saved = await folder.save(answers);
        await this.markFinished(record, basename(saved.file));
        return saved;
      },
    };
  }

  private async markFinished(record: ParticipantRecord, file: string): Promise<void> {
    const done = { ...record, finished: file };
    await this.folder.saveParticipant(done);
    this.participants.set(record.id, done);
  }

  /**
   * A participant whose last answer was saved but whose finish was cut short (the server killed in between):
   * their answer file, if it was written, is the one file nobody else claims that reads as theirs (all but
   * the time it was written); otherwise it is written now. Either way, once.
   */
  private async finishInterrupted(): Promise<void> {
    const claimed = new Set([...this.participants.values()].flatMap((p) => (p.finished === null ? [] : [p.finished])));
    for (const [id, session] of this.sessions) {
      if (session.next() !== null) continue;
      const record = this.participants.get(id);
      if (record === undefined) continue;
      const { takenAt: _, ...response } = session.response();
      const written = await this.findFile(
        record.role,
        untimed(renderAnswerFile(this.settings.bank, this.settings.form, response, this.settings.bankFlags)),
        claimed,
      );
      if (written === null) {
        await this.finish(id, session);
      } else {
        claimed.add(written);
        await this.markFinished(record, written);
        await session.discard();
        this.sessions.delete(id);
      }
    }
  }

  private async findFile(role: string, content: string, claimed: ReadonlySet<string>): Promise<string | null> {
    for (let n = 1; ; n++) {
      const name = `${role}-${String(n).padStart(2, '0')}.yaml`;
      const text = await readFile(join(this.folder.folder, name), 'utf8').catch(() => null);
      if (text === null) return null;
      if (!claimed.has(name) && untimed(text) === content) return name;
    }
  }

  private async finishedResponse(record: ParticipantRecord): Promise<Response> {
    const { loadResponse } = await import('../../io/load-answers.js');
    return loadResponse(join(this.folder.folder, record.finished ?? ''), this.settings.bank, this.settings.form);
  }

  private ownResult(response: Response): NonNullable<PhoneState['own']> {
    const { bank, form } = this.settings;
    const score = scoreRespondent(bank, form, response.answers);
    const whole = (s: number | null) => (s === null ? null : wholeScore(s));
    return {
      overall: whole(score.overall),
      band: bank.bands.find((b) => b.id === score.band)?.label ?? null,
      pillars: score.pillars.filter((p) => p.asked > 0).map((p) => ({ name: bank.pillars.find((x) => x.id === p.id)?.name ?? p.id, score: whole(p.score) })),
      sameAnswer: sameAnswer(bank, form, response.answers)?.reading ?? null,
    };
  }

  private serially<T>(participant: string, work: () => Promise<T>): Promise<T> {
    const before = this.queues.get(participant) ?? Promise.resolve();
    const result = before.then(work, work);
    const settled = result.catch(() => undefined);
    this.queues.set(participant, settled);
    void settled.then(() => {
      if (this.queues.get(participant) === settled) this.queues.delete(participant);
    });
    return result;
  }

  private changed(): void {
    const status = this.status();
    for (const listener of this.listeners) listener(status);
  }
}

/** An answer file without its takenAt line: what it says, whenever it was written. */
function untimed(text: string): string {
  return text.replace(/^takenAt: .*\n/m, '');
}
