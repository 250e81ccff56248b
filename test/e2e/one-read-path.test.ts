import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { cli, ROOT, tempDir } from '../helpers/cli.js';

// `run --answers` and `aggregate` read an answer file the same way: what one refuses, the other refuses with the same words.

const SAVED = readFileSync(join(ROOT, 'examples', 'dana-sales.yaml'));

it.each([
  {
    name: 'a Latin-1 byte in a name',
    bytes: Buffer.concat([SAVED.subarray(0, SAVED.indexOf('Dana')), Buffer.from('Ren\xe9', 'latin1'), SAVED.subarray(SAVED.indexOf('Dana') + 4)]),
    problem: 'dana.yaml:8:12: is not UTF-8 text: save it as UTF-8',
  },
  { name: 'a NUL byte', bytes: Buffer.concat([SAVED, Buffer.from([0])]), problem: 'dana.yaml: is not a text file (it contains NUL bytes)' },
])('$name: refused by run --answers and by aggregate alike', async ({ bytes, problem }) => {
  const dir = tempDir();
  writeFileSync(join(dir, 'dana.yaml'), bytes);
  const run = await cli(['run', '--answers', 'dana.yaml'], { cwd: dir });
  const aggregate = await cli(['aggregate', 'dana.yaml', '--show-names', '--min-group', '1'], { cwd: dir });
  expect(run).toEqual({ code: 2, stdout: '', stderr: `cash-test: error: ${problem}\n` });
  expect(aggregate).toEqual(run);
});

it('a file the survey saved: read the same by run --answers and by aggregate', async () => {
  const dir = tempDir();
  copyFileSync(join(ROOT, 'examples', 'dana-sales.yaml'), join(dir, 'dana.yaml'));
  const run = await cli(['run', '--answers', 'dana.yaml', '--format', 'json'], { cwd: dir });
  const aggregate = await cli(['aggregate', 'dana.yaml', '--show-names', '--min-group', '1', '--format', 'json'], { cwd: dir });
  expect(run.code).toBe(0);
  expect(aggregate.code).toBe(0);
  const single = JSON.parse(run.stdout) as { respondent: { name: string }; pillars: { id: string; score: number }[] };
  const team = JSON.parse(aggregate.stdout) as { respondents: { names: string[] }; pillars: { id: string; team: { mean: number } }[] };
  expect(team.respondents.names).toEqual([single.respondent.name]);
  expect(team.pillars.map((p) => [p.id, p.team.mean])).toEqual(single.pillars.map((p) => [p.id, p.score]));
});
