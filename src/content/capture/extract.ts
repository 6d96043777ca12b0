// Turns one message node into what the evidence records: speaker, author, text, and the
// page's own id for it when it has one. Returns null for everything that is not a message:
// typing indicators, date separators, receipts, quick-reply chips, banners.
import type { Speaker } from '../../lib/evidence/types';
import type { SiteAdapter } from '../../lib/capture/adapters';
import { classOf, isHidden } from './dom';
import { alignmentOf, decideSpeaker, speakerVotes } from './speaker';
import { collapse, readNodeText } from './text';
import { isRecallNotice, isTypingIndicator, wordsOf } from './vocabulary';

export interface ExtractedMessage {
  speaker: Speaker;
  author: string | null;
  text: string;
  /** The page shows a "message recalled/deleted" notice here. */
  recall: boolean;
  /** Whether anything on the page voted for the speaker (false: a guess). */
  sure: boolean;
}

export interface ExtractContext {
  list: Element | ShadowRoot;
  adapter: SiteAdapter | null;
  /** Measure where text sits on screen (off in jsdom and when the frame has no layout). */
  layout: boolean;
  /** Check computed styles for hidden parts. */
  styles: boolean;
}

const ID_ATTRS = ['data-message-id', 'data-msg-id', 'data-msgid', 'data-mid', 'data-id', 'data-uuid', 'data-key', 'data-item-id', 'key', 'id'];

/** The page's own stable id of a message (data-id, data-message-id, id…), on it or a direct child. */
export function pageIdOf(item: Element): string | null {
  const candidates = [item, ...Array.from(item.children).slice(0, 3)];
  for (const attr of ID_ATTRS) {
    for (const el of candidates) {
      const v = el.getAttribute(attr);
      if (v && v.length <= 200 && !/^(?:undefined|null|)$/.test(v)) return `${attr}=${v}`;
    }
  }
  return null;
}

const ALWAYS_CHROME_WORDS = new Set(['typing', 'indicator', 'loading', 'loader', 'spinner', 'skeleton', 'composer', 'launcher']);
const CHROME_ROW_WORDS = new Set(['placeholder', 'divider', 'separator', 'banner', 'welcome', 'intro', 'hero', 'empty', 'toolbar', 'scroll', 'jump', 'date', 'day', 'time', 'timestamp']);
const MESSAGE_ROW_WORDS = new Set(['message', 'msg', 'bubble', 'comment', 'reply']);

/** True when the node's own class says it is chrome: typing indicator, date divider, banner, composer. */
function isChromeItem(item: Element): boolean {
  const cls = classOf(item);
  const words = wordsOf(cls);
  if (words.some((w) => ALWAYS_CHROME_WORDS.has(w))) return true;
  // "date-divider", "welcome-banner" rows; but not "message welcome" or "msg time-stamped".
  if (words.some((w) => CHROME_ROW_WORDS.has(w)) && !words.some((w) => MESSAGE_ROW_WORDS.has(w))) return true;
  return /正在输入|分割线|分隔/.test(cls);
}

/** What `item` says, or null when it is not a message. */
export function extractMessage(item: Element, ctx: ExtractContext): ExtractedMessage | null {
  if ((item as HTMLElement).hidden || item.getAttribute('aria-hidden') === 'true') return null;
  if (!ctx.adapter && isChromeItem(item)) return null;
  if (ctx.styles && isHidden(item)) return null;
  const textEl = ctx.adapter?.text ? item.querySelector(ctx.adapter.text) ?? item : item;
  const read = readNodeText(textEl, ctx.styles);
  let author = read.author;
  if (ctx.adapter?.author) {
    const a = item.querySelector(ctx.adapter.author);
    if (a) author = collapse(a.textContent ?? '').replace(/[:：]$/, '') || null;
  }
  let text = read.text;
  if (ctx.adapter?.author && author && text.startsWith(author)) text = text.slice(author.length).replace(/^[:：]\s*/, '');
  if (!text || isTypingIndicator(text)) return null;
  const recall = isRecallNotice(text);
  // Layout is measured only when the markup leaves the speaker open: alignment moves any speaker by at most 7 votes,
  // and measuring forces a synchronous layout per message.
  let votes = speakerVotes({ item, list: ctx.list, adapter: ctx.adapter, text, author, alignment: null });
  const ranked = Object.values(votes).sort((a, b) => b - a);
  if (ctx.layout && ranked[0] - ranked[1] < 8) {
    const alignment = alignmentOf(read.textNodes, ctx.list instanceof ShadowRoot ? ctx.list.host : ctx.list, item);
    if (alignment) votes = speakerVotes({ item, list: ctx.list, adapter: ctx.adapter, text, author, alignment });
  }
  const decided = decideSpeaker(votes);
  return { speaker: decided ?? 'agent', author, text, recall, sure: decided !== null };
}
