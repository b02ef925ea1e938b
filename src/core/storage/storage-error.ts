// One line for the user when storage fails for want of space. Owns the wording only; never prints,
// never decides whether an error is fatal.
import { basename, dirname, join } from 'node:path';
import { FileLockError } from './file-lock.js';

/** The temp name {@link writeFileAtomic} gives a file while writing it: `.name.<pid>.<hex>.tmp`. */
const TEMP_NAME = /^\.(.+)\.\d+\.[0-9a-f]{8}\.tmp$/;

/** Codes that mean the file system (or the user's quota on it) has no room left. */
const NO_SPACE = new Set(['ENOSPC', 'EDQUOT']);

function errnoOf(error: unknown): NodeJS.ErrnoException | null {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; depth += 1) {
    if (typeof (e as NodeJS.ErrnoException).code === 'string') return e as NodeJS.ErrnoException;
    e = e.cause;
  }
  return null;
}

/** The file a write was for: a temp file of an atomic write names the file it would replace. */
function intendedPath(path: string): string {
  const temp = TEMP_NAME.exec(basename(path));
  return temp?.[1] === undefined ? path : join(dirname(path), temp[1]);
}

/** True when `error` (or an error it wraps) says the disk is full. */
export function isDiskFull(error: unknown): boolean {
  const errno = errnoOf(error);
  return errno?.code !== undefined && NO_SPACE.has(errno.code);
}

/**
 * A one-line description of a storage error. A full disk reads as such ("the disk is full (no space
 * left on device): could not write ~/…/favorites.json"), naming the file meant rather than its temp
 * file; anything else is the error's own message.
 */
export function describeStorageError(error: unknown): string {
  if (!isDiskFull(error)) return error instanceof Error ? error.message : String(error);
  const errno = errnoOf(error);
  const reason =
    errno?.code === 'EDQUOT'
      ? 'the disk quota is exceeded (no space left for this user)'
      : 'the disk is full (no space left on device)';
  if (error instanceof FileLockError) return `${reason}: could not lock ${error.target}`;
  const path = errno?.path;
  return path === undefined ? reason : `${reason}: could not write ${intendedPath(path)}`;
}
