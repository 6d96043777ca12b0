// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectChatList, itemOf, itemsOf, resolveDeepSelector } from '../../../src/content/capture/detect';
import { selectorFor } from '../../../src/content/capture/css-path';

const FIXTURES = join(__dirname, '../../fixtures/chats');
/** A fixture page's markup without its scripts. */
function loadFixture(name: string): void {
  const html = readFileSync(join(FIXTURES, name), 'utf8').replace(/<script[\s\S]*?<\/script>/g, '');
  document.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>/, '').replace(/<\/html>[\s\S]*$/, '');
}
const describeList = (l: ReturnType<typeof detectChatList>) => (l ? (l.container instanceof ShadowRoot ? l.container.host : l.container) : null);

describe('detectChatList', () => {
  test('plain divs: the message list, not the header or the panel around it', () => {
    loadFixture('plain-divs.html');
    const list = detectChatList(document, { layout: false });
    expect(describeList(list)).toBe(document.querySelector('.messages'));
  });
  test('plain divs with messages: still the list, and its items in order', () => {
    loadFixture('plain-divs.html');
    const messages = document.querySelector('.messages')!;
    messages.insertAdjacentHTML('beforeend', '<div class="message message--incoming"><div class="message__bubble">Hi</div></div><div class="message message--outgoing"><div class="message__bubble">Hello</div></div>');
    const list = detectChatList(document, { layout: false })!;
    expect(describeList(list)).toBe(messages);
    expect(itemsOf(list)).toHaveLength(4);
    expect(itemOf(list, messages.lastElementChild!.firstElementChild!.firstChild!)).toBe(messages.lastElementChild);
  });
  test('generated class names (CSS-in-JS): the rows\' data-testid says what they are', () => {
    const rows = ['incoming', 'incoming', 'outgoing', 'incoming', 'outgoing']
      .map((side, i) => `<div data-testid="${side}-message" class="sc-kieALA ${side === 'incoming' ? 'sc-kHNKno etOjUj' : 'kMWHXB'}"><div><div class="sc-dibcMh"><div class="sc-jMpmlX">Line ${i} of the talk</div><div class="sc-kThouk">just now</div></div></div></div>`)
      .join('');
    document.body.innerHTML = `<div class="sc-iACgxi"><div class="sc-eJZSpO"><div>Card services</div></div><div class="sc-ciFqri"><div class="sc-jtazNH"><div class="sc-epGxBs">${rows}</div></div></div><form data-testid="message-form"><div data-testid="message-input" contenteditable="true"></div></form></div>`;
    expect(describeList(detectChatList(document, { layout: false }))).toBe(document.querySelector('.sc-epGxBs'));
  });
  test('an empty ARIA log is a chat list from the start', () => {
    loadFixture('aria-log.html');
    expect(describeList(detectChatList(document, { layout: false }))).toBe(document.querySelector('[role=log]'));
  });
  test('Chinese class names', () => {
    loadFixture('chinese.html');
    const box = document.querySelector('.聊天记录')!;
    box.innerHTML = '<div class="消息 客服消息"><div class="气泡"><span class="内容">您好</span></div></div><div class="消息 我的消息"><div class="气泡"><span class="内容">你好</span></div></div>';
    expect(describeList(detectChatList(document, { layout: false }))).toBe(box);
  });
  test('a list inside an open shadow root', () => {
    document.body.innerHTML = '<p>intro</p><support-chat></support-chat>';
    const root = document.querySelector('support-chat')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<header class="head">Support</header><div class="msgs"><chat-message from="operator">a</chat-message><chat-message from="visitor">b</chat-message></div>';
    const list = detectChatList(document, { layout: false })!;
    expect(list.container).toBe(root.querySelector('.msgs'));
  });
  test('a panel with a header and a composer is not the list, even while the list holds one notice', () => {
    document.body.innerHTML = `<div class="chat-container"><div class="conversation-header"><div class="user-name">Support</div><div class="info">Lee</div></div>
      <div class="message-list"><div class="message-list__scroll-wrapper"><div class="message-separator">Lee joined the chat</div><div class="scroll-to"></div></div></div>
      <div class="message-input"><div contenteditable="true"></div></div></div>`;
    expect(describeList(detectChatList(document, { layout: false }))).toBe(document.querySelector('.message-list__scroll-wrapper'));
  });
  test('a typing bubble beside the scroller that holds the rows does not make the pair a list', () => {
    document.body.innerHTML = `<div class="cs-message-list"><div class="cs-message-list__scroll-wrapper"><div class="cs-message-separator">Lee joined the chat</div><div class="cs-message-list__scroll-to"></div></div>
      <div class="cs-message-list__typing-indicator-container"><div class="cs-typing-indicator"><span>Lee</span> <span>…</span></div></div></div>`;
    expect(describeList(detectChatList(document, { layout: false }))).toBe(document.querySelector('.cs-message-list__scroll-wrapper'));
  });
  test('one lone bubble beside its avatar and name is a message, whatever speaker words its classes carry', () => {
    document.body.innerHTML = `<div id="messages"><div><div class="outer-message-container role-system"><div class="inner-message-container">
      <div class="avatar-container"><img class="avatar" alt=""></div><div class="name">System</div><div class="message-bubble system-message ai-message-text text-message"><p>Lee joined</p></div></div></div></div></div>`;
    expect(detectChatList(document, { layout: false })).toBeNull();
  });
  test('one message’s insides (avatar, name, bubble) are not a list', () => {
    document.body.innerHTML = `<div id="messages"><div><div class="outer-message-container role-system"><div class="inner-message-container">
      <div class="avatar-container"><img class="avatar" alt=""></div><div class="name">System</div><div class="message-bubble system-message"><p>Lee joined</p></div></div></div></div></div>`;
    expect(detectChatList(document, { layout: false })).toBeNull();
    const rows = document.querySelector('#messages > div')!;
    rows.insertAdjacentHTML('beforeend', '<div class="outer-message-container role-ai"><div class="inner-message-container"><div class="avatar-container"></div><div class="name">Lee</div><div class="message-bubble ai-message"><p>Hello</p></div></div></div>');
    expect(describeList(detectChatList(document, { layout: false }))).toBe(rows);
  });
  test('a bubble of an avatar with no text beside its content is a message, not a list (Ant Design X, its neighbour a typing row)', () => {
    document.body.innerHTML = `<div class="ant-bubble-list"><div class="ant-bubble ant-bubble-start" role="system"><div class="ant-bubble-content">Agent Sarah joined the chat</div></div>
      <div class="ant-bubble ant-bubble-start ant-bubble-typing" role="agent"><div class="ant-bubble-avatar"><span class="ant-avatar"><img src="a.png"></span></div><div class="ant-bubble-content ant-bubble-content-filled">Hello ther</div></div></div>`;
    expect(detectChatList(document, { layout: false })).toBeNull();
    document.querySelector('.ant-bubble-typing')!.classList.remove('ant-bubble-typing');
    expect(describeList(detectChatList(document, { layout: false }))).toBe(document.querySelector('.ant-bubble-list'));
  });
  test('an element with a single message child is not the list; the rows inside a message are not either', () => {
    document.body.innerHTML = '<div class="MessageList"><div class="Message SystemMessage"><div class="SystemMessage-inner"><span>Lee joined</span></div></div></div>';
    expect(detectChatList(document, { layout: false })).toBeNull();
    const list = document.querySelector('.MessageList')!;
    list.insertAdjacentHTML('beforeend', '<div class="Message left"><div class="Message-main"><div class="Message-author">Lee</div><div class="Message-content"><div class="Bubble text"><p>Hello</p></div></div></div></div>');
    expect(describeList(detectChatList(document, { layout: false }))).toBe(list);
  });
  test('rows in a transition-group <span>, wrapped in animated divs, beside a date line', () => {
    document.body.innerHTML = `<div class="x-messages-container"><div><div><div class="x-text-started">Conversation started: 25 Nov</div></div><span>
      <div class="x-fade-message-enter-active x-fade-message-enter-to"><div class="x-message-wrapper" id="m1"><div class="x-card-system"><p>Lee joined</p></div></div></div>
      <div><div class="x-message-wrapper" id="m2"><div class="x-message-box"><div class="x-message-card"><p>Hello</p></div></div></div></div>
      </span></div></div>`;
    const list = detectChatList(document, { layout: false })!;
    expect(describeList(list)).toBe(document.querySelector('span'));
    expect(itemsOf(list)).toHaveLength(2);
  });
  test('one bubble beside its time and its actions is a message, not a list (vue-advanced-chat, a message caught alone)', () => {
    document.body.innerHTML = `<div class="x-messages-container"><span><div class="x-fade-message-enter-active x-fade-message-enter-to"><div id="m3" class="x-message-wrapper">
      <div class="x-message-box x-offset-current"><div class="x-message-container x-message-container-offset"><div class="x-message-card x-message-current">
      <div class="x-format-message-wrapper"><div class="markdown"><p>I cannot pay my bill this month.</p></div></div>
      <div class="x-text-timestamp"><span>04:49</span></div><div class="x-message-actions-wrapper"><div class="x-options-container"><span></span></div></div>
      </div></div></div></div></div></span></div>`;
    expect(describeList(detectChatList(document, { layout: false }))).toBeNull();
  });
  test('pages without a chat: none', () => {
    document.body.innerHTML = `<nav><ul class="menu">${'<li><a href="#">Link</a></li>'.repeat(8)}</ul></nav>
      <main><div class="articles">${'<article class="card"><h2>News</h2><p>Story text</p></article>'.repeat(10)}</div>
      <ul class="links">${'<li><a href="/x">Product</a></li>'.repeat(12)}</ul><div aria-live="polite" class="sr-status"></div></main>`;
    expect(detectChatList(document, { layout: false })).toBeNull();
  });
  test('a picked selector wins, and a picked panel narrows to the list inside it', () => {
    loadFixture('plain-divs.html');
    const picked = detectChatList(document, { layout: false, pickedSelector: '.chat-widget__header' })!;
    expect(describeList(picked)).toBe(document.querySelector('.chat-widget__header'));
    const messages = document.querySelector('.messages')!;
    messages.insertAdjacentHTML('beforeend', '<div class="message message--incoming">Hi</div><div class="message message--outgoing">Hello</div>');
    const panel = detectChatList(document, { layout: false, pickedSelector: '.chat-widget' })!;
    expect(panel.source).toBe('picked');
    expect(describeList(panel)).toBe(messages);
  });
  test('an adapter’s markup is found by its probe', () => {
    document.body.innerHTML = '<div class="intercom-conversation-parts"><div class="intercom-conversation-part intercom-conversation-part-admin"><div class="intercom-comment">Hi</div></div></div>';
    const list = detectChatList(document, { layout: false })!;
    expect(list.adapter?.name).toBe('intercom');
    expect(itemsOf(list)).toHaveLength(1);
  });
});

describe('selectors for picked elements', () => {
  test('round-trip through a shadow root', () => {
    document.body.innerHTML = '<div class="app"><support-chat></support-chat></div>';
    const root = document.querySelector('support-chat')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<div class="wrap"><div class="msgs"></div><div class="msgs"></div></div>';
    const target = root.querySelectorAll('.msgs')[1];
    const sel = selectorFor(target);
    expect(sel).toContain(' >>> ');
    expect(resolveDeepSelector(document, sel)).toBe(target);
  });
  test('prefers a stable id, skips generated ones', () => {
    document.body.innerHTML = '<div id="chat-log"><div class="x"></div></div><div id="a8f3k29x1"><div class="y"></div></div>';
    expect(selectorFor(document.querySelector('#chat-log')!)).toBe('#chat-log');
    const sel = selectorFor(document.querySelector('.y')!);
    expect(sel).not.toContain('a8f3k29x1');
    expect(resolveDeepSelector(document, sel)).toBe(document.querySelector('.y'));
  });
});
