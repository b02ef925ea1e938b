// Key names: the one spelling of a key used by the table, the settings file and the help text,
// and the translation from Ink's (input, key) pair into it. Pure; no react/ink.

/** Named (non-printable) keys. Printable keys are named by their character (`j`, `J`, `+`, `?`). */
export const NAMED_KEYS = [
  'up',
  'down',
  'left',
  'right',
  'pageup',
  'pagedown',
  'home',
  'end',
  'enter',
  'esc',
  'tab',
  'shift-tab',
  'backspace',
  'space',
] as const;

const CTRL_KEY = /^ctrl-[a-z]$/;

/** True when `name` is a key name the table and the settings file accept. */
export function isKeyName(name: string): boolean {
  if ((NAMED_KEYS as readonly string[]).includes(name) || CTRL_KEY.test(name)) return true;
  return [...name].length === 1 && /^[\x21-\x7e]$/.test(name);
}

/** The fields of Ink's `Key` this module reads (declared here so keymap never imports ink). */
export interface InkKeyLike {
  readonly upArrow: boolean;
  readonly downArrow: boolean;
  readonly leftArrow: boolean;
  readonly rightArrow: boolean;
  readonly pageUp: boolean;
  readonly pageDown: boolean;
  readonly home: boolean;
  readonly end: boolean;
  readonly return: boolean;
  readonly escape: boolean;
  readonly ctrl: boolean;
  readonly shift: boolean;
  readonly tab: boolean;
  readonly backspace: boolean;
  readonly delete: boolean;
  readonly meta: boolean;
}

/**
 * Translates one Ink input event into a key name, or null for something the table cannot name.
 * Ink 6.8 quirks handled here: Escape also sets `meta`; the Backspace key of most terminals
 * (DEL, 0x7f) arrives as `delete`; Space arrives as input `' '`; Ctrl-letter arrives as the letter
 * with `ctrl`.
 */
export function keyNameFromInk(input: string, key: InkKeyLike): string | null {
  if (key.escape) return 'esc';
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'enter';
  if (key.tab) return key.shift ? 'shift-tab' : 'tab';
  if (key.backspace || key.delete) return 'backspace';
  if (key.ctrl && /^[a-z]$/.test(input)) return `ctrl-${input}`;
  if (input === ' ') return 'space';
  // A control character split out of a chunk of fast typing (Ink parses only the first key).
  if (input === '\t') return 'tab';
  if (input === '\r' || input === '\n') return 'enter';
  if (input === '\x7f' || input === '\b') return 'backspace';
  if (input === '\x1b') return 'esc';
  if (input.length === 1 && input >= '\x01' && input <= '\x1a') {
    return `ctrl-${String.fromCharCode(input.charCodeAt(0) + 96)}`;
  }
  if (key.meta || key.ctrl) return null;
  if ([...input].length === 1 && isKeyName(input)) return input;
  return null;
}

const DISPLAY: Readonly<Record<string, string>> = {
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  pageup: 'PgUp',
  pagedown: 'PgDn',
  home: 'Home',
  end: 'End',
  enter: 'Enter',
  esc: 'Esc',
  tab: 'Tab',
  'shift-tab': 'S-Tab',
  backspace: 'Bksp',
  space: 'Space',
};

/** How a key is shown in help, hints and the README (`↓`, `PgDn`, `Ctrl-d`, `j`). */
export function displayKey(name: string): string {
  const named = DISPLAY[name];
  if (named !== undefined) return named;
  if (CTRL_KEY.test(name)) return `Ctrl-${name.slice(5)}`;
  return name;
}
