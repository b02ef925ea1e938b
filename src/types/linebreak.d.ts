// Types for the `linebreak` package (foliojs, UAX #14), which ships none.
declare module 'linebreak' {
  /** One break opportunity: before the UTF-16 offset `position`; `required` for hard breaks (newlines). */
  export interface Break {
    readonly position: number;
    readonly required: boolean;
  }
  /** Iterates the UAX #14 break opportunities of a string, in order; `nextBreak()` returns null at the end. */
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
