// The status line: refresh progress with a spinner, last refresh, feed errors, offline, filters;
// a notice (saved, copied, an error) takes it over for a few seconds.
import { Text } from 'ink';
import { absoluteTime } from '../../app/format-time.js';
import { labels } from '../../app/labels.js';
import { statusInfo } from '../../app/selectors.js';
import type { AppState } from '../../app/state.js';
import { displayWidth, truncateToWidth } from '../../app/text-fit.js';
import type { Theme } from '../theme.js';
import { Spinner } from './spinner.js';

export interface StatusLineProps {
  readonly state: AppState;
  readonly width: number;
  readonly theme: Theme;
}

/** One line of status, never wider than `width`. */
export function StatusLine({ state, width, theme }: StatusLineProps) {
  const t = labels(state.lang);
  if (state.notice !== null) {
    return (
      <Text color={state.notice.tone === 'error' ? theme.error : theme.ok} bold>
        {truncateToWidth(state.notice.text, width)}
      </Text>
    );
  }
  const info = statusInfo(state);
  const parts: string[] = [];
  if (info.isRefreshing) parts.push(t.refreshing(info.done, info.total));
  else if (info.lastRefreshAt !== null)
    parts.push(t.updatedAt(absoluteTime(info.lastRefreshAt).slice(11)));
  parts.push(t.unreadCount(info.unreadCount));
  if (state.isUnreadOnly) parts.push(t.unreadOnly);
  const lead = info.isRefreshing ? 2 : 0;
  const text = truncateToWidth(parts.join(' · '), Math.max(0, width - lead));
  let room = width - lead - displayWidth(text);
  const errors = info.errorCount > 0 ? ` · ${t.feedErrors(info.errorCount)}` : '';
  const showErrors = errors !== '' && displayWidth(errors) <= room;
  if (showErrors) room -= displayWidth(errors);
  const offline = info.isOffline ? ` · ${t.offline}` : '';
  const showOffline = offline !== '' && displayWidth(offline) <= room;
  return (
    <Text>
      {info.isRefreshing ? (
        <>
          <Spinner color={theme.accent} />{' '}
        </>
      ) : null}
      <Text color={theme.muted}>{text}</Text>
      {showErrors ? <Text color={theme.error}>{errors}</Text> : null}
      {showOffline ? (
        <Text color={theme.error} bold>
          {offline}
        </Text>
      ) : null}
    </Text>
  );
}
