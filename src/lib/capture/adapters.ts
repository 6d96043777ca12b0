// Site adapters: what is known about the markup of real chat platforms, as data. Detection
// tries these first; the generic heuristics cover everything else. Selectors were learnt
// from the platforms' public code and templates; each record says where from. Keep this
// list short and only add markup seen in public sources.
import type { Speaker } from '../evidence/types';

export interface SpeakerRule {
  /** A message matching this selector (itself or a descendant) is said by `speaker`. */
  selector: string;
  speaker: Speaker;
}

export interface SiteAdapter {
  name: string;
  /** Host names of pages (or widget frames) the platform serves. */
  match: RegExp;
  /** A selector whose presence means the platform's widget is in this document (for widgets in about:blank frames or on customers' own sites). */
  probe?: string;
  /** The element holding the messages. */
  list: string;
  /** One message, searched inside the list. */
  message: string;
  /** Rules tried in order; the first that matches decides the speaker. */
  speaker: SpeakerRule[];
  /** The author's display name inside a message. */
  author?: string;
  /** The message text inside a message (default: the message's visible text). */
  text?: string;
  /** Time label inside a message (left out of the text). */
  time?: string;
  /** The chat input and send button (used by the composer). */
  input?: string;
  send?: string;
}

export const SITE_ADAPTERS: readonly SiteAdapter[] = [
  {
    // Intercom Messenger, classic markup (intercom-conversation-part-user / -admin).
    name: 'intercom',
    match: /(^|\.)intercom\.(io|com)$|intercomcdn\.com$/,
    probe: '.intercom-conversation-parts',
    list: '.intercom-conversation-parts',
    message: '.intercom-conversation-part',
    speaker: [
      { selector: '.intercom-conversation-part-user', speaker: 'user' },
      { selector: '.intercom-conversation-part-admin', speaker: 'agent' },
    ],
    text: '.intercom-comment',
    time: '.intercom-conversation-part-metadata',
    input: '.intercom-composer textarea, textarea[name="message"]',
  },
  {
    // Live Helper Chat (open source): #messagesBlock > .message-row; data-op-id 0 is the visitor.
    name: 'live-helper-chat',
    match: /livehelperchat/,
    probe: '#messagesBlock .message-row',
    list: '#messagesBlock',
    message: '.message-row',
    speaker: [
      { selector: '.system-response', speaker: 'system' },
      { selector: '[data-op-id="0"]', speaker: 'user' },
      { selector: '.message-row', speaker: 'agent' },
    ],
    author: '.usr-tit',
    text: '.msg-body',
    time: '.msg-date',
    input: '#CSChatMessage, textarea[name="ChatMessage"]',
  },
];

/** The adapters that apply to a page on `host` (probes are checked by the caller against the DOM). */
export function adaptersForHost(host: string, adapters: readonly SiteAdapter[] = SITE_ADAPTERS): SiteAdapter[] {
  return adapters.filter((a) => a.match.test(host));
}
