// The side panel's text: 今日热词 (hot words with counts) and 点击排行 (most read over 3 days /
// a week / a month), laid out to the panel's width and height. Pure; no react/ink.
import { labels } from './labels.js';
import { RANK_WINDOWS, type AppState } from './state.js';
import { fitToWidth, padStartToWidth, truncateToWidth } from './text-fit.js';

/** One panel line; headings are drawn bold. */
export interface PanelLine {
  readonly text: string;
  readonly isHeading: boolean;
}

/** Lines of the side panel, at most `height`, each exactly `width` columns. */
export function panelLines(state: AppState, width: number, height: number): PanelLine[] {
  const t = labels(state.lang);
  const lines: PanelLine[] = [];
  const half = Math.max(2, Math.floor(height / 2));
  lines.push({ text: fitToWidth(t.hotWords, width), isHeading: true });
  if (state.hotWords.length === 0) {
    const text = state.areInsightsLoaded ? t.noHotWords : t.counting;
    lines.push({ text: fitToWidth(` ${text}`, width), isHeading: false });
  }
  for (const word of state.hotWords.slice(0, half - 1)) {
    const count = String(word.count);
    lines.push({
      text:
        fitToWidth(
          ` ${truncateToWidth(word.term, width - count.length - 2)}`,
          width - count.length - 1,
        ) + ` ${count}`,
      isHeading: false,
    });
  }
  while (lines.length < half) lines.push({ text: ' '.repeat(width), isHeading: false });
  const windows = RANK_WINDOWS.map((days) =>
    days === state.rankWindow ? `[${t.rankWindow(days)}]` : t.rankWindow(days),
  ).join(' ');
  lines.push({ text: fitToWidth(`${t.mostRead} ${windows}`, width), isHeading: true });
  const rank = state.rank[state.rankWindow];
  if (rank.length === 0) {
    const text = state.areInsightsLoaded ? t.noRank : t.counting;
    lines.push({ text: fitToWidth(` ${text}`, width), isHeading: false });
  }
  rank.slice(0, Math.max(0, height - lines.length)).forEach((entry, index) => {
    const n = padStartToWidth(String(index + 1), 2);
    lines.push({ text: fitToWidth(`${n} ${entry.title}`, width), isHeading: false });
  });
  return lines.slice(0, height);
}
