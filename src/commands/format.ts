// Small text formatters shared by the commands' plain-text output. Pure.

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Local time as `YYYY-MM-DD HH:mm`, or a dash for no date. */
export function formatLocalTime(iso: string | null): string {
  if (iso === null) return '----------------';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '----------------';
  return `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())} ${pad2(date.getHours())}:${pad2(date.getMinutes())}`;
}
