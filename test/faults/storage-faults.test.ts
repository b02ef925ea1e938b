// Storage faults through the built CLI: a full disk (a small tmpfs mounted for the test) and a
// read-only home. Each must end in one clear line on stderr and a failing exit code, with what
// was saved or cached before still intact, and no temp files left behind.
//
// Tests run as root in CI, and root ignores permission bits, so "read-only" is made with the
// immutable attribute (chattr +i), which binds root too; as another user, chmod 0555 does it.
// Mounting a tmpfs needs root (CAP_SYS_ADMIN); where either is unavailable the test skips and
// says why. full-disk.test.ts fills the disk without root (injected ENOSPC) and runs everywhere.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { chmod, mkdir, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localEditionForFile } from './local-edition.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';

const isRoot = process.getuid?.() === 0;

function tryMountTmpfs(dir: string, size: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function canChattr(): boolean {
  if (!isRoot) return false;
  const dir = mkdtempSync(join(tmpdir(), 'tidings-chattr-'));
  try {
    mkdirSync(join(dir, 'x'));
    execFileSync('chattr', ['+i', join(dir, 'x')], { stdio: 'ignore' });
    let blocked = false;
    try {
      writeFileSync(join(dir, 'x', 'f'), '');
    } catch {
      blocked = true;
    }
    execFileSync('chattr', ['-i', join(dir, 'x')], { stdio: 'ignore' });
    return blocked;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const edition = localEditionForFile();

/** One clear line on stderr: "tidings: …", no stack trace. */
function expectClearError(result: CliResult): void {
  expect(result.code).not.toBe(0);
  expect(result.stderr).toMatch(/^tidings: [^\n]+\n$/);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

async function setUpHome(home: string): Promise<{ env: Record<string, string>; catalog: string }> {
  const catalog = join(home, 'catalog.json');
  await edition().writeCatalog(catalog);
  return { env: { TIDINGS_HOME: home }, catalog };
}

async function listTitles(env: Record<string, string>, catalog: string): Promise<string[]> {
  const listed = await runCli(['list', '--catalog', catalog, '--json'], env);
  expect(listed.code).toBe(0);
  return (JSON.parse(listed.stdout) as { title: string }[]).map((i) => i.title);
}

async function favIds(env: Record<string, string>): Promise<string[]> {
  const listed = await runCli(['fav', 'list', '--json'], env);
  expect(listed.code).toBe(0);
  return (JSON.parse(listed.stdout) as { id: string }[]).map((f) => f.id).sort();
}

async function tempFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir, { recursive: true })).filter((n) => /\.tmp|tmp-|\.~/.test(String(n)));
}

const mountPoint = mkdtempSync(join(tmpdir(), 'tidings-full-disk-'));
const hasTmpfs = isRoot && tryMountTmpfs(mountPoint, '2m');
if (!hasTmpfs) rmSync(mountPoint, { recursive: true, force: true });

describe.skipIf(!hasTmpfs)('a full disk (a 2 MiB tmpfs)', () => {
  afterAll(() => {
    execFileSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it(
    'fails saving and caching with a clear message and keeps what was stored',
    { timeout: 120_000 },
    async () => {
      const home = join(mountPoint, 'home');
      await mkdir(home);
      const { env, catalog } = await setUpHome(home);
      edition().setVersion(1);
      expect((await runCli(['fetch', '--catalog', catalog], env)).code).toBe(0);
      const before = await listTitles(env, catalog);
      expect(before).toHaveLength(5);
      const ids = (
        JSON.parse((await runCli(['list', '--catalog', catalog, '--json'], env)).stdout) as {
          id: string;
        }[]
      ).map((i) => i.id);
      expect((await runCli(['fav', 'add', ids[0] ?? ''], env)).code).toBe(0);

      // Fill the disk.
      const filler = join(mountPoint, 'filler');
      let size = 0;
      try {
        for (;;) {
          writeFileSync(filler, Buffer.alloc(64 * 1024), { flag: 'a' });
          size += 64 * 1024;
        }
      } catch (error) {
        expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
      }
      try {
        for (;;) writeFileSync(filler, Buffer.alloc(512), { flag: 'a' });
      } catch {
        // now completely full
      }
      expect(size).toBeGreaterThan(0);

      const saved = await runCli(['fav', 'add', ids[1] ?? ''], env);
      expectClearError(saved);
      expect(saved.stderr).toMatch(/space|ENOSPC/i);

      edition().setVersion(2);
      const fetched = await runCli(['fetch', '--catalog', catalog], env);
      expect(fetched.code).not.toBe(0);
      expect(fetched.stdout + fetched.stderr).toMatch(/space|ENOSPC/i);
      expect(fetched.stderr).not.toMatch(/\n\s+at /);

      // What was there before is intact and readable.
      expect(await listTitles(env, catalog)).toEqual(before);
      expect(await favIds(env)).toEqual([ids[0]]);
      const read = await runCli(['read', ids[0] ?? ''], env);
      // The article shows; only the record of having read it could not be written.
      expect(read.stderr).toMatch(/^(|tidings: this read was not recorded: [^\n]+\n)$/);
      expect(read.code).toBe(0);
      expect(read.stdout).toContain('第1版 新闻');
      expect(await tempFiles(home)).toEqual([]);

      // With space again, everything works.
      await rm(filler);
      expect((await runCli(['fav', 'add', ids[1] ?? ''], env)).code).toBe(0);
      expect(await favIds(env)).toEqual([ids[0], ids[1]].sort());
      expect((await runCli(['fetch', '--catalog', catalog], env)).code).toBe(0);
      expect((await listTitles(env, catalog)).filter((t) => t.startsWith('第2版'))).toHaveLength(5);
    },
  );
});

describe.skipIf(hasTmpfs)('a full disk', () => {
  it('is skipped: mounting a small tmpfs needs root (CAP_SYS_ADMIN)', () => {
    expect(hasTmpfs).toBe(false);
  });
});

const hasReadOnly = isRoot ? canChattr() : true;

describe.skipIf(!hasReadOnly)(
  `a read-only home (${isRoot ? 'chattr +i, as root' : 'chmod 0555'})`,
  () => {
    let home: string;
    let locked: string[] = [];

    const lock = async (dirs: string[]): Promise<void> => {
      locked = dirs;
      for (const dir of dirs) {
        if (isRoot) execFileSync('chattr', ['+i', dir]);
        else await chmod(dir, 0o555);
      }
    };
    const unlock = async (): Promise<void> => {
      for (const dir of locked) {
        if (isRoot) execFileSync('chattr', ['-i', dir]);
        else await chmod(dir, 0o755);
      }
      locked = [];
    };

    beforeAll(() => {
      home = mkdtempSync(join(tmpdir(), 'tidings-read-only-'));
    });
    afterAll(async () => {
      await unlock();
      await rm(home, { recursive: true, force: true });
    });

    it(
      'reads everything, refuses to write with a clear message, and loses nothing',
      { timeout: 120_000 },
      async () => {
        const { env, catalog } = await setUpHome(home);
        edition().setVersion(1);
        expect((await runCli(['fetch', '--catalog', catalog], env)).code).toBe(0);
        const ids = (
          JSON.parse((await runCli(['list', '--catalog', catalog, '--json'], env)).stdout) as {
            id: string;
          }[]
        ).map((i) => i.id);
        expect((await runCli(['fav', 'add', ids[0] ?? ''], env)).code).toBe(0);
        const before = await listTitles(env, catalog);

        // Every directory under the home, and the home itself, becomes read-only.
        const dirs = [
          home,
          ...(await readdir(home, { recursive: true, withFileTypes: true }))
            .filter((d) => d.isDirectory())
            .map((d) => join(d.parentPath, d.name)),
        ];
        await lock(dirs);

        const started = performance.now();
        const saved = await runCli(['fav', 'add', ids[1] ?? ''], env);
        // A clear message, promptly: not after half a minute of retrying a lock that cannot be made.
        expect(performance.now() - started).toBeLessThan(15_000);
        expectClearError(saved);
        edition().setVersion(2);
        const fetched = await runCli(['fetch', '--catalog', catalog], env);
        expect(fetched.code).not.toBe(0);
        expect(fetched.stderr).not.toMatch(/\n\s+at /);
        expect(fetched.stdout + fetched.stderr).toMatch(/permi|read-only|EACCES|EPERM|EROFS/i);

        expect(await listTitles(env, catalog)).toEqual(before);
        expect(await favIds(env)).toEqual([ids[0]]);
        const read = await runCli(['read', ids[0] ?? ''], env);
        // The article shows; only the record of having read it could not be written.
        expect(read.stderr).toMatch(/^(|tidings: this read was not recorded: [^\n]+\n)$/);
        expect(read.code).toBe(0);

        await unlock();
        expect(await tempFiles(home)).toEqual([]);
        expect((await runCli(['fav', 'add', ids[1] ?? ''], env)).code).toBe(0);
      },
    );
  },
);
