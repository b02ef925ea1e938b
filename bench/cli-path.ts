// Where the built CLI is; the benches measure dist/cli.js exactly as a user runs it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of dist/cli.js. */
export const CLI_PATH = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/** Throws a readable error when the CLI has not been built (`npm run bench` builds it first). */
export function requireBuiltCli(): string {
  if (!existsSync(CLI_PATH)) throw new Error(`${CLI_PATH} is missing: run \`npm run build\` first`);
  return CLI_PATH;
}
