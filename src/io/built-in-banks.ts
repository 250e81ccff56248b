// The banks that ship in questions/, newest first: the first is the default. An older one stays so
// that answer files and results made with it still score; a file's `bank: {id, version}` picks it.

export interface BuiltInBank {
  /** What `--bank` accepts: the bank's id and major version. */
  name: string;
  id: string;
  major: string;
  /** Its folder inside questions/. */
  folder: string;
}

export const BUILT_IN_BANKS: readonly BuiltInBank[] = [
  { name: 'cash@2', id: 'cash', major: '2', folder: '.' },
  { name: 'cash@1', id: 'cash', major: '1', folder: '1.0.0' },
];
