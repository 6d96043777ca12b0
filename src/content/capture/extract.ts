// Turns one message node into what the evidence records: speaker, author, text, and the
// page's own id for it when it has one. Returns null for everything that is not a message:
// typing indicators, date separators, receipts, quick-reply chips, banners.
import type { Speaker } from '../../lib/evidence/types';
import type { SiteAdapter } from '../../lib/capture/adapters';
import { classOf, isHidden } from './dom';
import { readsByIndex, type RowTemplate, type RowTemplates } from './row-templates';
import { lightAttr, lightChildren, parseSerializedRow, type LightElement, type SerializedRow } from './serialized-row';
import { alignmentOf, contentVotes, decideSpeaker, markupVotes, type Alignment, type Votes } from './speaker';
import { collapse, readLightText, readNodeText, type ElementRead } from './text';
import { isNeverMessageClass, isRecallNotice, isTypingIndicator, wordsOf } from './vocabulary';

export interface ExtractedMessage {
  speaker: Speaker;
  author: string | null;
  text: string;
  /** The page shows a "message recalled/deleted" notice here. */
  recall: boolean;
  /** Whether anything on the page voted for the speaker (false: a guess). */
  sure: boolean;
  /** The page's own id of the message (pageIdOf). */
  pageId: string | null;
  /** Read from a row template, so its markup has no open shadow roots to watch. */
  templated: boolean;
  /** Tag and class of the row and of its first child: rows of one shape share an uncertain speaker. */
  shape: string;
}

export interface ExtractContext {
  list: Element | ShadowRoot;
  adapter: SiteAdapter | null;
  /** Measure where text sits on screen (off in jsdom and when the frame has no layout). */
  layout: boolean;
  /** Check computed styles for hidden parts. */
  styles: boolean;
  /** Row templates of this list: rows of known markup are read from their HTML (much cheaper). */
  templates?: RowTemplates;
}

const ID_ATTRS = ['data-message-id', 'data-msg-id', 'data-msgid', 'data-mid', 'data-id', 'data-uuid', 'data-key', 'data-item-id', 'key', 'id'];

const usableId = (v: string | null): v is string => !!v && v.length <= 200 && !/^(?:undefined|null|)$/.test(v);

/** The page's own stable id of a message (data-id, data-message-id, id…), on it or a direct child. */
export function pageIdOf(item: Element): string | null {
  const candidates = [item, ...Array.from(item.children).slice(0, 3)];
  for (const attr of ID_ATTRS) {
    for (const el of candidates) {
      const v = el.getAttribute(attr);
      if (usableId(v)) return `${attr}=${v}`;
    }
  }
  return null;
}

/** pageIdOf's candidates in a light row: the row and its first three element children. */
const idCandidates = (root: LightElement) => [root, ...lightChildren(root).slice(0, 3)];

/** The attributes of a row's markup that may hold its page id, in pageIdOf's order. */
function idSourcesOf(root: LightElement): [number, string][] {
  const candidates = idCandidates(root);
  const sources: [number, string][] = [];
  for (const attr of ID_ATTRS) candidates.forEach((el, i) => lightAttr(el, attr) !== null && sources.push([i, attr]));
  return sources;
}

function lightPageId(root: LightElement, sources: [number, string][]): string | null {
  if (!sources.length) return null;
  const candidates = idCandidates(root);
  for (const [i, attr] of sources) {
    const v = lightAttr(candidates[i], attr);
    if (usableId(v)) return `${attr}=${v}`;
  }
  return null;
}

const CHROME_ROW_WORDS = new Set(['placeholder', 'divider', 'separator', 'banner', 'welcome', 'intro', 'hero', 'empty', 'toolbar', 'scroll', 'jump', 'date', 'day', 'time', 'timestamp']);
const MESSAGE_ROW_WORDS = new Set(['message', 'msg', 'bubble', 'comment', 'reply']);

/** True when the node's own class says it is chrome: typing indicator, date divider, banner, composer. */
function isChromeItem(item: Element): boolean {
  const cls = classOf(item);
  if (isNeverMessageClass(cls)) return true;
  const words = wordsOf(cls);
  // "date-divider", "welcome-banner" rows; but not "message welcome" or "msg time-stamped".
  if (words.some((w) => CHROME_ROW_WORDS.has(w)) && !words.some((w) => MESSAGE_ROW_WORDS.has(w))) return true;
  return /正在输入|分割线|分隔/.test(cls);
}

/** Layout is measured only when the markup leaves the speaker open: alignment moves any speaker by at most 7 votes. */
function isClose(votes: Votes): boolean {
  const ranked = Object.values(votes).sort((a, b) => b - a);
  return ranked[0] - ranked[1] < 8;
}

function message(text: string, author: string | null, votes: Votes, pageId: string | null, shape: string, templated: boolean): ExtractedMessage {
  const decided = decideSpeaker(votes);
  return { speaker: decided ?? 'agent', author, text, recall: isRecallNotice(text), sure: decided !== null, pageId, shape, templated };
}

function shapeOf(item: Element): string {
  return `${item.tagName.toLowerCase()}.${classOf(item)}|${item.firstElementChild ? classOf(item.firstElementChild) : ''}`;
}

function lightShape(root: LightElement): string {
  const first = lightChildren(root)[0];
  return `${root.tag}.${lightAttr(root, 'class') ?? ''}|${first ? (lightAttr(first, 'class') ?? '') : ''}`;
}

/** What reading a row node by node found, beyond the message: what a template of its markup keeps. */
interface NodeRead {
  message: ExtractedMessage | null;
  reject: boolean;
  markup: Votes | null;
  alignment: Alignment;
}

function readNodes(item: Element, ctx: ExtractContext, reads?: Map<Element, ElementRead>): NodeRead {
  const none = (reject: boolean): NodeRead => ({ message: null, reject, markup: null, alignment: null });
  if ((item as HTMLElement).hidden || item.getAttribute('aria-hidden') === 'true') return none(true);
  if (!ctx.adapter && isChromeItem(item)) return none(true);
  if (ctx.styles && isHidden(item)) return none(true);
  const textEl = ctx.adapter?.text ? item.querySelector(ctx.adapter.text) ?? item : item;
  const read = readNodeText(textEl, ctx.styles, reads, ctx.adapter?.time);
  let author = read.author;
  if (ctx.adapter?.author) {
    const a = item.querySelector(ctx.adapter.author);
    if (a) author = collapse(a.textContent ?? '').replace(/[:：]$/, '') || null;
  }
  let text = read.text;
  if (ctx.adapter?.author && author && text.startsWith(author)) text = text.slice(author.length).replace(/^[:：]\s*/, '');
  if (!text || isTypingIndicator(text)) return none(false);
  // Measuring forces a synchronous layout per message: only when the markup leaves the speaker open.
  const markup = markupVotes(item, ctx.list, ctx.adapter);
  let votes = contentVotes(markup, text, author, null);
  let alignment: Alignment = null;
  if (ctx.layout && isClose(votes)) {
    alignment = alignmentOf(read.textNodes, ctx.list instanceof ShadowRoot ? ctx.list.host : ctx.list, item);
    if (alignment) votes = contentVotes(markup, text, author, alignment);
  }
  return { message: message(text, author, votes, pageIdOf(item), shapeOf(item), false), reject: false, markup, alignment };
}

/** The message of a row read through its template; undefined when the template does not cover it. */
function readTemplated(template: RowTemplate, row: SerializedRow, ctx: ExtractContext): ExtractedMessage | null | undefined {
  if (template.reject) return null;
  const read = readLightText(row.root, template.reads);
  if (!read) return undefined;
  const { text, author } = read;
  if (!text || isTypingIndicator(text)) return null;
  let votes = contentVotes(template.markup, text, author, null);
  if (ctx.layout && isClose(votes)) {
    if (!template.alignment) return undefined;
    votes = contentVotes(template.markup, text, author, template.alignment);
  }
  return message(text, author, votes, lightPageId(row.root, template.idSources), lightShape(row.root), true);
}

const same = (a: ExtractedMessage | null | undefined, b: ExtractedMessage | null) =>
  a === b || (!!a && !!b && a.text === b.text && a.author === b.author && a.speaker === b.speaker && a.sure === b.sure && a.recall === b.recall && a.pageId === b.pageId && a.shape === b.shape);

/** Reads a row node by node and keeps what it taught as the template of its markup, if reading its HTML agrees. */
function learnTemplate(item: Element, row: SerializedRow, ctx: ExtractContext, templates: RowTemplates): ExtractedMessage | null {
  const recorded = new Map<Element, ElementRead>();
  const read = readNodes(item, ctx, recorded);
  const reads = readsByIndex(item, row, recorded);
  let template: RowTemplate | false = false;
  if (reads) {
    const markup = read.markup ?? markupVotes(item, ctx.list, ctx.adapter);
    const candidate: RowTemplate = { reject: read.reject, reads, markup, alignment: read.alignment, idSources: idSourcesOf(row.root) };
    if (same(readTemplated(candidate, row, ctx), read.message)) template = candidate;
  }
  templates.set(row.skeleton, template);
  return read.message;
}

/** What `item` says, or null when it is not a message. */
export function extractMessage(item: Element, ctx: ExtractContext): ExtractedMessage | null {
  const templates = ctx.templates;
  // Templates cover rows that are the list's own children, read by the generic engine.
  if (!templates || ctx.adapter || item.parentNode !== ctx.list) return readNodes(item, ctx).message;
  const row = parseSerializedRow(item.outerHTML);
  if (!row) return readNodes(item, ctx).message;
  const template = templates.get(row.skeleton);
  if (template === undefined) return templates.full ? readNodes(item, ctx).message : learnTemplate(item, row, ctx, templates);
  if (template) {
    const fast = readTemplated(template, row, ctx);
    if (fast !== undefined) {
      templates.stats.hits++;
      return fast;
    }
  }
  const read = readNodes(item, ctx);
  // A row that needed its position measured teaches the template where rows of this markup sit.
  if (template && !template.alignment && read.alignment) template.alignment = read.alignment;
  return read.message;
}
