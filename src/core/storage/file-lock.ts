// Cross-process mutual exclusion for read-merge-write cycles, over proper-lockfile (a lock
// directory next to the guarded path). Owns locking only; the guarded work is the caller's.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import lockfile from 'proper-lockfile';

export interface FileLockOptions {
  /**
   * After how long without a heartbeat a lock is taken to belong to a dead process (kill -9).
   * proper-lockfile refuses values under 2,000 ms.
   * @default 10000
   */
  readonly staleMs?: number;
}

/** Thrown when a lock could not be taken or was lost while the guarded work ran. */
export class FileLockError extends Error {
  override readonly name = 'FileLockError';
  /** The path the lock guards. */
  readonly target: string;

  constructor(message: string, target: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.target = target;
  }
}

/**
 * Runs `work` while holding the lock `<target>.lock` (a directory, so taking it is one atomic
 * mkdir on every platform). Waits for other holders with short randomized retries; a lock left by
 * a killed process is taken over once it is stale.
 */
export async function withFileLock<T>(
  target: string,
  work: () => Promise<T> | T,
  options: FileLockOptions = {},
): Promise<T> {
  const staleMs = Math.max(2000, options.staleMs ?? 10_000);
  await mkdir(dirname(target), { recursive: true });
  let compromise: Error | null = null;
  let release: () => Promise<void>;
  const lockOptions = {
    realpath: false,
    lockfilePath: `${target}.lock`,
    stale: staleMs,
    onCompromised: (error: Error) => {
      compromise = error;
    },
  };
  try {
    try {
      release = await lockfile.lock(target, { ...lockOptions, retries: 0 });
    } catch (error) {
      // Only "someone else holds it" is worth waiting for; a read-only or full disk is not.
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      release = await lockfile.lock(target, {
        ...lockOptions,
        // Short waits first (holders keep it for milliseconds), then 30–60 ms steps: patience
        // enough to outlast the stale lock of a killed process (staleMs) three times over.
        retries: {
          retries: Math.ceil((staleMs * 3) / 30) + 20,
          factor: 1.2,
          minTimeout: 2,
          maxTimeout: 30,
          randomize: true,
        },
      });
    }
  } catch (error) {
    throw new FileLockError(
      `could not lock ${target}: ${error instanceof Error ? error.message : String(error)}`,
      target,
      error,
    );
  }
  try {
    return await work();
  } finally {
    await release().catch(() => undefined);
    if (compromise !== null) {
      throw new FileLockError(
        `lock on ${target} was lost while writing: ${(compromise as Error).message}`,
        target,
        compromise,
      );
    }
  }
}
