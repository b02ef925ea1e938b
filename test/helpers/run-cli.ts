// Runs the built CLI (dist/cli.js) as a real child process, without CI in its environment.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

export const CLI_PATH = resolve(import.meta.dirname, '../../dist/cli.js');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node dist/cli.js ...args` with `env` added to a clean environment (no CI). */
export function runCli(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<CliResult> {
  const base = { ...process.env };
  delete base['CI'];
  delete base['TIDINGS_DEBUG'];
  return new Promise((resolvePromise) => {
    execFile(
      process.execPath,
      [CLI_PATH, ...args],
      { env: { ...base, ...env }, encoding: 'utf8', timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolvePromise({ code, stdout, stderr });
      },
    );
  });
}
