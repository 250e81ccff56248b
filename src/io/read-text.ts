import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../core/errors.js';

export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

/** Reads a text input file, refusing what cannot be one: missing, a folder, too large, binary. */
export async function readTextFile(file: string, maxBytes = MAX_INPUT_BYTES): Promise<string> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new InputError([{ file, message: fileErrorMessage(error) }]);
  });
  if (info.isDirectory()) throw new InputError([{ file, message: 'is a folder, not a file' }]);
  if (info.size > maxBytes) {
    throw new InputError([{ file, message: `is ${megabytes(info.size)} MB; input files are limited to ${megabytes(maxBytes)} MB` }]);
  }
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new InputError([{ file, message: fileErrorMessage(error) }]);
  });
  if (bytes.includes(0)) throw new InputError([{ file, message: 'is not a text file (it contains NUL bytes)' }]);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

export function fileErrorMessage(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    default:
      return error.message;
  }
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
