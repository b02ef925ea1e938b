// Colours and marks of the UI. With NO_COLOR, colours are dropped and only bold, dim and inverse
// remain (the NO_COLOR convention allows those).

export interface Theme {
  /** Accent for the brand, the selected tab and headings. */
  readonly accent: string | undefined;
  readonly favorite: string | undefined;
  readonly error: string | undefined;
  readonly ok: string | undefined;
  readonly muted: string | undefined;
  readonly marks: {
    readonly cursor: string;
    readonly unread: string;
    readonly favorite: string;
  };
}

const marks = { cursor: '›', unread: '●', favorite: '★' } as const;

/** The theme for a terminal, with or without colour. */
export function createTheme(useColor: boolean): Theme {
  if (!useColor)
    return {
      accent: undefined,
      favorite: undefined,
      error: undefined,
      ok: undefined,
      muted: undefined,
      marks,
    };
  return { accent: 'cyan', favorite: 'yellow', error: 'red', ok: 'green', muted: 'gray', marks };
}
