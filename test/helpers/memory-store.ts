import type { Progress } from '../../src/core/progress.js';
import type { ProgressStore, RunListing } from '../../src/survey/progress-store.js';

/** A progress store in memory, for session tests: every save is kept, in order, and a save can be held back or made to fail. */
export interface MemoryStore extends ProgressStore {
  saved: Progress[];
  removed: string[];
  /** The next saves wait for this promise before they count. */
  hold(until: Promise<void>): void;
  failNext(error: Error): void;
  current(id: string): Progress | undefined;
}

export function memoryStore(): MemoryStore {
  const runs = new Map<string, Progress>();
  const saved: Progress[] = [];
  const removed: string[] = [];
  let gate: Promise<void> = Promise.resolve();
  let failure: Error | null = null;
  return {
    location: 'memory',
    saved,
    removed,
    hold(until) {
      gate = until;
    },
    failNext(error) {
      failure = error;
    },
    current: (id) => runs.get(id),
    async save(progress) {
      await gate;
      if (failure !== null) {
        const error = failure;
        failure = null;
        throw error;
      }
      const copy = structuredClone(progress);
      runs.set(progress.id, copy);
      saved.push(copy);
    },
    async remove(id) {
      runs.delete(id);
      removed.push(id);
    },
    async list(): Promise<RunListing> {
      const all = [...runs.values()].sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
      return {
        runs: all.map((progress) => ({
          progress: structuredClone(progress),
          locate: (issue) => ({ file: `memory:${progress.id}`, message: `${issue.path.join('.')}: ${issue.message}` }),
        })),
        damaged: [],
      };
    },
  };
}
