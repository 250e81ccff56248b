import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync, type Stats, statSync } from 'node:fs';
import { InputError } from '../core/errors.js';

/**
 * Answer files, banks and mapping files are small (the built-in bank is 40 KB); parsing YAML with
 * positions costs about 3 s and 200 MB per MB of dense keys, so larger inputs are refused.
 */
export const MAX_INPUT_BYTES = 1024 * 1024;

const CHUNK_BYTES = 64 * 1024;

/**
 * Reads a text input file, refusing what cannot be one: missing, a folder, too large, binary, not UTF-8.
 * A byte-order mark is dropped; one of UTF-16 selects that encoding (PowerShell 5 writes it with `>`).
 */
export async function readTextFile(file: string, maxBytes = MAX_INPUT_BYTES): Promise<string> {
  const fail = (message: string, at: { line?: number; col?: number } = {}) => new InputError([{ file, ...at, message }]);
  const tooLarge = (size: string) => fail(`is ${size} MB; input files are limited to ${megabytes(maxBytes)} MB`);
  // Synchronous calls: for a folder of thousands of small answer files they cost a fifth of the asynchronous ones.
  const info = checkInputFile(file);
  if (info.size > maxBytes) throw tooLarge(megabytes(info.size));
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw fail(fileErrorMessage(error as NodeJS.ErrnoException));
  }
  const chunks: Buffer[] = [];
  try {
    // A file at once (one byte more than its size, should it grow), then in chunks against the limit.
    let total = 0;
    for (;;) {
      const whole = total === 0 && info.size > 0;
      const buffer = Buffer.allocUnsafe(whole ? info.size + 1 : CHUNK_BYTES);
      const bytesRead = readSync(fd, buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw tooLarge(`more than ${megabytes(maxBytes)}`);
      chunks.push(buffer.subarray(0, bytesRead));
      // No more than its size: the whole file, without asking again.
      if (whole && bytesRead <= info.size) break;
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw fail(fileErrorMessage(error as NodeJS.ErrnoException));
  } finally {
    closeSync(fd);
  }
  const bytes = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);

  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16 === null && bytes.includes(0)) throw fail('is not a text file (it contains NUL bytes)');
  if (utf16 === null && !isUtf8(bytes)) throw fail('is not UTF-8 text: save it as UTF-8', firstInvalidUtf8(bytes));
  if (utf16 === null) return bytes.toString('utf8', bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0);
  const text = new TextDecoder(utf16).decode(bytes);
  if (text.includes('\0')) throw fail('is not a text file (it contains NUL characters)');
  return text;
}

/**
 * Refuses, before anything opens it, what is not a regular file: opening a named pipe waits for a
 * writer that may never come, and a device or a socket is no input. A link to a regular file is fine.
 */
export function checkInputFile(file: string): Stats {
  if (file === '-') {
    throw new InputError(
      [{ file, message: 'reading standard input is not supported: name a file' }],
      'save the input to a file first, e.g. `cat > answers.yaml`',
    );
  }
  let info: Stats;
  try {
    info = statSync(file);
  } catch (error) {
    throw new InputError([{ file, message: fileErrorMessage(error as NodeJS.ErrnoException) }]);
  }
  const kind = notRegularFile(info);
  if (kind !== null) throw new InputError([{ file, message: kind }]);
  return info;
}

/** What a path is when it is not a regular file, as a message; null for a regular file. */
export function notRegularFile(info: Stats): string | null {
  if (info.isFile()) return null;
  if (info.isDirectory()) return 'is a folder, not a file';
  if (info.isFIFO()) return 'is a named pipe (FIFO), not a regular file: save the input to a file first';
  if (info.isSocket()) return 'is a socket, not a regular file';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'is a device, not a regular file';
  return 'is not a regular file';
}

/** The line and column of the first byte that is not UTF-8. */
function firstInvalidUtf8(bytes: Buffer): { line: number; col: number } {
  let start = 0;
  for (let line = 1; ; line++) {
    const end = bytes.indexOf(0x0a, start);
    const slice = bytes.subarray(start, end < 0 ? bytes.length : end);
    if (!isUtf8(slice)) return { line, col: new TextDecoder().decode(slice).indexOf('\uFFFD') + 1 };
    if (end < 0) return { line, col: 1 };
    start = end + 1;
  }
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
    case 'ELOOP':
      return 'is a loop of links';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EROFS':
      return 'the file system is read-only';
    case 'EIO':
      return 'input/output error';
    case 'EFBIG':
      return 'the file would be too large';
    default:
      return error.message;
  }
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
