// Atomic file writes: a temp file in the same directory, fsync, rename. A crash leaves the old
// file or the new one, never half of either.
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import {
  mkdirSync,
  openSync,
  writeSync,
  fsyncSync,
  closeSync,
  renameSync,
  unlinkSync,
} from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';

function tempPathFor(path: string): string {
  return join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
}

export interface AtomicWriteOptions {
  /**
   * fsync before the rename, so the new content survives a power cut (not only a crash).
   * Re-creatable data (the feed cache) can skip it. @default true
   */
  readonly isDurable?: boolean;
  /** Create the directory first. Callers writing many files into one directory do it once. @default true */
  readonly createsDirectory?: boolean;
}

/** Writes `data` to `path` atomically (temp file + rename), creating the directory if needed. */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  if (options.createsDirectory !== false) await mkdir(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  const handle = await open(temp, 'w', 0o644);
  try {
    await handle.writeFile(data);
    if (options.isDurable !== false) await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** Synchronous twin of {@link writeFileAtomic}, for code paths that must not yield. */
export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  const fd = openSync(temp, 'w', 0o644);
  try {
    const buffer = typeof data === 'string' ? Buffer.from(data) : data;
    let offset = 0;
    while (offset < buffer.length) offset += writeSync(fd, buffer, offset);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // the temp file is already gone
    }
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, path);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // the temp file is already gone
    }
    throw error;
  }
}
