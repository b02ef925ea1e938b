// Aligns plain-text command output in columns, measuring display width (CJK is 2 columns).
import stringWidth from 'string-width';

/**
 * Pads every cell but the last of each row to its column's widest cell, two spaces apart.
 * Cells must already be sanitized single lines.
 */
export function formatColumns(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, stringWidth(cell));
    });
  }
  return rows.map((row) =>
    row
      .map((cell, i) =>
        i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - stringWidth(cell)),
      )
      .join('  ')
      .trimEnd(),
  );
}
