// A CommandContext for in-process command tests: a fresh temp home, memory output, a fixed clock.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandContext } from '../../src/commands/context.js';
import { createMemoryOutput, type MemoryOutput } from '../../src/commands/output.js';
import { resolveDataPaths } from '../../src/core/storage/paths.js';

export interface TestContext extends CommandContext {
  readonly out: MemoryOutput;
  /** The temp TIDINGS_HOME. */
  readonly home: string;
  /** Removes the temp home. */
  dispose(): Promise<void>;
}

/** Builds a context over a new temp home; `overrides` replace any field. */
export async function createTestContext(
  overrides: Partial<CommandContext> = {},
): Promise<TestContext> {
  const home = await mkdtemp(join(tmpdir(), 'tidings-home-'));
  const env = { TIDINGS_HOME: home };
  return {
    out: createMemoryOutput(),
    paths: resolveDataPaths(env),
    now: () => new Date('2026-11-27T08:00:00Z'),
    fetch: globalThis.fetch,
    userAgent: 'tidings/test',
    version: 'test',
    useColor: false,
    demoCatalog: null,
    env,
    ...overrides,
    home,
    dispose: () => rm(home, { recursive: true, force: true }),
  } as TestContext;
}
