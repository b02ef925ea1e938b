// Opening a link in the browser: http/https only, the browser started directly (never through
// a shell, so nothing in a URL can run as a command), detached so it outlives the reader.
import { spawn as nodeSpawn, type SpawnOptions } from 'node:child_process';
import { isTerminalSafe, sanitizeLine } from '../../core/feeds/sanitize.js';

/** How to start a process; node's spawn in production, a recorder in tests. */
export type Spawn = (
  command: string,
  args: readonly string[],
  options: SpawnOptions,
) => {
  once(event: 'error', listener: (error: Error) => void): unknown;
  once(event: 'spawn', listener: () => void): unknown;
  unref(): void;
};

/** The command and arguments that open `url` on a platform (`BROWSER` wins when set). */
export function browserCommand(
  url: string,
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
): { readonly command: string; readonly args: readonly string[] } {
  const browser = env['BROWSER'];
  if (browser !== undefined && browser.trim() !== '') {
    const [command = browser, ...rest] = browser.trim().split(/\s+/);
    // `BROWSER="firefox %s"` style: substitute, otherwise append.
    const args = rest.some((a) => a.includes('%s'))
      ? rest.map((a) => a.replace('%s', url))
      : [...rest, url];
    return { command, args };
  }
  if (platform === 'darwin') return { command: 'open', args: [url] };
  if (platform === 'win32')
    return { command: 'rundll32', args: ['url.dll,FileProtocolHandler', url] };
  return { command: 'xdg-open', args: [url] };
}

/** True for an absolute http(s) URL with nothing a terminal or a command line could misread. */
export function isOpenableUrl(url: string): boolean {
  if (!isTerminalSafe(url) || /\s/.test(url)) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Opens `url` in the browser; rejects for anything but http(s) or when the browser cannot start. */
export function openUrl(
  url: string,
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
  spawn: Spawn = nodeSpawn as unknown as Spawn,
): Promise<void> {
  if (!isOpenableUrl(url))
    return Promise.reject(new Error(`not an http(s) link: ${sanitizeLine(url).slice(0, 80)}`));
  const { command, args } = browserCommand(url, platform, env);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', shell: false });
    child.once('error', (error) => reject(new Error(`cannot start ${command}: ${error.message}`)));
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
