import { linkSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputAt } from '../../src/io/write-file.js';
import { tempDir } from '../helpers/cli.js';

// Whether an output file is one of the inputs (or a file in an input folder): every way a folder can hold it.

function team(): { dir: string; folder: string } {
  const dir = tempDir();
  const folder = join(dir, 'team');
  mkdirSync(join(folder, 'emea'), { recursive: true });
  writeFileSync(join(folder, 'dana.yaml'), 'a');
  writeFileSync(join(folder, 'emea', 'eli.yaml'), 'b');
  writeFileSync(join(dir, 'report.json'), 'c');
  return { dir, folder };
}

describe('inputAt', () => {
  it('a file outside the input folders is no input', async () => {
    const { dir, folder } = team();
    expect(await inputAt(join(dir, 'report.json'), [folder])).toBeUndefined();
    expect(await inputAt(join(dir, 'missing.json'), [folder])).toBeUndefined();
  });

  it('an input named itself', async () => {
    const { dir } = team();
    expect(await inputAt(join(dir, 'report.json'), [join(dir, 'report.json')])).toBe(join(dir, 'report.json'));
  });

  it('a file in an input folder, at any depth', async () => {
    const { folder } = team();
    expect(await inputAt(join(folder, 'emea', 'eli.yaml'), [folder])).toBe(join(folder, 'emea', 'eli.yaml'));
  });

  it('a file in an input folder reached through a link to that folder', async () => {
    const { dir, folder } = team();
    symlinkSync(folder, join(dir, 'linked'));
    expect(await inputAt(join(dir, 'linked', 'dana.yaml'), [folder])).toBe(join(folder, 'dana.yaml'));
    expect(await inputAt(join(folder, 'dana.yaml'), [join(dir, 'linked')])).toBe(join(dir, 'linked', 'dana.yaml'));
  });

  it('a file that an input folder links to', async () => {
    const { dir, folder } = team();
    symlinkSync(join(dir, 'report.json'), join(folder, 'emea', 'report.json'));
    expect(await inputAt(join(dir, 'report.json'), [folder])).toBe(join(folder, 'emea', 'report.json'));
  });

  it('a file that an input folder holds a hard link of', async () => {
    const { dir, folder } = team();
    linkSync(join(dir, 'report.json'), join(folder, 'report.json'));
    expect(await inputAt(join(dir, 'report.json'), [folder])).toBe(join(folder, 'report.json'));
  });

  it('a hard link of a file in an input folder', async () => {
    const { dir, folder } = team();
    linkSync(join(folder, 'dana.yaml'), join(dir, 'dana.json'));
    expect(await inputAt(join(dir, 'dana.json'), [folder])).toBe(join(folder, 'dana.yaml'));
  });
});
