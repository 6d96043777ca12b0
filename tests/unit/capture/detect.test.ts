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
