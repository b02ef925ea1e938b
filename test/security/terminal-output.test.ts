// The analyser the pty escape tests rely on: drawing passes, everything else is reported.
import { describe, expect, it } from 'vitest';
import { RAW_PAYLOADS } from '../helpers/escape-payloads.js';
import { analyzeTerminalOutput } from './terminal-output.js';

describe('analyzeTerminalOutput', () => {
  it('accepts the sequences a full-screen Ink app draws with', () => {
    const drawing =
      '\x1b[?1049h\x1b[?25l\x1b[?2026h\x1b[2J\x1b[3J\x1b[H\x1b[1;31m标题\x1b[0m\r\n\x1b[2K\x1b[1A\x1b[G' +
      '\x1b[39m\x1b[22m\x1b[10;5H\x1b[K\x1b[?2026l\x1b[?25h\x1b[?1049l';
    expect(analyzeTerminalOutput(drawing)).toEqual({ unexpected: [], clipboard: [] });
  });

  // An OSC 52 write lands in `clipboard`, which the reader test compares to the one copy it made.
  it.each(RAW_PAYLOADS.filter((p) => !p.name.startsWith('CSI')))('reports $name', (payload) => {
    const report = analyzeTerminalOutput(`text ${payload.text} more`);
    expect(report.unexpected.length + report.clipboard.length).toBeGreaterThan(0);
  });

  it('reports CSI sequences that are not drawing (device queries, mode changes)', () => {
    expect(analyzeTerminalOutput('\x1b[6n').unexpected).toHaveLength(1);
    expect(analyzeTerminalOutput('\x1b[?1000h').unexpected).toHaveLength(1);
    expect(analyzeTerminalOutput('\x1b[>c').unexpected).toHaveLength(1);
  });

  it('decodes OSC 52 clipboard writes instead of reporting them', () => {
    const write = `\x1b]52;c;${Buffer.from('https://example.com/').toString('base64')}\x07`;
    expect(analyzeTerminalOutput(write)).toEqual({
      unexpected: [],
      clipboard: [{ text: 'https://example.com/' }],
    });
  });
});
