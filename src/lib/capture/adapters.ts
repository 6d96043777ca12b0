// Site adapters: what is known about the markup of real chat platforms, as data. Detection
// tries these first; the generic heuristics cover everything else. Selectors were learnt
// from the platforms' public code and templates; each record says where from. Only add
// markup seen in public sources, and a fixture page under tests/fixtures/adapters/ that
// reproduces it (tests/e2e/site-adapters.test.ts plays a chat on every one).
import type { Speaker } from '../evidence/types';

export interface SpeakerRule {
  /** A message matching this selector (itself or a descendant) is said by `speaker`. */
  selector: string;
  speaker: Speaker;
}

export interface SiteAdapter {
  name: string;
  /** The platform's name as people know it, shown in the popup and sidebar while its chat is recorded. */
  label: string;
  /** Host names of pages (or widget frames) the platform serves; none for a widget only ever embedded in customers' own pages. */
  match?: RegExp;
  /** A selector whose presence means the platform's widget is in this document (for widgets in about:blank frames or on customers' own sites). */
  probe?: string;
  /** The element whose open shadow root the platform renders into: the other selectors apply inside that root. */
  shadowHost?: string;
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
    // Intercom Messenger, classic markup: the messenger's own stylesheet (js.intercomcdn.com,
    // .intercom-namespace rules for -parts, -part-user/-admin, -part-metadata, -parts-date-divider)
    // and public pages that copy its DOM (.intercom-comment > .intercom-blocks > .intercom-block-paragraph).
    name: 'intercom',
    label: 'Intercom',
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
    // Live Helper Chat (open source, LiveHelperChat/livehelperchat): lhchat/lists templates and the
    // widget theme preview: #messagesBlock > .message-row#msg-N[data-op-id] > .msg-date, .usr-tit, .msg-body;
    // data-op-id 0 is the visitor, .system-response a notice. The operator-typing line is #id-operator-typing, outside the block.
    // No author selector: .usr-tit starts with an icon-font <i> whose ligature text ("account_box") would join the name.
    name: 'live-helper-chat',
    label: 'Live Helper Chat',
    match: /livehelperchat/,
    probe: '#messagesBlockWrap #messagesBlock',
    list: '#messagesBlock',
    message: '.message-row',
    speaker: [
      { selector: '.system-response', speaker: 'system' },
      { selector: '[data-op-id="0"]', speaker: 'user' },
      { selector: '.message-row', speaker: 'agent' },
    ],
    text: '.msg-body',
    time: '.msg-date',
    input: '#CSChatMessage, textarea[name="ChatMessage"]',
  },
  {
    // Zammad chat widget (open source, zammad/zammad public/assets/chat/): views chat.eco, message.eco,
    // status.eco, timestamp.eco, typingIndicator.eco and chat.coffee. Messages are
    // .zammad-chat-message--customer / --agent in .zammad-chat-body; notices (.zammad-chat-status) and
    // time stamps (.zammad-chat-timestamp) are appended there too; the typing indicator is an
    // agent message with the --typing modifier. The input is a contenteditable div.
    name: 'zammad',
    label: 'Zammad',
    match: /(^|\.)zammad\.(com|org|net)$/,
    probe: '.zammad-chat .zammad-chat-body',
    list: '.zammad-chat-body',
    message: '.zammad-chat-message:not(.zammad-chat-message--typing), .zammad-chat-status',
    speaker: [
      { selector: '.zammad-chat-status', speaker: 'system' },
      { selector: '.zammad-chat-message--customer', speaker: 'user' },
      { selector: '.zammad-chat-message--agent', speaker: 'agent' },
    ],
    text: '.zammad-chat-message-body, .zammad-chat-status-inner',
    input: '.zammad-chat-input',
    send: '.zammad-chat-send',
  },
  {
    // Chatwoot web widget (open source, chatwoot/chatwoot app/javascript/widget/components/):
    // ConversationWrap.vue (.conversation--container > .conversation-wrap > .messages-wrap per day),
    // UserMessage.vue / UserMessageBubble.vue (.user-message-wrap … .chat-bubble.user),
    // AgentMessage.vue / AgentMessageBubble.vue (.agent-message-wrap … .chat-bubble.agent > .message-content, p.agent-name),
    // AgentTypingBubble.vue (an .agent-message-wrap holding .typing-bubble), ChatInputWrap.vue (textarea.user-message-input),
    // ChatSendButton.vue (button.send-button).
    name: 'chatwoot',
    label: 'Chatwoot',
    match: /(^|\.)chatwoot\.com$/,
    probe: '.conversation--container .conversation-wrap',
    list: '.conversation-wrap',
    message: '.user-message-wrap, .agent-message-wrap:not(:has(.typing-bubble))',
    speaker: [
      { selector: '.user-message-wrap', speaker: 'user' },
      { selector: '.agent-message-wrap', speaker: 'agent' },
    ],
    author: '.agent-name',
    text: '.chat-bubble.agent .message-content, .chat-bubble.user',
    input: 'textarea.user-message-input',
    send: '.send-button',
  },
  {
    // Rocket.Chat Livechat (open source, RocketChat/Rocket.Chat.Livechat src/components/Messages/):
    // MessageList (ol.message-list__content of li), Message, MessageContainer (--reverse for the visitor's own),
    // MessageText (--system for notices), MessageTime, TypingIndicator (a message container holding TypingDots),
    // MessageSeparator; Composer (contenteditable .composer__input). Class names are CSS modules
    // built with localIdentName '[local]__[hash:base64:5]' (webpack.config.js), hence the [class*=] selectors.
    name: 'rocket-chat-livechat',
    label: 'Rocket.Chat',
    match: /(^|\.)rocket\.chat$/,
    // Each element's own local name comes first in its class attribute ([class^=]); modifiers follow it ([class*=" …"]),
    // so other libraries' look-alikes (chatscope's cs-message-list__content) do not match.
    probe: 'ol[class^="message-list__content__"]',
    list: 'ol[class^="message-list__content__"]',
    message: 'li[class^="message-container__"]:not(:has([class^="typing-dots__"]))',
    speaker: [
      { selector: '[class*=" message-text--system__"]', speaker: 'system' },
      { selector: '[class*=" message-container--reverse__"]', speaker: 'user' },
      { selector: '[class^="message-text__"]', speaker: 'agent' },
    ],
    text: '[class^="message-text__"]',
    time: 'time',
    input: '[class^="composer__input__"]',
  },
  {
    // Tiledesk / Chat21 web widget (open source, Tiledesk/chat21-web-widget src/app/component/):
    // conversation-content.component.html (.c21-contentScroll > .rowMsg holding .msg_container.base_sent / .base_receive
    // or .msg_info_container, then .time; the typing row is a .msg_container outside any .rowMsg),
    // bubble-message.component.html (.message_sender_fullname), text.component.html (p.message_innerhtml),
    // conversation-footer.component.html (textarea#chat21-main-message-context, #chat21-button-send).
    name: 'tiledesk',
    label: 'Tiledesk',
    match: /(^|\.)tiledesk\.com$/,
    probe: '.c21-contentScroll',
    list: '.c21-contentScroll',
    message: '.rowMsg',
    speaker: [
      { selector: '.msg_info_container', speaker: 'system' },
      { selector: '.base_sent', speaker: 'user' },
      { selector: '.base_receive', speaker: 'agent' },
    ],
    author: '.message_sender_fullname',
    text: '.message_innerhtml, chat-info-message',
    time: '.time',
    input: '#chat21-main-message-context',
    send: '#chat21-button-send',
  },
  {
    // tawk.to (embed.tawk.to loader; the v4 widget writes its chat panel into a same-origin about:srcdoc frame,
    // found by its content, not its URL): a captured transcript of the live widget (a message list's outerHTML kept
    // in a public repository) shows .tawk-message-block per sender's run > .tawk-message-group > div >
    // .tawk-message-bubble#messageId-… per message, each with .tawk-visitor-chat or .tawk-agent-chat,
    // .tawk-chat-bubble > p and time.tawk-timeago; the agent's name is a hidden p beside the bubbles, outside
    // any one message, so no author selector. A public write-up of driving live widgets: two
    // textarea.tawk-chatinput-editor (the first hidden), Enter sends. The element holding the blocks has no
    // class in those sources: it is the one whose children are blocks.
    name: 'tawk',
    label: 'tawk.to',
    match: /(^|\.)tawk\.to$/,
    probe: 'textarea.tawk-chatinput-editor',
    list: ':has(> .tawk-message-block)',
    message: '.tawk-message-bubble',
    speaker: [
      { selector: '.tawk-visitor-chat', speaker: 'user' },
      { selector: '.tawk-agent-chat', speaker: 'agent' },
    ],
    text: '.tawk-chat-bubble',
    time: 'time.tawk-timeago',
    input: 'textarea.tawk-chatinput-editor',
  },
  {
    // Zendesk Web Widget, classic chat (its source as published in levsero/test_embed,
    // packages/web-widget-classic/classicSrc): the widget is rendered into iframe#webWidget (about:blank,
    // same-origin) as div#Embed; ChattingPage's [data-testid=chat-log] holds ChatLog (div[role=log], one group per
    // author's run, the agent's name first in it, outside any one message) and ChatLogFooter (the typing line);
    // MessageBubble marks each message [data-testid=chat-msg-user|chat-msg-agent], EventMessage [data-testid=chat-msg-event].
    // Classes are hashed CSS-module and styled-components names, hence only test ids. No time label; InputBox is
    // textarea[name=chatBox]; on desktop Enter sends.
    name: 'zendesk-chat',
    label: 'Zendesk',
    match: /(^|\.)zendesk\.com$|(^|\.)zdassets\.com$/,
    probe: '#Embed [data-testid="chat-log"]',
    list: '#Embed [data-testid="chat-log"]',
    message: '[data-testid="chat-msg-user"], [data-testid="chat-msg-agent"], [data-testid="chat-msg-event"]',
    speaker: [
      { selector: '[data-testid="chat-msg-event"]', speaker: 'system' },
      { selector: '[data-testid="chat-msg-user"]', speaker: 'user' },
      { selector: '[data-testid="chat-msg-agent"]', speaker: 'agent' },
    ],
    input: 'textarea[name="chatBox"]',
  },
  {
    // Rasa Webchat (open source, botfront/rasa-webchat v1.0.x src/components/Widget/components/Conversation/):
    // Messages/index.js (#rw-messages > .rw-group-message per run of one sender > .rw-message per message; the typing
    // indication is a .rw-message.rw-typing-indication after the groups), Message/index.js (.rw-client for the user,
    // .rw-response for the bot, > .rw-message-text; quick replies .rw-replies sit beside it, outside the text),
    // .rw-message-date when dates are shown, Sender/index.js (textarea.rw-new-message, button.rw-send).
    // Self-hosted on the customer's own page: found by its probe only.
    name: 'rasa-webchat',
    label: 'Rasa Webchat',
    probe: '.rw-conversation-container #rw-messages',
    list: '#rw-messages',
    message: '.rw-message:not(.rw-typing-indication)',
    speaker: [
      { selector: '.rw-client', speaker: 'user' },
      { selector: '.rw-response', speaker: 'agent' },
    ],
    text: '.rw-message-text',
    time: '.rw-message-date',
    input: 'textarea.rw-new-message',
    send: 'button.rw-send',
  },
  {
    // Microsoft Bot Framework Web Chat 4.x (open source, botframework-webchat-component src/): BasicTranscript.tsx
    // (.webchat__basic-transcript > a live region [role=log] that briefly repeats each activity as "Bot said: …", and
    // .webchat__basic-transcript__scrollable > section[role=feed] > article.webchat__basic-transcript__activity, the typing
    // indicator after the section), ActivityRow.tsx (a screen-reader name "Bot said: …" inside each article), StackedLayout.tsx
    // and Bubble.tsx (--from-user on the user's, the text in .webchat__bubble__content beside screen-reader greetings and
    // the "Sent at …"/"Just now" status), SendBox (input.webchat__send-box-text-box__input, or a textarea with
    // sendBoxTextWrap; button.webchat__send-button). Its iframe embed is served from webchat.botframework.com.
    name: 'botframework-webchat',
    label: 'Bot Framework Web Chat',
    match: /^webchat\.botframework\.com$/,
    probe: '.webchat__basic-transcript__scrollable',
    list: '.webchat__basic-transcript__scrollable',
    message: 'article.webchat__basic-transcript__activity',
    speaker: [
      { selector: '.webchat__stacked-layout--from-user', speaker: 'user' },
      { selector: '.webchat__stacked-layout', speaker: 'agent' },
    ],
    text: '.webchat__bubble__content',
    input: 'input.webchat__send-box-text-box__input, textarea.webchat__send-box-text-box__text-area',
    send: 'button.webchat__send-button',
  },
  {
    // Odoo website live chat, 17.0 and 18.0 (open source, odoo/odoo addons/im_livechat/static/src/embed/ and
    // addons/mail/static/src/core/common/): boot_helpers.js renders the widget into the open shadow root of
    // div.o-livechat-root; the chat window's .o-mail-Thread holds date sections, .o-mail-Message per message
    // (.o-selfAuthored on the visitor's own; the text in .o-mail-Message-body; .o-mail-Message-author and
    // .o-mail-Message-date in the header of the first of a run) and .o-mail-NotificationMessage rows; the typing line
    // sits after the thread; composer.xml: textarea.o-mail-Composer-input, button.o-mail-Composer-send (18.0; in
    // 17.0's compact window Enter sends). Odoo Online sites are on odoo.com; others are found by the probe.
    name: 'odoo-livechat',
    label: 'Odoo',
    match: /(^|\.)odoo\.com$/,
    shadowHost: '.o-livechat-root',
    probe: '.o-mail-ChatWindow .o-mail-Thread',
    list: '.o-mail-ChatWindow .o-mail-Thread',
    message: '.o-mail-Message, .o-mail-NotificationMessage',
    speaker: [
      { selector: '.o-mail-NotificationMessage', speaker: 'system' },
      { selector: '.o-selfAuthored', speaker: 'user' },
      { selector: '.o-mail-Message', speaker: 'agent' },
    ],
    author: '.o-mail-Message-author',
    text: '.o-mail-Message-body',
    time: '.o-mail-Message-date',
    input: 'textarea.o-mail-Composer-input',
    send: 'button.o-mail-Composer-send',
  },
  {
    // 环信 (Easemob) customer-service visitor chat (open source, easemob/kefu-webim; the easemob.js loader frames its
    // im.html from kefu.easemob.com, webim.kefu.easemob.com or the sandbox twins, src/js/plugin/inviteView.js, README.md):
    // src/template/body.html (#em-kefu-webim-chat > .chat-wrapper, textarea.em-widget-textarea, span.em-widget-send),
    // src/template/chatContainer.html and uikit/createMessageView.js (a .chat-container per service account, only the
    // shown one without .hide; .em-widget-event notices and .em-widget-date rows appended beside the messages),
    // src/js/app/tools/messageFactory.js (.em-widget-left received, .em-widget-right sent; span.userNickname on the
    // desktop; the words in .em-widget-msg-container, apart from the sent one's hidden "发送失败" status).
    // No time selector: the time is a row of its own. The typing state (.em-agent-input-state) is in the header.
    name: 'easemob-kefu',
    label: 'Easemob (环信)',
    match: /(^|\.)kefu\.easemob\.com$/,
    probe: '#em-kefu-webim-chat .chat-wrapper',
    list: '.chat-wrapper > .chat-container:not(.hide)',
    message: '.em-widget-left, .em-widget-right, .em-widget-event',
    speaker: [
      { selector: '.em-widget-event', speaker: 'system' },
      { selector: '.em-widget-right', speaker: 'user' },
      { selector: '.em-widget-left', speaker: 'agent' },
    ],
    author: '.userNickname',
    text: '.em-widget-msg-container',
    input: 'textarea.em-widget-textarea',
    send: '.em-widget-send',
  },
  {
    // 春松客服 visitor chat (open source, cskefu/cskefu contact-center/app/src/main/resources/templates/apps/im/):
    // index.pug, mobile.pug, chatbot/index.pug and chatbot/mobile.pug (the page point.pug's script opens at /im/index.html)
    // render body.ukefu-point-text … .chat-above#above; each message is a .chat-block > .chat-left (agent or bot) or
    // .chat-right (visitor) with .chat-message > label.user, label.time and .chatting-left|right > .chat-content
    // (media/message.pug); "status" notices (joined, queueing, ended) are .message.connect-message. The
    // .message.welcome greeting every visitor gets on load is left out. templates/chatbot_writing.tpl is the typing row,
    // .chat-block#writing. The visitor's box is textarea#message[name=content]: visible on mobile, hidden behind
    // KindEditor's about:blank iframe on desktop (the generic scorer finds that frame's editable body); mobile sends with
    // .btn-push > a[onclick^=sendMessage], desktop with button#sent.send-btn. Self-hosted: found by its probe only.
    name: 'cskefu',
    label: '春松客服 (cskefu)',
    probe: '.ukefu-point-text .chat-above#above',
    list: '.chat-above#above',
    message: '.chat-block:not(#writing), .message.connect-message',
    speaker: [
      { selector: '.connect-message', speaker: 'system' },
      { selector: '.chat-right', speaker: 'user' },
      { selector: '.chat-left', speaker: 'agent' },
    ],
    author: '.chat-message > .user',
    text: '.chat-content',
    time: '.chat-message > .time',
    input: 'textarea#message[name="content"]',
    send: 'button#sent.send-btn, .btn-push > a[onclick^="sendMessage"]',
  },
];

/** The adapters that apply to a page on `host` (probes are checked by the caller against the DOM). */
export function adaptersForHost(host: string, adapters: readonly SiteAdapter[] = SITE_ADAPTERS): SiteAdapter[] {
  return adapters.filter((a) => a.match?.test(host));
}

/** Where `adapter`'s selectors apply in `doc`: the document, or its shadow host's open shadow root (null while that is absent). */
export function adapterScope(doc: Document, adapter: SiteAdapter): Document | ShadowRoot | null {
  return adapter.shadowHost ? (doc.querySelector(adapter.shadowHost)?.shadowRoot ?? null) : doc;
}

/** The adapters whose platform is in `doc`: its host matches, or its probe is present (a chat with no message yet included). */
export function adaptersInDocument(
  doc: Document,
  host: string = doc.location?.hostname ?? '',
  adapters: readonly SiteAdapter[] = SITE_ADAPTERS,
): SiteAdapter[] {
  return adapters.filter((a) => a.match?.test(host) || (a.probe !== undefined && !!adapterScope(doc, a)?.querySelector(a.probe)));
}

/** The adapter of the platform whose chat is in `doc`, with the element holding its messages; null when none is. */
export function adapterInDocument(
  doc: Document,
  host: string = doc.location?.hostname ?? '',
  adapters: readonly SiteAdapter[] = SITE_ADAPTERS,
): { adapter: SiteAdapter; list: Element } | null {
  for (const adapter of adaptersInDocument(doc, host, adapters)) {
    const list = adapterScope(doc, adapter)?.querySelector(adapter.list);
    if (list) return { adapter, list };
  }
  return null;
}

/**
 * Whether a frame of `doc` holds a platform's chat: a same-origin frame (tawk.to writes its panel
 * into an about:srcdoc one) where an adapter applies, or a frame loaded from a platform's host.
 * That frame's own capture records the chat; a list merely guessed in the page around it (an
 * activity feed, a news ticker) is then not the conversation.
 */
export function adapterInChildFrame(doc: Document, adapters: readonly SiteAdapter[] = SITE_ADAPTERS): boolean {
  // Asked every 1.5 s while a guessed list is recorded. Tag collections are cached by the browser
  // until the DOM changes: about free on a page at rest, where querySelectorAll walked every node
  // (2 ms on a chat of 70,000 elements).
  const frames = [...Array.from(doc.getElementsByTagName('iframe')), ...Array.from(doc.getElementsByTagName('frame'))] as HTMLIFrameElement[];
  for (const frame of frames) {
    // A cross-origin frame has no contentDocument: only its address says what it is.
    const inner = frame.contentDocument;
    const found = inner ? adaptersInDocument(inner, inner.location?.hostname ?? '', adapters) : adaptersForHost(hostOf(frame.src), adapters);
    if (found.length > 0) return true;
  }
  return false;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
