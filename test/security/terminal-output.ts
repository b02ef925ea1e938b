// Reads the raw bytes a full-screen program wrote to its terminal and reports every escape
// sequence or control character that is not part of ordinary drawing: SGR colours, cursor
// movement and erasing, scrolling, the alternate screen, cursor visibility, bracketed paste,
// focus reporting and synchronized output are drawing; anything else (OSC 0/8/52, DCS, APC, PM,
// SOS, C1 controls, BEL, BS, a CR not followed by LF, bidi controls, other C0) is reported.

/** CSI final bytes of drawing sequences. */
const DRAWING_CSI_FINALS = new Set(Array.from('mABCDEFGHJKSTXfdrsuhl'));
/** Private modes (`CSI ? n h/l`) a TUI toggles: cursor, alternate screen, paste, focus, sync. */
const DRAWING_PRIVATE_MODES = new Set([
  '25',
  '47',
  '1047',
  '1048',
  '1049',
  '2004',
  '1004',
  '2026',
  '7',
]);

/** An OSC 52 sequence and the text it puts on the clipboard. */
export interface ClipboardWrite {
  readonly text: string;
}

export interface TerminalOutputReport {
  /** Sequences and characters that are not drawing, with their offset. */
  readonly unexpected: string[];
  /** OSC 52 clipboard writes (the copy-link key), decoded; reported separately, not as unexpected. */
  readonly clipboard: ClipboardWrite[];
}

function show(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** Analyses raw terminal output. */
export function analyzeTerminalOutput(raw: string): TerminalOutputReport {
  const unexpected: string[] = [];
  const clipboard: ClipboardWrite[] = [];
  let i = 0;
  while (i < raw.length) {
    const c = raw.charCodeAt(i);
    if (c === 0x1b) {
      const next = raw.charAt(i + 1);
      if (next === '[') {
        const match = /^\x1b\[([\x30-\x3f]*)([\x20-\x2f]*)([\x40-\x7e])/.exec(raw.slice(i, i + 64));
        if (match === null) {
          unexpected.push(`unterminated CSI at ${i}: ${show(raw.slice(i, i + 20))}`);
          i += 2;
          continue;
        }
        const [all, params = '', intermediates = '', final = ''] = match;
        const isPrivateMode = params.startsWith('?') && (final === 'h' || final === 'l');
        const ok = isPrivateMode
          ? params
              .slice(1)
              .split(';')
              .every((mode) => DRAWING_PRIVATE_MODES.has(mode))
          : !params.startsWith('?') &&
            !params.startsWith('>') &&
            intermediates === '' &&
            DRAWING_CSI_FINALS.has(final) &&
            final !== 'h' &&
            final !== 'l';
        if (!ok) unexpected.push(`CSI at ${i}: ${show(all)}`);
        i += all.length;
        continue;
      }
      if (next === ']' || next === 'P' || next === '_' || next === '^' || next === 'X') {
        const end = /\x07|\x1b\\/.exec(raw.slice(i + 2));
        const body = end === null ? raw.slice(i + 2) : raw.slice(i + 2, i + 2 + end.index);
        const osc52 = next === ']' ? /^52;c;([A-Za-z0-9+/=]*)$/.exec(body) : null;
        if (osc52 !== null && end !== null) {
          clipboard.push({ text: Buffer.from(osc52[1] ?? '', 'base64').toString('utf8') });
        } else {
          unexpected.push(`string sequence ESC ${next} at ${i}: ${show(body)}`);
        }
        i += 2 + body.length + (end === null ? 0 : end[0].length);
        continue;
      }
      // ESC 7 / ESC 8 (save/restore cursor), ESC = / ESC > (keypad modes) are drawing.
      if ('78=>'.includes(next) && next !== '') {
        i += 2;
        continue;
      }
      unexpected.push(`ESC ${show(next)} at ${i}`);
      i += 2;
      continue;
    }
    if (c === 0x0d) {
      if (raw.charCodeAt(i + 1) !== 0x0a) unexpected.push(`CR not followed by LF at ${i}`);
      i += 1;
      continue;
    }
    if (
      (c < 0x20 && c !== 0x0a) ||
      (c >= 0x7f && c <= 0x9f) ||
      (c >= 0x202a && c <= 0x202e) ||
      (c >= 0x2066 && c <= 0x2069)
    ) {
      unexpected.push(
        `U+${c.toString(16).toUpperCase().padStart(4, '0')} at ${i} near ${show(raw.slice(Math.max(0, i - 10), i + 10))}`,
      );
    }
    i += 1;
  }
  return { unexpected, clipboard };
}
