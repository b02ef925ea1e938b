// Prepares an article page's HTML for readability in one pass of htmlparser2 (the tokenizer linkedom
// itself parses with, so the tree is the one linkedom would build): what is never content goes, and
// what readability would throw away first is reduced to its text. Pure: a string in, a string out.
import { Parser } from 'htmlparser2';
import type { LinkCollector } from './find-next-page.js';

/** What {@link prunePage} removes beyond the never-content elements. */
export interface PruneOptions {
  /**
   * Also reduce readability's "unlikely candidates" (comment sections, sidebars, footers, menus…)
   * to their text and headings. Readability removes those itself on its first attempt, before it
   * looks at their contents; when that attempt fails it retries on the whole page, so a caller
   * must then extract from a page prepared without this. @default false
   */
  readonly unlikely?: boolean;
  /** Also given every tokenizer event, to collect the page's links in the same pass. */
  readonly links?: LinkCollector;
}

/** Elements that are never article content: dropped with everything inside. */
const INERT = new Set([
  'script',
  'style',
  'svg',
  'template',
  'noscript',
  'iframe',
  'object',
  'select',
  'textarea',
  'nav',
]);

/** htmlparser2's void elements: an open tag and no close tag. */
const VOID = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** Tags whose text the tokenizer does not decode: written back as it came. */
const RAW_TEXT = new Set(['xmp', 'script', 'style']);

/**
 * Block-level tags: whitespace between one of them and another tag renders as nothing, but linkedom
 * makes a text node of each run (a third of a portal page's nodes, and each node costs).
 */
const BLOCK = new Set(
  'div p ul ol li table thead tbody tfoot tr td th section article main header footer aside nav h1 h2 h3 h4 h5 h6 dl dt dd figure figcaption blockquote form head body html meta link title hr br center option select'.split(
    ' ',
  ),
);

/** Readability 0.6's tests for an unlikely candidate (Readability.REGEXPS, UNLIKELY_ROLES). */
const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const MAYBE_CANDIDATE = /and|article|body|column|content|main|shadow/i;
const UNLIKELY_ROLES = new Set([
  'menu',
  'menubar',
  'complementary',
  'navigation',
  'alert',
  'alertdialog',
  'dialog',
]);
const BYLINE = /byline|author|dateline|writtenby|p-author/i;

/**
 * Elements that may be reduced: never phrasing content (readability would wrap it into a new
 * paragraph with its neighbours and measure that paragraph's links), never a `p`.
 */
const REDUCIBLE = new Set(
  'div section aside header footer ul ol li dl dd dt table blockquote figure'.split(' '),
);

/**
 * Elements a reduced element may sit in (up from `body`): readability walks them without looking
 * inside (no `table` or `code` ancestor, which would spare an unlikely candidate; no paragraph or
 * inline element, whose text readability measures while its children are still there).
 */
const STRUCTURAL = new Set(
  'html body div section article main aside header footer ul ol li dl dd dt blockquote figure center form'.split(
    ' ',
  ),
);

/** Readability's DIV_TO_P_ELEMS: their presence inside a `div` keeps it a `div`. */
const BLOCK_CHILD = new Set('blockquote dl div img ol p pre table ul'.split(' '));

/** Kept whole inside a reduced element: readability reads them before it removes the element. */
const KEPT = new Set(['h1', 'h2', 'title', 'meta', 'base']);

/** A list of eight or more items that are nothing but a link (channel menus, "related news"). */
const LINK_FARM_ITEMS = 8;
const LINK_TEXT_MAX = 120;
const LINK_NOTE_MAX = 40;
const LINK_NOTE = new Set(['span', 'em', 'i', 'time']);

/** A form holding this many paragraphs is the page (ASP.NET wraps the whole body in one). */
const FORM_PARAGRAPHS = 3;

type Attributes = Record<string, string>;

function escapeText(text: string): string {
  if (text.indexOf('&') === -1 && text.indexOf('<') === -1) return text;
  return text.replace(/[&<]/g, (c) => (c === '&' ? '&amp;' : '&lt;'));
}

function escapeAttribute(value: string): string {
  if (value.indexOf('&') === -1 && value.indexOf('"') === -1) return value;
  return value.replace(/[&"]/g, (c) => (c === '&' ? '&amp;' : '&quot;'));
}

/**
 * Attributes nothing downstream reads: event handlers, link targets and the like. (Not `data-*`:
 * lazy images keep their source there, and pages their publication time.) linkedom makes a node of
 * every attribute, and a portal page has thousands of them.
 */
const UNREAD_ATTRIBUTES = new Set([
  'target',
  'tabindex',
  'spellcheck',
  'autocomplete',
  'draggable',
]);

/**
 * Whether an attribute is written: readability reads a `style` only for `display` and
 * `visibility` (and removes every `style` from the article it returns).
 */
function isRead(key: string, value: string): boolean {
  if (key.length > 2 && (key.charCodeAt(0) | 0x20) === 0x6f && (key.charCodeAt(1) | 0x20) === 0x6e)
    return !/^on[a-z]+$/i.test(key);
  if (UNREAD_ATTRIBUTES.has(key.toLowerCase())) return false;
  return key !== 'style' || /display|visibility/i.test(value);
}

function openTag(name: string, attributes: Attributes): string {
  let tag = `<${name}`;
  for (const key in attributes) {
    const value = attributes[key] ?? '';
    if (isRead(key, value)) tag += ` ${key}="${escapeAttribute(value)}"`;
  }
  return `${tag}>`;
}

const SPACE = /^\s*$/;

/** Attribute lookup as readability's DOM calls see it: names as written, compared exactly. */
function hasOddName(attributes: Attributes): boolean {
  for (const key in attributes) {
    const lower = key.toLowerCase();
    if (lower !== key && /^(?:class|id|role|rel|itemprop)$/.test(lower)) return true;
  }
  return false;
}

function matchString(attributes: Attributes): string {
  return `${attributes.class ?? ''} ${attributes.id ?? ''}`;
}

function isBylineLike(attributes: Attributes): boolean {
  const { class: className, id } = attributes;
  return (
    attributes.rel === 'author' ||
    (attributes.itemprop ?? '').includes('author') ||
    ((className !== undefined || id !== undefined) && BYLINE.test(matchString(attributes)))
  );
}

function isUnlikely(name: string, attributes: Attributes): boolean {
  if (!REDUCIBLE.has(name) || hasOddName(attributes) || isBylineLike(attributes)) return false;
  const match = matchString(attributes);
  if (UNLIKELY.test(match) && !MAYBE_CANDIDATE.test(match)) return true;
  return UNLIKELY_ROLES.has(attributes.role ?? '');
}

/** The reduced copy of an unlikely candidate: its open tag, its text, its kept elements. */
interface Reduction {
  readonly parts: string[];
  /** Depth inside a kept element (written whole). */
  kept: number;
  /** A block element (readability's DIV_TO_P_ELEMS) was inside. */
  blocks: number;
  hasText: boolean;
  /** An element boundary since the last text: the next text starts a new line. */
  boundary: boolean;
}

interface Snapshot {
  readonly out: number;
  readonly lastWasBlock: boolean;
  readonly parts: number;
  readonly blocks: number;
  readonly hasText: boolean;
}

/** A `ul`/`ol` being checked for a link farm. */
interface ListCheck {
  readonly depth: number;
  ok: boolean;
  items: number;
  /** In the current item: 0 before the link, 1 in it, 2 after it, 3 in the note, 4 after it. */
  phase: number;
  chars: number;
}

interface Open {
  readonly name: string;
  /** Where the element starts, for those that may be dropped or reduced (else null). */
  readonly snapshot: Snapshot | null;
  /** Counts toward `blockers` (see {@link Pruner}). */
  readonly blocks: boolean;
  readonly list: ListCheck | null;
  readonly form: { paragraphs: number; article: boolean } | null;
  readonly reduction: Reduction | null;
}

class Pruner {
  private readonly out: string[] = [];
  private readonly stack: Open[] = [];
  /** Depth of elements inside a dropped (inert) element. */
  private skip = 0;
  /** The text since the last tag, not yet written (see {@link text}). */
  private pendingHtml = '';
  private pendingText = '';
  private pendingHasText = false;
  private lastWasBlock = false;
  /** Open elements that a reduced element may not sit in (non-structural, byline-like). */
  private blockers = 0;
  private inBody = 0;
  private reduction: Reduction | null = null;
  private lists: ListCheck[] = [];
  private forms: { paragraphs: number; article: boolean }[] = [];

  constructor(private readonly unlikely: boolean) {}

  result(): string {
    this.flushPending(false);
    return this.out.join('');
  }

  doctype(data: string): void {
    if (this.skip > 0) return;
    this.flushPending(false);
    this.out.push(`<${data}>`);
  }

  open(name: string, attributes: Attributes): void {
    if (this.skip > 0 || INERT.has(name)) {
      this.skip += 1;
      return;
    }
    const isBlock = BLOCK.has(name);
    this.flushPending(isBlock);
    this.checkListOpen(name);
    for (const form of this.forms) {
      if (name === 'p') form.paragraphs += 1;
      if (name === 'article' || name === 'h1') form.article = true;
    }
    const current = this.reduction;
    const isCandidate =
      current === null &&
      this.unlikely &&
      this.inBody > 0 &&
      this.blockers === 0 &&
      isUnlikely(name, attributes);
    const isRemovable = isCandidate || name === 'ul' || name === 'ol' || name === 'form';
    const snapshot = isRemovable ? this.snapshot() : null;
    const tag = openTag(name, attributes);
    this.out.push(tag);
    this.lastWasBlock = isBlock;

    let reduction: Reduction | null = null;
    if (current !== null) {
      if (BLOCK_CHILD.has(name)) current.blocks += 1;
      if (current.kept > 0 || KEPT.has(name)) {
        current.parts.push(tag);
        if (!VOID.has(name)) current.kept += 1;
      } else {
        current.boundary = true;
      }
    } else if (isCandidate) {
      reduction = { parts: [tag], kept: 0, blocks: 0, hasText: false, boundary: false };
      this.reduction = reduction;
    }
    // Only counted where it matters: outside a reduction, when reducing at all.
    const blocks =
      this.unlikely &&
      reduction === null &&
      this.reduction === null &&
      this.inBody > 0 &&
      name !== 'body' &&
      (!STRUCTURAL.has(name) || isBylineLike(attributes));
    if (blocks) this.blockers += 1;
    if (name === 'body') this.inBody += 1;
    const list: ListCheck | null =
      name === 'ul' || name === 'ol'
        ? { depth: this.stack.length, ok: true, items: 0, phase: 0, chars: 0 }
        : null;
    if (list !== null) this.lists.push(list);
    const form = name === 'form' ? { paragraphs: 0, article: false } : null;
    if (form !== null) this.forms.push(form);
    this.stack.push({ name, snapshot, blocks, list, form, reduction });
  }

  close(name: string): void {
    if (this.skip > 0) {
      this.skip -= 1;
      return;
    }
    const element = this.stack.pop();
    if (element === undefined) return;
    const isBlock = BLOCK.has(name);
    this.flushPending(isBlock);
    this.checkListClose();
    if (element.blocks) this.blockers -= 1;
    if (name === 'body') this.inBody -= 1;
    if (element.list !== null) this.lists.pop();
    if (element.form !== null) this.forms.pop();

    if (!VOID.has(name)) this.out.push(`</${name}>`);
    this.lastWasBlock = isBlock;
    const current = this.reduction;
    if (current !== null && element.reduction === null) {
      if (current.kept > 0 && !VOID.has(name)) {
        current.parts.push(`</${name}>`);
        current.kept -= 1;
      } else {
        current.boundary = true;
      }
    }

    const list = element.list;
    const isLinkFarm = list !== null && list.ok && list.items >= LINK_FARM_ITEMS;
    const form = element.form;
    const isEmptyForm = form !== null && !form.article && form.paragraphs < FORM_PARAGRAPHS;
    if ((isLinkFarm || isEmptyForm) && element.snapshot !== null) {
      this.restore(element.snapshot);
      if (element.reduction !== null) this.reduction = null;
      return;
    }
    if (element.reduction !== null && element.snapshot !== null) {
      this.reduction = null;
      const reduced = element.reduction;
      if (!reduced.hasText) return;
      this.out.length = element.snapshot.out;
      for (const part of reduced.parts) this.out.push(part);
      if (reduced.blocks > 0) this.out.push('<div></div>');
      this.out.push(`</${name}>`);
    }
  }

  text(data: string): void {
    if (this.skip > 0) return;
    this.checkListText(data);
    const parent = this.stack.at(-1)?.name ?? '';
    // The tokenizer may hand one text node over in pieces (around entities): held until the next
    // tag, so a node that is only whitespace is judged whole.
    this.pendingHtml += RAW_TEXT.has(parent) ? data : escapeText(data);
    this.pendingText += data;
    if (parent === 'pre' || !SPACE.test(data)) this.pendingHasText = true;
  }

  /**
   * Writes the text held back; a text node of nothing but whitespace is dropped when the tag
   * that follows it (or the one before) is a block.
   */
  private flushPending(nextIsBlock: boolean): void {
    if (this.pendingHtml === '') return;
    const html = this.pendingHtml;
    const text = this.pendingText;
    const hasText = this.pendingHasText;
    this.pendingHtml = '';
    this.pendingText = '';
    this.pendingHasText = false;
    if (!hasText && (nextIsBlock || this.lastWasBlock)) return;
    this.write(html, text);
    if (hasText) this.lastWasBlock = false;
  }

  private write(html: string, text: string): void {
    this.out.push(html);
    const current = this.reduction;
    if (current === null) return;
    if (current.kept > 0) {
      current.parts.push(html);
      return;
    }
    if (SPACE.test(text)) return;
    if (current.boundary && current.hasText) current.parts.push('\n');
    current.boundary = false;
    current.parts.push(html);
    current.hasText = true;
  }

  private snapshot(): Snapshot {
    const current = this.reduction;
    return {
      out: this.out.length,
      lastWasBlock: this.lastWasBlock,
      parts: current?.parts.length ?? 0,
      blocks: current?.blocks ?? 0,
      hasText: current?.hasText ?? false,
    };
  }

  private restore(snapshot: Snapshot): void {
    this.out.length = snapshot.out;
    this.lastWasBlock = snapshot.lastWasBlock;
    const current = this.reduction;
    if (current === null) return;
    current.parts.length = Math.min(current.parts.length, snapshot.parts);
    current.blocks = snapshot.blocks;
    current.hasText = snapshot.hasText;
  }

  /** The innermost list being checked, and how deep the next event is below it. */
  private listLevel(): { list: ListCheck; level: number } | null {
    const list = this.lists.at(-1);
    if (list === undefined || !list.ok) return null;
    return { list, level: this.stack.length - list.depth };
  }

  private checkListOpen(name: string): void {
    const at = this.listLevel();
    if (at === null) return;
    const { list, level } = at;
    // level 1: a child of the list; 2: a child of an item; deeper: inside the link or the note.
    if (level === 1) {
      if (name === 'li') list.phase = 0;
      else list.ok = false;
    } else if (level === 2 && name === 'a' && list.phase === 0) {
      list.phase = 1;
      list.chars = 0;
    } else if (level === 2 && LINK_NOTE.has(name) && list.phase === 2) {
      list.phase = 3;
      list.chars = 0;
    } else {
      list.ok = false;
    }
  }

  private checkListClose(): void {
    const at = this.listLevel();
    if (at === null) return;
    const { list, level } = at;
    // Called once the element is off the stack: level 1 is an item, 2 the link or the note.
    if (level === 1) {
      if (list.phase < 2) list.ok = false;
      else list.items += 1;
    } else if (level === 2) {
      list.phase = list.phase === 1 ? 2 : 4;
    }
  }

  private checkListText(data: string): void {
    const at = this.listLevel();
    if (at === null) return;
    const { list, level } = at;
    if (level <= 2) {
      if (!SPACE.test(data)) list.ok = false;
      return;
    }
    list.chars += data.length;
    if (list.chars > (list.phase === 1 ? LINK_TEXT_MAX : LINK_NOTE_MAX)) list.ok = false;
  }
}

/**
 * The page's HTML without what is never article content: scripts, styles, comments, SVG,
 * templates, frames, navigation, form controls, forms that hold no paragraphs, link-farm lists
 * (eight or more items that are nothing but a link, perhaps with a date: channel menus, "related
 * news", footer link walls), and whitespace between block tags. With `unlikely`, readability's
 * unlikely candidates are reduced as well (see {@link PruneOptions}). Every element is written with
 * its close tag, so linkedom builds the tree htmlparser2 saw, minus what was dropped.
 */
export function prunePage(html: string, options: PruneOptions = {}): string {
  const pruner = new Pruner(options.unlikely === true);
  const links = options.links;
  // A tag cut off by the end of the page is closed without having been opened: ignored.
  const opened: string[] = [];
  const parser = new Parser(
    {
      onprocessinginstruction: (_name, data) => pruner.doctype(data),
      onopentag: (name, attributes) => {
        opened.push(name);
        links?.onOpen(name, attributes);
        pruner.open(name, attributes);
      },
      onclosetag: (name) => {
        if (opened.at(-1) !== name) return;
        opened.pop();
        links?.onClose(name);
        pruner.close(name);
      },
      ontext: (data) => {
        links?.onText(data);
        pruner.text(data);
      },
    },
    { lowerCaseAttributeNames: false, decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return pruner.result();
}
