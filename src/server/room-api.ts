import type { AnswerValue, Respondent } from '../core/answers.js';
import type { RoomCounts } from '../core/room/counts.js';

// What the HTTP layer asks of the room: it knows requests, the room knows participants, files and the flow.

export interface Page {
  html: string;
  /** The page's Content-Security-Policy, sent as a header too. */
  csp: string;
}

export interface PhoneState {
  /** Every answer saved so far, by question id. */
  answers: Record<string, AnswerValue>;
  /** Index in the form of the statement to show: the first unanswered one; null once all are answered. */
  next: number | null;
  finished: boolean;
  /**
   * With --show-own, once finished: the participant's own overall and pillar scores (whole numbers),
   * and the single report's warning when they gave the same answer to every statement.
   */
  own?: { overall: number | null; band: string | null; pillars: { name: string; score: number | null }[]; sameAnswer: string | null };
}

export interface RoomStatus {
  counts: RoomCounts;
  revealed: boolean;
}

export interface Joined {
  /** `<participant id>.<secret>`: the phone sends it as `Authorization: Bearer …` with every later request. */
  credential: string;
  state: PhoneState;
}

export interface RoomApi {
  readonly joinToken: string;
  readonly screenToken: string;
  phonePage(): Page;
  screenPage(): Promise<Page>;
  /** The full team report (HTML, as `aggregate --format html`); refused before the reveal. */
  report(): Promise<Page>;
  join(respondent: Respondent): Promise<Joined>;
  /** The participant id a credential belongs to; null when it is unknown or its secret is wrong. */
  authenticate(credential: string): string | null;
  state(participant: string): Promise<PhoneState>;
  answer(participant: string, question: string, value: AnswerValue): Promise<PhoneState>;
  status(): RoomStatus;
  reveal(): Promise<RoomStatus>;
  onStatus(listener: (status: RoomStatus) => void): () => void;
}
