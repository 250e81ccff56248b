import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/io/load-bank.js';
import { newProgress } from '../../src/core/progress.js';
import { folderProgressStore, newRunId, stateDir } from '../../src/io/state.js';
import { ROOT, tempDir } from '../helpers/cli.js';

describe('stateDir', () => {
  it.each([
    ['CASH_TEST_STATE_DIR first', { CASH_TEST_STATE_DIR: '/x/state', XDG_STATE_HOME: '/xdg', HOME: '/home/a' }, '/x/state'],
    ['else $XDG_STATE_HOME/cash-test', { XDG_STATE_HOME: '/xdg', HOME: '/home/a' }, '/xdg/cash-test'],
    ['else ~/.local/state/cash-test', { HOME: '/home/a' }, '/home/a/.local/state/cash-test'],
    ['empty variables count as unset', { CASH_TEST_STATE_DIR: '', XDG_STATE_HOME: '', HOME: '/home/a' }, '/home/a/.local/state/cash-test'],
    ['a relative XDG_STATE_HOME is ignored, as the XDG spec says', { XDG_STATE_HOME: 'rel', HOME: '/home/a' }, '/home/a/.local/state/cash-test'],
    ["without HOME, the user's home folder", {}, '/home/fallback/.local/state/cash-test'],
  ])('%s', (_, env, expected) => {
    expect(stateDir(env, '/home/fallback')).toBe(expected);
  });
});

describe('progress files', () => {
  it('creates the folder, replaces the file after each answer, lists the most recent first, and removes finished runs', async () => {
    const dir = join(tempDir(), 'deep', 'state');
    const bank = await loadBank(join(ROOT, 'test', 'fixtures', 'survey-bank'));
    const older = newProgress({
      bank,
      bankDir: null,
      form: 'quick',
      respondent: { role: 'sales' },
      id: newRunId(new Date('2026-11-01T09:00:00Z')),
      now: '2026-11-01T09:00:00.000Z',
    });
    const newer = newProgress({
      bank,
      bankDir: null,
      form: 'full',
      respondent: { role: 'marketing' },
      id: newRunId(new Date('2026-11-01T08:00:00Z')),
      now: '2026-11-01T08:00:00.000Z',
    });
    const store = folderProgressStore(dir);
    await store.save(older);
    await store.save(newer);
    newer.answers.T1 = 4;
    newer.updatedAt = '2026-11-01T09:30:00.000Z';
    await store.save(newer);
    expect(readdirSync(dir).sort()).toEqual([`${newer.id}.json`, `${older.id}.json`].sort());
    expect(JSON.parse(readFileSync(join(dir, `${newer.id}.json`), 'utf8')).answers).toEqual({ T1: 4 });
    expect((await store.list()).runs.map((r) => r.progress.id)).toEqual([newer.id, older.id]);
    await store.remove(newer.id);
    expect((await store.list()).runs.map((r) => r.progress.id)).toEqual([older.id]);
  });

  it('lists nothing for a missing folder, and says what is wrong with each file it cannot read, with its position', async () => {
    const dir = tempDir();
    expect(await folderProgressStore(join(dir, 'none')).list()).toEqual({ runs: [], damaged: [] });
    mkdirSync(join(dir, 's'));
    writeFileSync(join(dir, 's', 'run-1.json'), '{ torn');
    writeFileSync(join(dir, 's', 'run-2.json'), '{"format": 2}');
    writeFileSync(join(dir, 's', 'notes.txt'), 'not ours');
    const { runs, damaged } = await folderProgressStore(join(dir, 's')).list();
    expect(runs).toEqual([]);
    expect(damaged.map((d) => d.id)).toEqual(['run-1', 'run-2']);
    expect(damaged[0]?.problems).toEqual([expect.objectContaining({ file: join(dir, 's', 'run-1.json'), line: 1 })]);
    expect(damaged[1]?.problems).toContainEqual({ file: join(dir, 's', 'run-2.json'), line: 1, col: 12, message: 'format: must be one of 1, not 2' });
  });
});
