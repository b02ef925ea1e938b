// The article: header (title, time, author, source, editor, length), the current page from the
// layout, the page bar, the action bar, and 相关阅读 at the end of the last page.
import type { ReactElement } from 'react';
import { Box, Text } from 'ink';
import type { KeyBinding } from '../../keymap/key-table.js';
import { displayKey } from '../../keymap/key-names.js';
import type { Operation } from '../../keymap/operations.js';
import { ARTICLE_CHROME_ROWS, articleView, pageHeight } from '../../app/article-view.js';
import { absoluteTime } from '../../app/format-time.js';
import { labels } from '../../app/labels.js';
import { pageBar } from '../../app/page-bar.js';
import { plainRow } from '../../app/rows.js';
import { favoriteIds } from '../../app/selectors.js';
import type { AppState, ArticleScreen as ArticleScreenState } from '../../app/state.js';
import { wrapText } from '../../core/articles/wrap-text.js';
import { HintLine } from '../components/hint-line.js';
import { StatusLine } from '../components/status-line.js';
import type { Theme } from '../theme.js';

export interface ArticleScreenProps {
  readonly state: AppState;
  readonly screen: ArticleScreenState;
  readonly bindings: readonly KeyBinding[];
  readonly theme: Theme;
}

function keyOf(bindings: readonly KeyBinding[], op: Operation): string {
  const row = bindings.find(
    (b) => b.op === op && b.contexts.includes('article') && b.keys.length > 0,
  );
  return row === undefined ? '' : displayKey(row.keys[0]!);
}

/** Title in at most two lines, the second ending with … when cut. */
function titleLines(title: string, width: number): [string, string] {
  const lines = wrapText(title, Math.max(2, width));
  const first = lines[0] ?? '';
  if (lines.length <= 2) return [first, lines[1] ?? ''];
  return [first, plainRow(`${lines.slice(1).join(' ')}`, width).trimEnd()];
}

export function ArticleScreen({ state, screen, bindings, theme }: ArticleScreenProps) {
  const t = labels(state.lang);
  const { columns, rows } = state.viewport;
  const view = articleView(state, screen);
  const header = screen.load.status === 'ready' ? screen.load.article.header : null;
  const title = header?.title ?? screen.item.title;
  const [title1, title2] = titleLines(title, columns);
  const meta = [
    absoluteTime(header?.published ?? screen.item.published),
    header?.author ?? screen.item.author ?? '',
    header?.source ?? screen.item.source,
    header?.editor === null || header?.editor === undefined ? '' : `${t.editor}：${header.editor}`,
    screen.load.status === 'ready' ? t.chars(screen.load.article.length) : '',
    screen.load.status === 'ready'
      ? t.minutes(
          Math.max(1, Math.round(screen.load.article.length / (state.lang === 'zh' ? 400 : 1200))),
        )
      : '',
  ]
    .filter((part) => part !== '')
    .join(' · ');
  const bodyHeight = pageHeight(rows);
  const margin = ' '.repeat(view?.margin ?? 1);
  const isSaved = favoriteIds(state).has(screen.itemId);
  const size = t.fontSizes[state.fontSize];
  // 字号 comes second: on a narrow terminal the end of the bar is cut off.
  const actions = [
    `${keyOf(bindings, 'favorite.toggle')} ${isSaved ? `${theme.marks.favorite}${t.actions.unfavorite}` : t.actions.favorite}`,
    `${keyOf(bindings, 'font.larger')}/${keyOf(bindings, 'font.smaller')} ${t.actions.fontSize}:${size}`,
    `${keyOf(bindings, 'link.open')} ${t.actions.open}`,
    `${keyOf(bindings, 'link.copy')} ${t.actions.copy}`,
    `${keyOf(bindings, 'article.export')} ${t.actions.export}`,
  ].join('  ');
  let body: ReactElement;
  if (view !== null) {
    body = (
      <Box flexDirection="column" height={bodyHeight}>
        {view.lines.map((line, index) => {
          const isSelected =
            line.relatedIndex !== undefined && line.relatedIndex === screen.relatedCursor;
          return (
            <Text
              key={index}
              bold={line.kind === 'heading'}
              dimColor={
                line.kind === 'caption' ||
                line.kind === 'image' ||
                line.kind === 'link' ||
                line.kind === 'notice'
              }
              color={
                line.kind === 'heading'
                  ? theme.accent
                  : line.kind === 'quote'
                    ? theme.muted
                    : undefined
              }
              inverse={isSelected}
            >
              {margin}
              {isSelected ? `${theme.marks.cursor}${line.text.slice(1)}` : line.text}
            </Text>
          );
        })}
      </Box>
    );
  } else {
    const message =
      screen.load.status === 'error' ? t.articleFailed(screen.load.message) : t.loadingArticle;
    body = (
      <Box flexDirection="column" height={bodyHeight}>
        <Text color={screen.load.status === 'error' ? theme.error : theme.muted}>
          {plainRow(` ${message}`, columns)}
        </Text>
        {screen.item.summary === '' ? null : (
          <Text>{plainRow(` ${screen.item.summary}`, columns)}</Text>
        )}
      </Box>
    );
  }
  const bar =
    view === null
      ? ''
      : `${pageBar(view.pageIndex, view.pageCount, columns - 12)}  ${t.pageOf(view.pageIndex + 1, view.pageCount)}`;
  return (
    <Box flexDirection="column" height={bodyHeight + ARTICLE_CHROME_ROWS}>
      <Text bold color={theme.accent}>
        {title1}
      </Text>
      <Text bold color={theme.accent}>
        {title2 === '' ? ' ' : title2}
      </Text>
      <Text color={theme.muted}>{plainRow(meta, columns)}</Text>
      <Text color={theme.muted}>{'─'.repeat(columns)}</Text>
      {body}
      <Text>{plainRow(bar, columns)}</Text>
      {state.notice !== null ? (
        <StatusLine state={state} width={columns} theme={theme} />
      ) : (
        <Text color={theme.muted}>{plainRow(actions, columns)}</Text>
      )}
      <HintLine
        bindings={bindings}
        screen="article"
        lang={state.lang}
        width={columns}
        theme={theme}
      />
    </Box>
  );
}
