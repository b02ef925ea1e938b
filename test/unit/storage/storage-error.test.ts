import { describe, expect, it } from 'vitest';
import { FileLockError } from '../../../src/core/storage/file-lock.js';
import { describeStorageError, isDiskFull } from '../../../src/core/storage/storage-error.js';

function errno(code: string, syscall: string, path?: string): NodeJS.ErrnoException {
  const text = code === 'ENOSPC' ? 'no space left on device' : 'disk quota exceeded';
  const error = new Error(
    `${code}: ${text}, ${syscall}${path === undefined ? '' : ` '${path}'`}`,
  ) as NodeJS.ErrnoException;
  error.code = code;
  error.errno = code === 'ENOSPC' ? -28 : -122;
  error.syscall = syscall;
  if (path !== undefined) error.path = path;
  return error;
}

describe('describeStorageError', () => {
  it('names the full disk and the file meant, not the temp file of an atomic write', () => {
    const error = errno('ENOSPC', 'write', '/h/cache/.feeds-index.json.16993.83d749fc.tmp');
    expect(isDiskFull(error)).toBe(true);
    expect(describeStorageError(error)).toBe(
      'the disk is full (no space left on device): could not write /h/cache/feeds-index.json',
    );
  });

  it('keeps a path that is not a temp file as it is', () => {
    expect(describeStorageError(errno('ENOSPC', 'write', '/h/data/history.jsonl'))).toBe(
      'the disk is full (no space left on device): could not write /h/data/history.jsonl',
    );
    expect(describeStorageError(errno('ENOSPC', 'write'))).toBe(
      'the disk is full (no space left on device)',
    );
  });

  it('says which lock could not be taken when the lock directory did not fit', () => {
    const cause = errno('ENOSPC', 'mkdir', '/h/data/favorites.lock');
    const error = new FileLockError(
      `could not lock /h/data/favorites: ${cause.message}`,
      '/h/data/favorites',
      cause,
    );
    expect(describeStorageError(error)).toBe(
      'the disk is full (no space left on device): could not lock /h/data/favorites',
    );
  });

  it('tells an exceeded quota apart', () => {
    expect(describeStorageError(errno('EDQUOT', 'write', '/h/x.json'))).toBe(
      'the disk quota is exceeded (no space left for this user): could not write /h/x.json',
    );
  });

  it('leaves every other error as it was', () => {
    const denied = errno('EACCES', 'open', '/h/x.json');
    denied.message = "EACCES: permission denied, open '/h/x.json'";
    expect(isDiskFull(denied)).toBe(false);
    expect(describeStorageError(denied)).toBe("EACCES: permission denied, open '/h/x.json'");
    expect(describeStorageError(new Error('two\nlines'))).toBe('two\nlines');
    expect(describeStorageError('plain')).toBe('plain');
  });
});
