/**
 * Reading one file for import, bounded: the size limit is checked from the open file's stat before a
 * byte is read, and enforced again while reading, so a file that grows meanwhile (a log being written)
 * can never make us hold more than the limit in memory. File-system errors become ImportErrors.
 */
import type { Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { ImportError } from './import-error.ts';

const MB = 1024 * 1024;

/** "61.2 MB"; exact byte counts when rounding would make the size look equal to the limit. */
export function tooLarge(size: number, maxBytes: number): ImportError {
  const exact = (n: number): string => `${n.toLocaleString('en-US')} bytes`;
  const rounded = (n: number): string =>
    n >= MB ? `${(n / MB).toFixed(1).replace(/\.0$/, '')} MB` : n >= 1024 ? `${(n / 1024).toFixed(1).replace(/\.0$/, '')} KB` : exact(n);
  const [a, b] = rounded(size) === rounded(maxBytes) ? [exact(size), exact(maxBytes)] : [rounded(size), rounded(maxBytes)];
  return new ImportError('TOO_LARGE', `The file is ${a}; the limit is ${b}.`, { size, maxBytes });
}

/** Maps a Node file-system error to an ImportError a person can act on. */
export function fromFsError(error: unknown): ImportError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new ImportError('NOT_FOUND', 'This file or folder does not exist (it may have been moved or deleted).');
    case 'EACCES':
    case 'EPERM':
      return new ImportError('UNREADABLE', 'Permission denied: this account is not allowed to read it.');
    case 'ELOOP':
      return new ImportError('UNREADABLE', 'It is a symbolic link that points back to itself, so there is nothing to read.');
    case 'EISDIR':
      return new ImportError('UNREADABLE', 'It is a folder, where a file was expected.');
    default:
      return new ImportError('UNREADABLE', `It could not be read (${code ?? 'unknown error'}).`, { code });
  }
}

/** Refuses a non-regular file by what it is: reading a pipe or a device could block forever. */
export function notAFile(st: Stats): ImportError {
  const kind = st.isFIFO()
    ? 'a named pipe'
    : st.isSocket()
      ? 'a socket'
      : st.isCharacterDevice() || st.isBlockDevice()
        ? 'a device'
        : st.isDirectory()
          ? 'a folder'
          : 'a special file';
  return new ImportError('UNREADABLE', `It is ${kind}, not a regular file, so it was not read.`);
}

/** Reads a whole file, refusing it (TOO_LARGE) as soon as it is known to exceed `maxBytes`. */
export async function readBounded(path: string, maxBytes: number): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    throw fromFsError(e);
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw notAFile(st);
    if (st.size > maxBytes) throw tooLarge(st.size, maxBytes);
    const buffer = new Uint8Array(st.size);
    let total = 0;
    while (total < buffer.length) {
      const { bytesRead } = await handle.read(buffer, total, buffer.length - total, total);
      if (bytesRead === 0) return buffer.subarray(0, total); // shrank since stat
      total += bytesRead;
    }
    // Nothing more is the normal case; otherwise the file grew since stat: read on, still bounded.
    const more: Uint8Array[] = [buffer];
    let chunk = new Uint8Array(1);
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, total);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw tooLarge(total, maxBytes);
      more.push(chunk.subarray(0, bytesRead));
      chunk = new Uint8Array(64 * 1024);
    }
    if (more.length === 1) return buffer;
    const whole = new Uint8Array(total);
    let at = 0;
    for (const part of more) {
      whole.set(part, at);
      at += part.length;
    }
    return whole;
  } catch (e) {
    throw e instanceof ImportError ? e : fromFsError(e);
  } finally {
    await handle.close();
  }
}
