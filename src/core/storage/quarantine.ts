// Corrupt files are never overwritten: they are moved aside so the user can inspect or recover them.
import { rename } from 'node:fs/promises';
import { renameSync } from 'node:fs';

/** The path a corrupt file is moved to: `name.corrupt-<ISO time with no colons>`. */
export function quarantinePath(path: string, now: Date): string {
  return `${path}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
}

/** Moves a corrupt file aside and returns where it went. */
export async function quarantineFile(path: string, now: Date): Promise<string> {
  const target = quarantinePath(path, now);
  await rename(path, target);
  return target;
}

/** Synchronous twin of {@link quarantineFile}. */
export function quarantineFileSync(path: string, now: Date): string {
  const target = quarantinePath(path, now);
  renameSync(path, target);
  return target;
}
