// Copying text: always by OSC 52 (the terminal sets the clipboard, which works over SSH), and
// also with the system's clipboard tool when one is available (pbcopy, wl-copy, xclip, clip).
import { spawn as nodeSpawn, type SpawnOptions } from 'node:child_process';
import type { Writable } from 'node:stream';
import { sanitizeLine } from '../../core/feeds/sanitize.js';
import type { CopyResult } from '../services.js';

/** The OSC 52 sequence that asks the terminal to put `text` on the clipboard. */
export function osc52(text: string): string {
  return `\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`;
}

/** Clipboard tools to try, in order, for a platform and environment. */
export function clipboardCommands(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
): { readonly command: string; readonly args: readonly string[] }[] {
  if (platform === 'darwin') return [{ command: 'pbcopy', args: [] }];
  if (platform === 'win32') return [{ command: 'clip', args: [] }];
  const commands: { command: string; args: string[] }[] = [];
  if (env['WAYLAND_DISPLAY']) commands.push({ command: 'wl-copy', args: [] });
  if (env['DISPLAY']) commands.push({ command: 'xclip', args: ['-selection', 'clipboard'] });
  return commands;
}

type SpawnForPipe = (
  command: string,
  args: readonly string[],
  options: SpawnOptions,
) => {
  readonly stdin: Writable | null;
  once(event: 'error', listener: (error: Error) => void): unknown;
  once(event: 'close', listener: (code: number | null) => void): unknown;
};

function pipeTo(
  spawn: SpawnForPipe,
  command: string,
  args: readonly string[],
  text: string,
): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['pipe', 'ignore', 'ignore'], shell: false });
    child.once('error', () => resolve(false));
    child.once('close', (code) => resolve(code === 0));
    child.stdin?.end(text);
  });
}

export interface CopyTextOptions {
  /** Writes raw bytes to the terminal (the OSC 52 sequence). */
  readonly writeTerminal: (data: string) => void;
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly spawn?: SpawnForPipe;
}

/** Copies one line of text (sanitized first: it goes to the terminal). */
export async function copyText(text: string, options: CopyTextOptions): Promise<CopyResult> {
  const clean = sanitizeLine(text);
  options.writeTerminal(osc52(clean));
  const spawn = options.spawn ?? (nodeSpawn as unknown as SpawnForPipe);
  for (const { command, args } of clipboardCommands(options.platform, options.env)) {
    if (await pipeTo(spawn, command, args, clean)) return 'osc52+clipboard';
  }
  return 'osc52';
}
