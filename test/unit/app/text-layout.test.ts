import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { layoutTabStrip } from '../../../src/app/tab-strip.js';
import { pageBar } from '../../../src/app/page-bar.js';
import { formatItemRow } from '../../../src/app/rows.js';
import { truncateToWidth, fitToWidth, dropLastGrapheme } from '../../../src/app/text-fit.js';
import { relativeTime } from '../../../src/app/format-time.js';

const marks = { cursor: '›', unread: '●', favorite: '★' };
const NOW = Date.parse('2026-01-01T12:00:00Z');

describe('fitting text by display width', () => {
  it('cuts CJK, emoji and Latin without splitting a character', () => {
    expect(truncateToWidth('一二三四五六七八九十', 9)).toBe('一二三四…');
    expect(stringWidth(truncateToWidth('一二三四五六七八九十', 9))).toBe(9);
    expect(truncateToWidth('👨‍👩‍👧 family', 3)).toBe('👨‍👩‍👧…');
    expect(truncateToWidth('👨‍👩‍👧 family', 4)).toBe('👨‍👩‍👧 …');
    expect(fitToWidth('abc', 5)).toBe('abc  ');
    expect(dropLastGrapheme('福州👨‍👩‍👧')).toBe('福州');
  });

  it('lays out a list row to exactly the width, at every width', () => {
    const item = {
      title: '福州地铁新线开通初期运营 串联主城与滨海新城',
      source: '榕城在线',
      published: '2026-01-01T09:00:00Z',
      isRead: false,
      isFavorite: true,
    };
    for (let width = 20; width <= 120; width++) {
      const row = formatItemRow(item, true, { width, now: NOW, lang: 'zh', marks });
      expect(stringWidth(row.main + row.tail)).toBe(width);
    }
    const row = formatItemRow(item, true, { width: 80, now: NOW, lang: 'zh', marks });
    expect(row.main.startsWith('›● 福州地铁新线开通初期运营')).toBe(true);
    expect(row.tail).toBe(' 榕城在线       3小时前 ★');
  });

  it('keeps the selected tab visible in a narrow bar', () => {
    const labels = ['全部', '要闻', '国内', '国际', '财经', '科技', '体育', '娱乐'];
    for (const width of [10, 20, 30, 80]) {
      for (let selected = 0; selected < labels.length; selected++) {
        const segments = layoutTabStrip(labels, selected, width);
        expect(stringWidth(segments.map((s) => s.text).join(''))).toBeLessThanOrEqual(width);
        expect(segments.find((s) => s.isSelected)?.text).toBe(` ${labels[selected]} `);
      }
    }
  });

  it('draws the page bar and windows it when long', () => {
    expect(pageBar(2, 4, 80)).toBe('‹ 1 2 [3] 4 ›');
    expect(pageBar(9, 20, 30)).toBe('‹ 1 … 8 9 [10] 11 12 … 20 ›');
    expect(pageBar(9, 20, 40)).toBe('‹ 1 … 7 8 9 [10] 11 12 13 … 20 ›');
    expect(pageBar(9, 20, 12)).toBe('[10]/20');
  });

  it('gives relative times in both languages', () => {
    expect(relativeTime('2026-01-01T11:59:30Z', NOW, 'zh')).toBe('刚刚');
    expect(relativeTime('2026-01-01T11:55:00Z', NOW, 'en')).toBe('5m ago');
    expect(relativeTime('2025-12-30T12:00:00Z', NOW, 'zh')).toBe('2天前');
    expect(relativeTime(null, NOW, 'zh')).toBe('');
  });
});
