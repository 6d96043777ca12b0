// The words chat UIs use, in class names, attributes and visible labels, for who said
// what and for the chrome around messages (times, receipts, typing indicators, notices).
// Pure string functions so they are unit-tested without a DOM.
import type { Speaker } from '../evidence/types';

const USER_WORDS = new Set([
  'me', 'self', 'mine', 'my', 'own', 'current', 'outgoing', 'outbound', 'out', 'sent', 'send', 'right', 'user', 'customer',
  'visitor', 'client', 'guest', 'consumer', 'buyer', 'local', 'owner', 'requester', 'enduser', 'human', 'question',
]);
const AGENT_WORDS = new Set([
  'agent', 'staff', 'operator', 'support', 'bot', 'robot', 'incoming', 'inbound', 'in', 'received', 'receive', 'recv',
  'left', 'admin', 'service', 'servicer', 'kefu', 'seller', 'assistant', 'advisor', 'adviser', 'rep',
  'representative', 'employee', 'teammate', 'remote', 'other', 'them', 'their', 'partner', 'ai', 'answer', 'chatbot',
  'helper', 'expert', 'responder',
]);
const SYSTEM_WORDS = new Set([
  'system', 'sys', 'notice', 'notification', 'event', 'info', 'tip', 'tips', 'center', 'centre', 'announcement',
  'alert', 'hint', 'status-message', 'transfer',
]);
// Class words that make a class name about motion or layout utilities, not about a speaker.
const NOISE_WORDS = new Set([
  'fade', 'zoom', 'slide', 'bounce', 'animate', 'animated', 'animation', 'transition', 'enter', 'leave', 'appear',
  'float', 'pull', 'margin', 'padding', 'border', 'rounded', 'radius', 'offset', 'logged', 'sign', 'login', 'plugin',
]);
// Utility-class prefixes (Tailwind, Bootstrap) that mention left/right/self without naming a speaker.
const UTILITY_CLASS_RE = /^(?:[a-z]{1,3}:)?(?:text|float|pull|align|justify|items|self|content|place|m[lrxyse]?|p[lrxyse]?|rounded|border|col|offset|order|inset|left|right)-/;
const USER_ZH = ['我的', '我方', '用户', '客户', '访客', '顾客', '本人', '自己'];
const AGENT_ZH = ['客服', '坐席', '人工', '机器人', '助手', '专员', '小二', '对方', '顾问'];
const SYSTEM_ZH = ['系统', '提示', '通知', '公告'];

/** Remembers a pure function of a string: class lists and attribute strings repeat across thousands of messages. */
export function memo<T>(fn: (v: string) => T, limit = 4000): (v: string) => T {
  const cache = new Map<string, T>();
  return (v: string) => {
    const hit = cache.get(v);
    if (hit !== undefined || cache.has(v)) return hit as T;
    const r = fn(v);
    if (cache.size >= limit) cache.clear();
    cache.set(v, r);
    return r;
  };
}

/** Splits a class name or attribute value into lower-case words: "msgBubble--outgoing" → msg, bubble, outgoing. */
export function wordsOf(value: string): string[] {
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9\u4e00-\u9fa5]+/)
    .filter(Boolean);
}

/**
 * Speaker votes of one class list or attribute value: each class name is judged on its own,
 * and one that looks like an animation or layout utility ("fade-in", "text-right") counts for nothing.
 */
export const speakerWordsIn: (value: string) => readonly Speaker[] = memo(function speakerWordsIn(value: string): Speaker[] {
  const found: Speaker[] = [];
  for (const cls of value.split(/\s+/)) {
    if (!cls) continue;
    if (/[\u4e00-\u9fa5]/.test(cls)) {
      const s = speakerOfChinese(cls);
      if (s) found.push(s);
      continue;
    }
    const words = wordsOf(cls);
    const aboutMessages = words.some((w) => w === 'msg' || w === 'message' || w === 'bubble' || w === 'chat');
    if (!aboutMessages && (UTILITY_CLASS_RE.test(cls) || words.some((w) => NOISE_WORDS.has(w)))) continue;
    const sides: Speaker[] = [];
    for (const w of words) {
      if (USER_WORDS.has(w)) sides.push('user');
      else if (AGENT_WORDS.has(w)) sides.push('agent');
      else if (SYSTEM_WORDS.has(w)) sides.push('system');
    }
    // Words naming different sides in one class: the last is the row's own, the first a library
    // prefix shared by every row ("react-chatbot-kit-user-chat-message": chatbot, then user).
    if (sides.some((side) => side !== sides[0])) found.push(sides[sides.length - 1]);
    else found.push(...sides);
  }
  return found;
});

// Words that say which side of the conversation a row is on. Chat UIs mark their rows with
// these whatever else the row carries (names, labels, library prefixes), so they outweigh role words.
const DIRECTION_WORDS: Record<string, Speaker> = {
  outgoing: 'user', outbound: 'user', self: 'user', mine: 'user', own: 'user', current: 'user', me: 'user', right: 'user', sent: 'user',
  incoming: 'agent', inbound: 'agent', left: 'agent', received: 'agent', other: 'agent', remote: 'agent',
};

/** The sides that direction words in a class list or attribute value name ("cs-message--outgoing" → user), skipping utility classes. */
export const directionWordsIn: (value: string) => readonly Speaker[] = memo(function directionWordsIn(value: string): Speaker[] {
  const found: Speaker[] = [];
  for (const cls of value.split(/\s+/)) {
    if (!cls || /[\u4e00-\u9fa5]/.test(cls)) continue;
    const words = wordsOf(cls);
    const aboutMessages = words.some((w) => w === 'msg' || w === 'message' || w === 'bubble' || w === 'chat');
    if (!aboutMessages && (UTILITY_CLASS_RE.test(cls) || words.some((w) => NOISE_WORDS.has(w)))) continue;
    for (const w of words) if (DIRECTION_WORDS[w]) found.push(DIRECTION_WORDS[w]);
  }
  return found;
});

/** The speaker a Chinese word or label names (客服 → agent, 我 → user, 系统 → system), or null. */
export function speakerOfChinese(text: string): Speaker | null {
  const t = text.trim();
  if (SYSTEM_ZH.some((w) => t.includes(w))) return 'system';
  if (AGENT_ZH.some((w) => t.includes(w))) return 'agent';
  if (t === '我' || t.startsWith('我') || USER_ZH.some((w) => t.includes(w))) return 'user';
  return null;
}

/** The speaker an author label names: "我"/"You"/"Me" → user, "客服小美"/"Support bot" → agent, else null. */
export function speakerOfAuthorLabel(label: string): Speaker | null {
  const t = label.trim().replace(/[:：]$/, '');
  if (!t) return null;
  if (/^(?:我|本人|me|you|yourself|visitor|customer|guest)$/i.test(t)) return 'user';
  if (/^(?:系统|system)(?:消息|message|notice)?$/i.test(t)) return 'system';
  if (/客服|坐席|人工|机器人|助手|专员|顾问|小二|\b(?:agent|support|bot|operator|assistant|advisor|team|staff|service)\b/i.test(t)) return 'agent';
  return null;
}

/** Speaker an accessible label like "You said" / "Agent said" / "我发送的" gives, or null. */
export function speakerOfAriaLabel(label: string): Speaker | null {
  const t = label.trim();
  if (!t) return null;
  if (/^(?:you|me|i)\b|\byou (?:said|wrote|sent)\b|我(?:说|发送)/i.test(t)) return 'user';
  if (/\b(?:agent|support|bot|operator|assistant)\b.*\b(?:said|wrote|sent)\b|客服(?:说|发送)/i.test(t)) return 'agent';
  return null;
}

const CHROME_CLASS_WORDS = new Set([
  'time', 'timestamp', 'date', 'datetime', 'status', 'receipt', 'receipts', 'read', 'unread', 'seen', 'delivered',
  'avatar', 'photo', 'portrait', 'name', 'nickname', 'author', 'sender', 'who', 'username', 'displayname', 'meta', 'metadata',
  'footer', 'actions', 'action', 'toolbar', 'menu', 'reactions', 'reaction', 'tick', 'ticks', 'check', 'checks',
  'badge', 'tooltip', 'copy', 'feedback', 'rating', 'vote', 'sr', 'visually', 'screenreader', 'hidden', 'chips',
  'quick', 'replies', 'suggestions', 'buttons', 'retry', 'error', 'ago',
]);
const AUTHOR_CLASS_WORDS = new Set(['name', 'nickname', 'author', 'sender', 'who', 'username', 'displayname', 'from', 'nick']);
/** Things a message may carry by name: a "file-name" part holds what was sent ("账单.pdf"), not its sender's name. */
const SENT_THING_WORDS = new Set(['file', 'attachment', 'attach', 'document', 'doc', 'pdf', 'upload', 'product', 'goods', 'link', 'order', 'bill']);
const namesSentThing = (cls: string, words: string[]): boolean =>
  (words.includes('name') || cls.includes('名')) && (/文件|附件|商品|账单|订单/.test(cls) || words.some((w) => SENT_THING_WORDS.has(w)));

/** True when a class list marks an element as message chrome (time, avatar, name, receipts, buttons…). */
export const isChromeClass: (value: string) => boolean = memo(function isChromeClass(value: string): boolean {
  for (const cls of value.split(/\s+/)) {
    if (!cls) continue;
    if (/昵称|姓名|时间|头像|已读|未读|状态/.test(cls)) return true;
    const words = wordsOf(cls);
    if (words.includes('content') || words.includes('body') || words.includes('text') || namesSentThing(cls, words)) continue;
    if (words.some((w) => CHROME_CLASS_WORDS.has(w))) return true;
  }
  return false;
});

const WORDS_CLASS_WORDS = new Set(['bubble', 'content', 'text', 'body', 'message', 'msg', 'markdown']);
const TIME_CLASS_WORDS = new Set(['time', 'timestamp', 'date', 'datetime', 'stamp', 'meta', 'footer', 'status', 'ago']);

/**
 * True when a class list, inside a message row, names the part that holds its words
 * ("msg-bubble", "rce-mbox-text", "message__content", "markdown", "内容") and nothing that says
 * time ("msg-text-time", "message-date").
 */
export const isWordsClass: (value: string) => boolean = memo(function isWordsClass(value: string): boolean {
  if (/时间|日期/.test(value)) return false;
  if (/内容|气泡|正文|文本/.test(value)) return true;
  const words = wordsOf(value);
  return words.some((w) => WORDS_CLASS_WORDS.has(w)) && !words.some((w) => TIME_CLASS_WORDS.has(w));
});

/** True when a class list marks an avatar ("rce-avatar-container", "portrait", "头像"). */
export function isAvatarClass(value: string): boolean {
  return /头像/.test(value) || wordsOf(value).some((w) => w === 'avatar' || w === 'portrait');
}

/** True when a class list marks the element that carries the author's display name. */
export const isAuthorClass: (value: string) => boolean = memo(function isAuthorClass(value: string): boolean {
  for (const cls of value.split(/\s+/)) {
    if (/昵称|姓名|发送者/.test(cls)) return true;
    const words = wordsOf(cls);
    if (words.includes('avatar') || words.includes('time') || namesSentThing(cls, words)) continue;
    if (words.some((w) => AUTHOR_CLASS_WORDS.has(w))) return true;
  }
  return false;
});

/**
 * True when a part of a message holds an earlier message it quotes or replies to ("quoted-msg",
 * "reply-to", "引用"). A bare "reply" is not one: widgets name whole replies so.
 */
export const isQuoteClass: (value: string) => boolean = memo(function isQuoteClass(value: string): boolean {
  if (/引用/.test(value)) return true;
  const words = wordsOf(value);
  return words.some((w, i) => w === 'quote' || w === 'quoted' || w === 'quotation' || w === 'replyto' || (w === 'reply' && words[i + 1] === 'to') || (w === 'in' && words[i + 1] === 'reply'));
});

const NEVER_MESSAGE_WORDS = new Set(['typing', 'indicator', 'loading', 'loader', 'spinner', 'skeleton', 'composer', 'launcher']);

/** True when a class list names something that is never a message: a typing indicator, a loader, the composer, the launcher. */
export const isNeverMessageClass: (value: string) => boolean = memo(function isNeverMessageClass(value: string): boolean {
  return wordsOf(value).some((w) => NEVER_MESSAGE_WORDS.has(w));
});

const MESSAGE_WORDS = new Set(['message', 'messages', 'msg', 'msgs', 'bubble', 'chat', 'conversation', 'comment', 'reply', 'utterance', 'turn', 'entry', 'im', 'dialog', 'dialogue', 'transcript', 'log', 'thread', 'history', 'talk', 'speech', 'said', 'line', 'post']);

const ITEM_WORDS = new Set(['message', 'msg', 'bubble', 'comment', 'reply', 'utterance', 'turn', 'entry', 'line', 'post', 'said', 'speech', 'part']);

/** True when a class or attribute value names one message: "msg-row", "message--in", "chat-bubble", "消息". */
export const hasItemWord: (value: string) => boolean = memo(function hasItemWord(value: string): boolean {
  if (/消息|气泡|发言/.test(value)) return true;
  return wordsOf(value).some((w) => ITEM_WORDS.has(w));
});

/** True when an attribute value (class, id, label) speaks of messages or chat: "chat-log", "msg-list", "消息". */
export const hasMessageWord: (value: string) => boolean = memo(function hasMessageWord(value: string): boolean {
  if (/消息|聊天|会话|对话|记录/.test(value)) return true;
  return wordsOf(value).some((w) => MESSAGE_WORDS.has(w));
});

const TIME_RE =
  /^(?:(?:今天|昨天|前天|星期[一二三四五六日天]|周[一二三四五六日天]|today|yesterday|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?)\s*)?(?:\d{2,4}[-/.年]\d{1,2}(?:[-/.月]\d{1,2}日?)?|\d{1,2}月\d{1,2}日|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:,?\s*\d{4})?|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{4})?)?\s*(?:(?:上午|下午|晚上|凌晨|中午|早上)?\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?)?$/i;
/** How long ago, counted in less than days: a message's time ("刚刚", "2 min ago"), never a day someone names. */
const RELATIVE_CLOCK_RE = /^(?:刚刚|just now|now|\d+\s*(?:秒|分钟|小时|天)前|\d+\s*(?:s|sec|secs|seconds?|m|min|mins|minutes?|h|hrs?|hours?|d|days?)\s+ago|(?:a|an|one)\s+(?:minute|hour|day)\s+ago)$/i;

/**
 * True when the whole text is a day and nothing else: no clock time, not a time ago ("12月15日",
 * "Dec 15", "周五", "2024-12-15", "今天", "today"). As a message's only words it is an answer (the
 * day asked for a deferral, "today" to "when can you pay?"), not the message's time.
 */
export function isDateOnly(text: string): boolean {
  const t = text.trim();
  return isTimeOnly(t) && !/\d[:：]\d\d/.test(t) && !RELATIVE_CLOCK_RE.test(t);
}

/** True when the whole text is a time or date label ("10:32", "昨天 18:01", "Today", "2 min ago"). */
export function isTimeOnly(text: string): boolean {
  const t = text.trim().replace(/^[-–—\s·•]+|[-–—\s·•]+$/g, '');
  if (!t) return false;
  return (TIME_RE.test(t) && /\d|今天|昨天|前天|today|yesterday|星期|周/i.test(t)) || RELATIVE_CLOCK_RE.test(t);
}

const RECEIPT_RE =
  /^(?:(?:对方|\d+\s*人)?(?:已读|未读)|全部已读|已送达|送达|发送中|发送失败|发送成功|已发送|已发出|read|seen|delivered|sent|sending…?|sending\.\.\.|not delivered|failed to send|(?:seen|read) by [^\s,.!?，。！？]{1,20}(?: [^\s,.!?，。！？]{1,20}){0,2}|✓+|✔+)$/i;
/** True when the whole text is a read receipt or delivery state ("已读", "对方未读", "Seen by Lily", "✓✓"). */
export function isReceiptOnly(text: string): boolean {
  return RECEIPT_RE.test(text.trim().replace(/^[·•|\s]+|[·•|\s]+$/g, ''));
}

/** True when the text is a time and a receipt side by side ("10:31 已读", "Read 10:31", "Seen · 2m ago"). */
export function isTimeAndReceipt(text: string): boolean {
  const t = text.trim();
  // Labels are short; a message's words are not tried split by split.
  if (t.length > 32) return false;
  for (const m of t.matchAll(/[\s·•|]+/g)) {
    const [a, b] = [t.slice(0, m.index), t.slice(m.index + m[0].length)];
    if ((isTimeOnly(a) && isReceiptOnly(b)) || (isReceiptOnly(a) && isTimeOnly(b))) return true;
  }
  return false;
}

const MARK_RE =
  /^[(（[]?(?:已编辑|已修改|编辑过|edited|展开全文|展开|收起|查看全文|查看更多|显示全部|show more|show less|read more|see more|view more|expand|collapse|复制|copy|重发|重新发送|点击重发|重试|retry|resend|翻译|查看翻译|translate|see translation)[)）\]]?$/i;
/**
 * True when the whole text is a mark or action the page sets beside a message's words: that it
 * was edited ("(已编辑)"), the toggle that shows all of a long one ("展开全文", "Show more"),
 * or what can be done with it ("复制", "重发", "Translate"). Left out, a message reads the same
 * whether or not the page shows them.
 */
export function isMarkOnly(text: string): boolean {
  return MARK_RE.test(text.trim());
}

const TYPING_RE = /^(?:.{0,12}(?:正在输入|输入中)(?:中)?[.。…]*|.{0,30}\b(?:is|are) typing\b.{0,4}|typing[.…]*|[.。·•…]{1,6})$/i;
/** True for typing indicators: "对方正在输入…", "Lily is typing…", "…". */
export function isTypingIndicator(text: string): boolean {
  return TYPING_RE.test(text.trim());
}

const RECALL_RE = /撤回了一条消息|已被?撤回|(?:消息|内容)已被?删除|删除了一条消息|this message (?:was|has been) (?:deleted|removed|unsent|recalled|retracted)|message (?:was )?(?:deleted|removed|unsent|recalled|retracted)|(?:deleted|removed|unsent|retracted) (?:a|this) message/i;
/** True for the notice a page shows in place of a recalled or deleted message. */
export function isRecallNotice(text: string): boolean {
  return text.length <= 80 && RECALL_RE.test(text);
}

const SYSTEM_TEXT_RE =
  /已接入|接入(?:了)?(?:会话|对话|人工)|已为您转接|转接|已转入|会话已结束|对话已结束|结束了(?:本次)?(?:会话|对话)|已结束|排队|正在为您接入|当前排队|离开了(?:会话|对话)|加入了(?:会话|对话)|\bjoined\b|\bhas left\b|left the (?:chat|conversation)|\b(?:chat|conversation|session) (?:has )?(?:started|ended|closed)\b|\btransferr(?:ed|ing)\b|\bis now connected\b|\bconnected (?:to|with) (?:an? )?(?:agent|operator)|\bin (?:the )?queue\b|\bwaiting for an? (?:agent|operator)\b|(?:对|为)(?:本次|这次|我的|客服的?)?(?:服务|会话|咨询|对话)(?:做出|作出|进行)?(?:评价|打分|评分)|对(?:本次|这次)(?:服务|会话|咨询|对话)(?:还)?满意吗|满意度(?:评价|调查)|\brate (?:this|our|the|your) (?:chat|conversation|service|experience|agent|support)\b|\bhow would you rate\b|\bhow satisfied were you\b|\bsatisfaction survey\b/i;
/** True when the text reads like a page notice (agent joined, chat ended, transferred). */
export function looksLikeSystemNotice(text: string): boolean {
  return text.length <= 80 && SYSTEM_TEXT_RE.test(text);
}

const LIST_CONTROL_RE = new RegExp(
  '^(?:' +
    [
      '(?:点击|下拉|上拉)?(?:加载|查看|显示)(?:(?:更多|更早|全部)的?(?:历史)?|历史)(?:消息|记录|聊天记录)?',
      '(?:没有|暂无)更多(?:的)?(?:消息|记录)?了?',
      '以上(?:为|是)历史(?:消息|记录)',
      '以下(?:为|是)新消息',
      '(?:新|未读)消息',
      '(?:load|show|view|see)\\s+(?:more|earlier|older|previous)(?:\\s+messages)?',
      'no\\s+(?:more|earlier|older)\\s+messages',
      '(?:\\d+\\s+)?(?:new|unread)\\s+messages?',
      '(?:earlier|older|previous)\\s+messages',
      '(?:start|beginning)\\s+of\\s+(?:the\\s+)?(?:conversation|chat)',
    ].join('|') +
    ')$',
  'i',
);
/**
 * True when the whole text is the list's own control or divider ("加载更多", "以下是新消息",
 * "Load earlier messages"): no message, and clicked away it is no removal.
 */
export function isListControl(text: string): boolean {
  return text.length <= 40 && LIST_CONTROL_RE.test(text.trim().replace(/^[-–—=~·•.\s]+|[-–—=~·•.\s]+$/g, ''));
}
