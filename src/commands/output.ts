// The one place command output is written: text lines or JSON to stdout, errors to stderr.
import type { Writable } from 'node:stream';

export interface Output {
  /** Writes one line of text to stdout. */
  line(text?: string): void;
  /** Writes a value as pretty-printed JSON to stdout. */
  json(value: unknown): void;
  /** Writes one line to stderr (errors, warnings, progress). */
  error(text: string): void;
}

/** An Output over real streams. */
export function createOutput(stdout: Writable, stderr: Writable): Output {
  return {
    line: (text = '') => void stdout.write(`${text}\n`),
    json: (value) => void stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    error: (text) => void stderr.write(`${text}\n`),
  };
}

/** An Output that records everything, for in-process command tests. */
export interface MemoryOutput extends Output {
  readonly stdout: string[];
  readonly stderr: string[];
  text(): string;
}

export function createMemoryOutput(): MemoryOutput {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    line: (text = '') => void stdout.push(`${text}\n`),
    json: (value) => void stdout.push(`${JSON.stringify(value, null, 2)}\n`),
    error: (text) => void stderr.push(`${text}\n`),
    text: () => stdout.join(''),
  };
}
