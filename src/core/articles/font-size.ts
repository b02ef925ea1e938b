// The 字号 (font size) presets of the article view: each sets the text column and the air between
// paragraphs; the column is clamped to the terminal and centred in it. Pure.

/** The four presets, smallest type (widest column) first. */
export type FontSize = 'small' | 'medium' | 'large' | 'xlarge';

export const FONT_SIZES: readonly FontSize[] = ['small', 'medium', 'large', 'xlarge'];

/** What a preset sets. */
export interface FontSizePreset {
  readonly size: FontSize;
  /** The name readers know it by: 小 / 中 / 大 / 特大. */
  readonly label: string;
  /** Text column in terminal columns, before clamping to the terminal. */
  readonly column: number;
  /** Blank lines between paragraphs. */
  readonly paragraphGap: number;
}

export const FONT_SIZE_PRESETS: Readonly<Record<FontSize, FontSizePreset>> = {
  small: { size: 'small', label: '小', column: 100, paragraphGap: 1 },
  medium: { size: 'medium', label: '中', column: 80, paragraphGap: 1 },
  large: { size: 'large', label: '大', column: 64, paragraphGap: 1 },
  xlarge: { size: 'xlarge', label: '特大', column: 48, paragraphGap: 2 },
};

/** The default preset. */
export const DEFAULT_FONT_SIZE: FontSize = 'medium';

/** The narrowest column a preset is clamped to, however small the terminal. */
export const MIN_COLUMN = 20;

/** Reads a preset name: `small|medium|large|xlarge` or 小/中/大/特大; null when unknown. */
export function parseFontSize(text: string): FontSize | null {
  const name = text.trim().toLowerCase();
  for (const preset of Object.values(FONT_SIZE_PRESETS)) {
    if (preset.size === name || preset.label === name) return preset.size;
  }
  return null;
}

/** The next larger (`+1`) or smaller (`-1`) preset, staying at the ends. */
export function stepFontSize(size: FontSize, step: 1 | -1): FontSize {
  const index = FONT_SIZES.indexOf(size) + step;
  return FONT_SIZES[Math.max(0, Math.min(FONT_SIZES.length - 1, index))] ?? size;
}

/** Inputs of {@link resolveColumn}. */
export interface ColumnRequest {
  readonly size: FontSize;
  /** Terminal width, or null when not drawing to a terminal (then nothing is clamped). */
  readonly terminalColumns: number | null;
  /** An explicit `--width`: replaces the preset's column, still clamped to the terminal. */
  readonly width?: number | null;
}

/** The column to lay out at and where it starts. */
export interface Column {
  readonly width: number;
  /** Spaces before each line that centre the column in the terminal. */
  readonly offset: number;
  readonly paragraphGap: number;
}

/**
 * The text column of a preset: its width (or the `--width` override) clamped to the terminal
 * less a one-column margin each side, never below {@link MIN_COLUMN} (or the terminal, if narrower),
 * and the offset that centres it.
 */
export function resolveColumn(request: ColumnRequest): Column {
  const preset = FONT_SIZE_PRESETS[request.size];
  const wanted = request.width ?? preset.column;
  const terminal = request.terminalColumns;
  if (terminal === null) return { width: wanted, offset: 0, paragraphGap: preset.paragraphGap };
  const room = terminal - 2;
  const width = Math.max(Math.min(MIN_COLUMN, terminal), Math.min(wanted, room));
  return {
    width,
    offset: Math.max(0, Math.floor((terminal - width) / 2)),
    paragraphGap: preset.paragraphGap,
  };
}
