// Where tidings keeps its state. Pure: the environment is passed in, never read here.
import { join } from 'node:path';
import envPaths from 'env-paths';

export interface DataPaths {
  /** Settings, the user's catalog, the favorites index. */
  readonly config: string;
  /** Favorites snapshots, read state, history. */
  readonly data: string;
  /** Feed cache: re-creatable from the network. */
  readonly cache: string;
}

/**
 * All state lives under `TIDINGS_HOME` when it is set (tests, portable installs),
 * otherwise in the platform's config/data/cache directories.
 */
export function resolveDataPaths(env: Readonly<Record<string, string | undefined>>): DataPaths {
  const home = env['TIDINGS_HOME'];
  if (home !== undefined && home !== '') {
    return { config: join(home, 'config'), data: join(home, 'data'), cache: join(home, 'cache') };
  }
  const paths = envPaths('tidings', { suffix: '' });
  return { config: paths.config, data: paths.data, cache: paths.cache };
}
