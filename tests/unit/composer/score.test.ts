// @vitest-environment jsdom
// Probe scoring: the chat box must beat the site's search box, login fields and
// unrelated inputs, whatever order they come in; focus history decides ties.
import { afterEach, describe, expect, test } from 'vitest';
import { candidateEditables, findChatInput } from '../../../src/content/composer/find-input';
import { rememberFocus, resetFocusHistory } from '../../../src/content/composer/focus-history';
import { hasNearbySendButton, scoreEditable, type Layout } from '../../../src/content/composer/score';

/** jsdom has no layout: everything not hidden is "visible", and a data-top attribute places it. */
const fakeLayout: Layout = {
  visible: (el) => !(el as HTMLElement).hidden && !el.closest('[hidden]'),
  rect: (el) => {
    const top = Number(el.getAttribute('data-top') ?? 0);
    return { top, bottom: top + 40, width: 300, height: 40 };
  },
  viewportHeight: () => 800,
};
const noFocus = { focused: null, lastFocused: null };

afterEach(() => {
  resetFocusHistory();
  document.body.innerHTML = '';
});

function byId(id: string): HTMLElement {
  return document.getElementById(id) ?? (document.querySelector('x-widget')!.shadowRoot!.getElementById(id) as HTMLElement);
}

describe('scoreEditable', () => {
  test('a search box scores 0, a chat textarea beside a send button scores high', () => {
    document.body.innerHTML = `
      <header><input id="search" type="search" placeholder="搜索"></header>
      <div class="composer"><textarea id="chat" placeholder="请输入消息" data-top="700"></textarea><button>发送</button></div>`;
    expect(scoreEditable(byId('search'), noFocus, fakeLayout)).toBe(0);
    expect(scoreEditable(byId('chat'), noFocus, fakeLayout)).toBeGreaterThanOrEqual(60);
  });

  test('an invisible editable scores 0', () => {
    document.body.innerHTML = '<div hidden><textarea id="t" placeholder="message"></textarea></div>';
    expect(scoreEditable(byId('t'), noFocus, fakeLayout)).toBe(0);
  });

  test('focus and last focus raise the score', () => {
    document.body.innerHTML = '<textarea id="t"></textarea>';
    const t = byId('t');
    const base = scoreEditable(t, noFocus, fakeLayout);
    expect(scoreEditable(t, { focused: null, lastFocused: t }, fakeLayout)).toBeGreaterThan(base);
    expect(scoreEditable(t, { focused: t, lastFocused: null }, fakeLayout)).toBeGreaterThan(scoreEditable(t, { focused: null, lastFocused: t }, fakeLayout));
  });

  test('English vocabulary counts too', () => {
    document.body.innerHTML = '<input id="a" placeholder="Type a message"><input id="b" placeholder="Order number">';
    expect(scoreEditable(byId('a'), noFocus, fakeLayout)).toBeGreaterThan(scoreEditable(byId('b'), noFocus, fakeLayout));
  });
});

describe('hasNearbySendButton', () => {
  test.each([
    ['<button>发送</button>', true],
    ['<button aria-label="Send message"><svg></svg></button>', true],
    ['<div role="button" class="btn-send"></div>', true],
    ['<button>取消</button>', false],
    ['<button>发送验证码并继续下一步操作，请耐心等待</button>', false],
  ])('%s → %s', (button, expected) => {
    document.body.innerHTML = `<div><div><textarea id="t"></textarea></div>${button}</div>`;
    expect(hasNearbySendButton(byId('t'))).toBe(expected);
  });
});

describe('findChatInput', () => {
  test('picks the chat box over a search box and a login field wherever they are', () => {
    document.body.innerHTML = `
      <input id="user" placeholder="用户名"><input id="search" placeholder="搜索帮助">
      <div id="chat-area"><div id="ed" contenteditable="true" class="ql-editor" data-top="600"></div><button>发送</button></div>`;
    expect(findChatInput(document, fakeLayout)?.el.id).toBe('ed');
  });

  test('finds an input inside an open shadow root', () => {
    document.body.innerHTML = '<x-widget></x-widget><input id="search" type="search">';
    const root = document.querySelector('x-widget')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<textarea id="inner" placeholder="Type your message"></textarea><button>Send</button>';
    expect(candidateEditables(document).map((e) => e.id)).toContain('inner');
    expect(findChatInput(document, fakeLayout)?.el.id).toBe('inner');
  });

  test('the last focused editable wins among plain fields', () => {
    document.body.innerHTML = '<textarea id="a"></textarea><textarea id="b"></textarea>';
    rememberFocus(byId('b'));
    expect(findChatInput(document, fakeLayout)?.el.id).toBe('b');
    rememberFocus(byId('a'));
    expect(findChatInput(document, fakeLayout)?.el.id).toBe('a');
  });

  test('a page with no usable editable has no chat input', () => {
    document.body.innerHTML = '<input type="search" placeholder="搜索"><textarea disabled></textarea><button>发送</button>';
    expect(findChatInput(document, fakeLayout)).toBeNull();
  });
});
