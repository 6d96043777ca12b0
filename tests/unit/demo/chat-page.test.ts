// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { mountChat, optionsFromUrl } from '../../../demo/chat.js';

// jsdom replaces the global URL, so build the path from this file's own path.
const here = path.dirname(fileURLToPath(import.meta.url));
const html = readFileSync(path.join(here, '../../../demo/chat.html'), 'utf8');
const body = html.slice(html.indexOf('<body>') + 6, html.indexOf('<script'));

const $ = <T extends Element>(sel: string) => document.querySelector(sel) as T;

/** Type into the textarea the way an extension should: set value, then dispatch input. */
function typeText(text: string) {
  const input = $<HTMLTextAreaElement>('#chat-input');
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function pressEnter(init: KeyboardEventInit = {}) {
  const event = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, ...init });
  $<HTMLTextAreaElement>('#chat-input').dispatchEvent(event);
  return event;
}

describe('demo chat page', () => {
  beforeEach(() => {
    document.body.innerHTML = body;
  });

  it('joins, greets after the typing delay, and shows typing only while waiting', async () => {
    const demo = mountChat(document, { lang: 'zh', delay: 50 });
    expect($('.msg--system')?.textContent).toBe('客服小美已接入');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(demo.transcript()).toHaveLength(1);
    expect($('.typing-indicator')?.textContent).toContain('正在输入');
    await demo.idle();
    expect($('.typing-indicator')).toBeNull();
    expect(demo.transcript()).toEqual([
      { speaker: 'system', text: '客服小美已接入' },
      { speaker: 'agent', text: '您好，欢迎咨询支付宝在线客服，请问有什么可以帮您？' },
    ]);
    expect($('#chat-log').getAttribute('role')).toBe('log');
  });

  it('enables Send only from input events and sends with Enter', async () => {
    const demo = mountChat(document, { lang: 'en', delay: 1 });
    await demo.idle();
    const send = $<HTMLButtonElement>('#send-button');
    expect(send.disabled).toBe(true);
    $<HTMLTextAreaElement>('#chat-input').value = 'set without an event';
    pressEnter();
    expect(demo.transcript()).toHaveLength(2);

    typeText('Hello, my bill is overdue');
    expect(send.disabled).toBe(false);
    expect(pressEnter().defaultPrevented).toBe(true);
    expect(send.disabled).toBe(true);
    expect($<HTMLTextAreaElement>('#chat-input').value).toBe('');
    await demo.idle();
    const rows = [...document.querySelectorAll('.msg--user, .msg--agent')];
    expect(rows.at(-2)?.querySelector('.msg__author')?.textContent).toBe('You');
    expect(rows.at(-2)?.querySelector('.msg__bubble')?.textContent).toBe('Hello, my bill is overdue');
    expect(rows.at(-1)?.querySelector('.msg__bubble')?.textContent).toContain('agent ID A-1234');
    expect(demo.step()).toBe('introduce');
  });

  it('keeps Shift+Enter and IME Enter for the text box', () => {
    const demo = mountChat(document, { delay: 1 });
    typeText('第一行');
    expect(pressEnter({ shiftKey: true }).defaultPrevented).toBe(false);
    expect(pressEnter({ isComposing: true }).defaultPrevented).toBe(false);
    expect(demo.transcript().filter((m) => m.speaker === 'user')).toEqual([]);
  });

  it('sends with the Send button and reset starts over', async () => {
    const demo = mountChat(document, { delay: 1 });
    await demo.idle();
    typeText('你好');
    $<HTMLButtonElement>('#send-button').click();
    await demo.idle();
    expect(demo.transcript().map((m) => m.speaker)).toEqual(['system', 'agent', 'user', 'agent']);
    demo.reset();
    await demo.idle();
    expect(demo.transcript().map((m) => m.speaker)).toEqual(['system', 'agent']);
    expect(document.querySelectorAll('.msg')).toHaveLength(2);
  });

  it('reads language and delay from the URL', () => {
    expect(optionsFromUrl('?lang=en&delay=50')).toEqual({ lang: 'en', delay: 50 });
    expect(optionsFromUrl('')).toEqual({ lang: 'zh', delay: 400 });
    expect(optionsFromUrl('?lang=fr&delay=-3')).toEqual({ lang: 'zh', delay: 400 });
  });
});
