// Turns one message node into what the evidence records: speaker, author, text, and the
// page's own id for it when it has one. Returns null for everything that is not a message:
// typing indicators, date separators, receipts, quick-reply chips, banners.
import type { SiteAdapter } from '../../lib/capture/adapters';
import { collapse, type ElementRead } from '../../lib/capture/light-text';
import { ID_ATTRS, idSourcesOf, messageOf, readSelfContained, readTemplated, usableId, type ExtractedMessage, type RowTemplate } from '../../lib/capture/row-template';
import { parseSerializedRow, splitRow, type SerializedRow } from '../../lib/capture/serialized-row';
import { isNeverMessageClass, isTypingIndicator, wordsOf } from '../../lib/capture/vocabulary';
import { contentVotes, isClose, namesSender, type Alignment, type Votes } from '../../lib/capture/votes';
import type { Speaker } from '../../lib/evidence/types';
import { contentImageOf, drawnPictureOf, imageText, picturesBesideWords, withPicture } from './content-image';
import { contentMediaOf } from './content-media';
import type { PictureWait } from './picture-wait';
import { classOf, hostOf, isHidden, type HiddenCheck } from './dom';
import { readsByIndex, templateById, type RowTemplates, type SelfContained } from './row-templates';
import { alignmentOf, markupVotes } from './speaker';
import { readNodeText } from './text';

export type { ExtractedMessage } from '../../lib/capture/row-template';

export interface ExtractContext {
  list: Element | ShadowRoot;
  adapter: SiteAdapter | null;
  /** Measure where text sits on screen (off in jsdom and when the frame has no layout). */
  layout: boolean;
  /** Check computed styles for hidden parts (all hiding styles, or display alone: dom.ts); false: none. */
  styles: false | HiddenCheck;
  /** Row templates of this list: rows of known markup are read from their HTML (much cheaper). */
  templates?: RowTemplates;
  /** Author labels read in this list so far (a bare name above a bubble is taken for one of them). */
  authors?: Set<string>;
  /** The class attributes of the parts that held words in this list so far (text.ts ReadNodeOptions). */
  wordsClasses?: Set<string>;
  /** Told of a row that is no message because its style hides it: it may be shown later. */
  onHidden?(item: Element): void;
  /** Rows of words whose picture is loading, left unread for a moment (picture-wait.ts); absent: their words are read alone. */
  pictureWait?: PictureWait;
}

/**
 * A row left unread: its template is self-contained (row-template.ts), so the background
 * reads it from the values that fill the template's skeleton. `template` is the id RowTemplates gave it; `pageId` is read here, since
 * the tracker matches rows by it.
 */
export interface DeferredRow {
  /** What fills the template's skeleton into the row's HTML (splitRow). */
  values: string;
  template: number;
  pageId: string | null;
  /** The row's shape and the speaker its markup votes for: what the tracker's guess for unsure rows of a shape learns from. */
  shape: string;
  markupSpeaker: Speaker;
}

export const isDeferred = (ex: ExtractedMessage | DeferredRow): ex is DeferredRow => 'values' in ex;

/** Reads a row sent unread, as the background does (the tracker needs its text after all: edited, gone, matched). */
export function readDeferredRow(row: DeferredRow): ExtractedMessage | null {
  return readSelfContained(row.values, templateById(row.template)!);
}

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

/** pageIdOf over the sources a template found in rows of its markup, read from the DOM. */
function pageIdFrom(item: Element, sources: [number, string][]): string | null {
  for (const [i, attr] of sources) {
    const el = i === 0 ? item : item.children[i - 1];
    const v = el?.getAttribute(attr) ?? null;
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
  // A row made of a loader or typing animation and a short line ("Sarah …"): the typing bubble.
  if (Array.from(item.children).some((k) => isNeverMessageClass(classOf(k))) && collapse(item.textContent ?? '').length <= 40) return true;
  const words = wordsOf(cls);
  // "date-divider", "welcome-banner" rows; but not "message welcome" or "msg time-stamped".
  if (words.some((w) => CHROME_ROW_WORDS.has(w)) && !words.some((w) => MESSAGE_ROW_WORDS.has(w))) return true;
  return /正在输入|分割线|分隔/.test(cls);
}

/** Whether nothing is drawn after `item` in the list (no row, no typing indicator). */
function isLastRow(item: Element, list: Element | ShadowRoot): boolean {
  for (let n: Element | null = item; n && n !== list; n = n.parentElement) if (n.nextElementSibling) return false;
  return true;
}

function shapeOf(item: Element): string {
  return `${item.tagName.toLowerCase()}.${classOf(item)}|${item.firstElementChild ? classOf(item.firstElementChild) : ''}`;
}

/** What reading a row node by node found, beyond the message: what a template of its markup keeps. */
interface NodeRead {
  message: ExtractedMessage | null;
  reject: boolean;
  markup: Votes | null;
  alignment: Alignment;
  /** The alignment was measured (see RowTemplate). */
  measured: boolean;
  /** Rejected because its style hides it (which rows of its markup need not be). */
  hidden?: true;
  /** The row has words and an image beside them that may be a picture sent (picturesBesideWords). */
  pictured?: boolean;
}

/** With `reads` (learning a template): records what reading does with each element there, and measures the alignment whatever the votes. */
function readNodes(item: Element, ctx: ExtractContext, reads?: Map<Element, ElementRead>): NodeRead {
  const none = (reject: boolean): NodeRead => ({ message: null, reject, markup: null, alignment: null, measured: false });
  if ((item as HTMLElement).hidden || item.getAttribute('aria-hidden') === 'true') return none(true);
  if (!ctx.adapter && isChromeItem(item)) return none(true);
  if (ctx.styles && isHidden(item, ctx.styles)) {
    ctx.onHidden?.(item);
    return { ...none(true), hidden: true };
  }
  const textEl = ctx.adapter?.text ? item.querySelector(ctx.adapter.text) ?? item : item;
  const read = readNodeText(textEl, ctx.styles, { actions: reads, skipSelector: ctx.adapter?.time, knownAuthors: ctx.authors, wordsClasses: ctx.wordsClasses });
  let author = read.author;
  if (author && ctx.authors && ctx.authors.size < 50) ctx.authors.add(author);
  if (ctx.adapter?.author) {
    const a = item.querySelector(ctx.adapter.author);
    if (a) author = collapse(a.textContent ?? '').replace(/[:：]$/, '') || null;
  }
  let text = read.text;
  if (ctx.adapter?.author && author && text.startsWith(author)) text = text.slice(author.length).replace(/^[:：]\s*/, '');
  // What the words sit in, for the side: a picture sent without words stands for them.
  let content: (Text | Element)[] = read.textNodes;
  // Words that are only a day or a lone time may be the label of a picture or a clip.
  const wordless = !text || read.loneLabel;
  const beside = !wordless && ctx.layout ? picturesBesideWords(item, content) : [];
  let image: HTMLImageElement | null = null;
  if (wordless && ctx.layout) image = contentImageOf(item, ctx.styles);
  else if (beside.length > 0 && ctx.pictureWait && !ctx.pictureWait.wordsAlone(item)) image = drawnPictureOf(beside, ctx.styles);
  const media = image ? null : contentMediaOf(item, wordless ? '' : text, ctx.styles);
  if (image && wordless) {
    text = imageText(image);
    content = [image];
  } else if (image) {
    text = withPicture(image, text, content);
  } else if (media) {
    text = media.text;
    content = [media.element];
  } else if (ctx.pictureWait) {
    // Read once the picture has loaded: recorded now, the message would be recorded again with it.
    const loading = beside.find((img) => !img.complete);
    if (loading && ctx.pictureWait.waits(item, loading, isLastRow(item, ctx.list))) return none(false);
  }
  const loneLabel = read.loneLabel && !image && !media;
  if (!text || isTypingIndicator(text)) return none(false);
  // Measuring forces a synchronous layout per message: only when the markup leaves the speaker open.
  const markup = markupVotes(item, ctx.list, ctx.adapter);
  let votes = contentVotes(markup, text, author, null);
  let alignment: Alignment = null;
  let measured = false;
  const close = isClose(votes);
  // A template learns where rows of its markup sit even when this one did not need it: with
  // it, rows of its markup never need measuring (and can be read anywhere, row-template.ts).
  if (ctx.layout && (close || reads)) {
    const host = hostOf(ctx.list);
    alignment = alignmentOf(content, host, item);
    // Null from a row on screen says "neither side"; from a list or row not laid out, nothing.
    measured = alignment !== null || (content.length > 0 && host.getBoundingClientRect().width >= 40 && item.getClientRects().length > 0);
    if (alignment && close) votes = contentVotes(markup, text, author, alignment);
  }
  if (loneLabel && !namesSender(votes)) return none(false);
  return { message: messageOf(text, author, votes, pageIdOf(item), shapeOf(item), false), reject: false, markup, alignment, measured, pictured: beside.length > 0 };
}

const same = (a: ExtractedMessage | null | undefined, b: ExtractedMessage | null) =>
  a === b || (!!a && !!b && a.text === b.text && a.author === b.author && a.speaker === b.speaker && a.sure === b.sure && a.recall === b.recall && a.pageId === b.pageId && a.shape === b.shape);

/** Reads a row node by node and keeps what it taught as the template of its markup, if reading its HTML agrees. */
function learnTemplate(item: Element, row: SerializedRow, ctx: ExtractContext, templates: RowTemplates): ExtractedMessage | null {
  const recorded = new Map<Element, ElementRead>();
  const read = readNodes(item, ctx, recorded);
  const reads = readsByIndex(item, row, recorded);
  let template: RowTemplate | false = false;
  // A row hidden by its style, or with a picture but no words, is no message only for now (it
  // may be shown, its picture may load): rows of its markup are read node by node, never "no
  // message" from a template. So are rows of words with an image that may be a picture sent:
  // its size, not the markup, tells whether it is one.
  const pictured = ctx.layout && (read.message ? read.pictured : item.getElementsByTagName('img').length > 0);
  const forNow = read.hidden || (!read.reject && pictured);
  if (reads && !forNow) {
    const markup = read.markup ?? markupVotes(item, ctx.list, ctx.adapter);
    const candidate: RowTemplate = { skeleton: row.skeleton, reject: read.reject, reads, markup, alignment: read.alignment, measured: read.measured, idSources: idSourcesOf(row.root) };
    if (same(readTemplated(candidate, row.root, ctx.layout), read.message)) template = candidate;
  }
  templates.set(row.skeleton, template, read.message?.shape ?? shapeOf(item));
  return read.message;
}

/**
 * What `item` says, or null when it is not a message. With `defer`, a row whose template is
 * self-contained is left unread: its values go to the background, which reads it.
 */
export function extractRow(item: Element, ctx: ExtractContext, defer = false): ExtractedMessage | DeferredRow | null {
  const templates = ctx.templates;
  // Templates cover rows that are the list's own children, read by the generic engine.
  if (!templates || ctx.adapter || item.parentNode !== ctx.list) return readNodes(item, ctx).message;
  const html = item.outerHTML;
  if (defer) {
    const recent = templates.matchRecent(html);
    if (recent) return deferredRow(item, recent.template, recent.info, recent.values, templates);
  }
  const split = splitRow(html);
  if (split === null) return readNodes(item, ctx).message;
  const template = templates.get(split.skeleton);
  if (template && template.reject) {
    templates.stats.hits++;
    return null;
  }
  if (defer && template) {
    const info = templates.selfContained(template, ctx.layout);
    if (info) return deferredRow(item, template, info, split.values, templates);
  }
  const row = parseSerializedRow(html, split.skeleton);
  if (!row) return readNodes(item, ctx).message;
  if (template === undefined) return templates.full ? readNodes(item, ctx).message : learnTemplate(item, row, ctx, templates);
  if (template) {
    const fast = readTemplated(template, row.root, ctx.layout);
    if (fast !== undefined) {
      templates.stats.hits++;
      return fast;
    }
  }
  const read = readNodes(item, ctx);
  // A row that needed its position measured teaches the template where rows of this markup sit.
  if (template && !template.measured && read.measured) {
    template.alignment = read.alignment;
    template.measured = true;
  }
  return read.message;
}

/** A row of a self-contained template, as it is sent unread. */
function deferredRow(item: Element, template: RowTemplate, info: SelfContained, values: string, templates: RowTemplates): DeferredRow {
  templates.stats.deferred++;
  return { values, template: info.id, pageId: pageIdFrom(item, template.idSources), shape: info.shape, markupSpeaker: info.markupSpeaker };
}

/** What `item` says, or null when it is not a message. */
export function extractMessage(item: Element, ctx: ExtractContext): ExtractedMessage | null {
  return extractRow(item, ctx) as ExtractedMessage | null;
}
