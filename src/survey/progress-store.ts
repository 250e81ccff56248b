import type { Problem } from '../core/errors.js';
import type { Issue } from '../core/issue.js';
import type { Progress } from '../core/progress.js';

// Where unfinished runs are kept between answers: the state folder for `run` and `workshop`, the room's own folder for the room.

/** A run read back from the store, with a way to point at its parts when they turn out wrong for the bank. */
export interface StoredRun {
  progress: Progress;
  locate(issue: Issue): Problem;
}

/** Something stored as a run that cannot be read as one: said, never skipped silently. */
export interface DamagedRun {
  id: string;
  problems: Problem[];
  /** When it was last written, to tell whether it is the newest run. */
  modifiedAt: Date;
}

export interface RunListing {
  /** Most recently answered first. */
  runs: StoredRun[];
  damaged: DamagedRun[];
}

export interface ProgressStore {
  /** Where progress is kept, in words a person can find (a folder). */
  readonly location: string;
  list(): Promise<RunListing>;
  /** Replaces the run's stored progress whole; resolves once it is safely stored. */
  save(progress: Progress): Promise<void>;
  remove(id: string): Promise<void>;
}
