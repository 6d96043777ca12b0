// The router answers every request: valid ones reach their handler, anything else gets ok:false with a code.
import { describe, expect, test, vi } from 'vitest';
import { createRouter, type Handlers } from '../../../src/background/router';
import { REQUEST_SPECS } from '../../../src/lib/validate';
import { ApiError, type RequestType } from '../../../src/lib/messages';
import type { RequestContext } from '../../../src/background/context';

vi.mock('../../../src/lib/browser', () => ({ default: {} }));

const page: RequestContext = { fromContentScript: false, senderTabId: null, senderFrameId: null, senderUrl: 'chrome-extension://x/popup.html', tabUrl: null };
const content: RequestContext = { fromContentScript: true, senderTabId: 7, senderFrameId: 0, senderUrl: 'https://bank.example/chat', tabUrl: 'https://bank.example/chat' };

function echoHandlers(): Handlers {
  const handlers: Record<string, unknown> = {};
  for (const type of Object.keys(REQUEST_SPECS)) handlers[type] = async (req: unknown) => ({ echoed: req });
  return handlers as Handlers;
}

/** A request of each type that passes validation. */
const VALID: Record<RequestType, Record<string, unknown>> = {
  'capture.start': { tabId: 1 },
  'capture.stop': { tabId: 1 },
  'capture.status': { tabId: 1 },
  'capture.pick': { tabId: 1 },
  'session.list': {},
  'session.export': { sessionId: 's', format: 'json' },
  'session.verify': { data: {} },
  'compose.insert': { tabId: 1, text: 'hi' },
  'suggest.list': { transcript: [{ speaker: 'agent', text: 'hello' }], locale: 'en', limit: 3 },
  'session.get': { sessionId: 's' },
  'session.delete': { sessionId: 's' },
  'session.note': { sessionId: 's', text: 'n' },
  'session.set-agent': { sessionId: 's', agent: { name: 'Lily', employeeId: null } },
  'session.set-agreement': { sessionId: 's', agreement: { kind: 'deferral', amount: '100', currency: 'CNY', dueDates: ['2026-12-15'], conditions: '' } },
  'session.screenshot': { tabId: 1 },
  'session.attachment': { sessionId: 's', attachmentId: 'a' },
  'profile.get': {},
  'profile.set': { profile: { name: 'x' } },
  'phrases.list': { locale: 'zh-CN' },
  'phrases.save': { phrase: { stage: 'open', locale: 'en', text: 'Hello' } },
  'phrases.delete': { id: 'p' },
  'settings.get': {},
  'settings.set': { settings: { theme: 'dark' } },
  'sidebar.toggle': { tabId: 1, open: true },
  'tab.current': {},
  'content.status': {},
  'content.pick-saved': { selector: '#chat' },
  'content.look': {},
};

/** For each type with required fields: a request that breaks it. */
const INVALID: Partial<Record<RequestType, Record<string, unknown>>> = {
  'capture.start': { tabId: '1' },
  'capture.stop': {},
  'capture.status': { tabId: -1 },
  'capture.pick': { tabId: 1.5 },
  'session.export': { sessionId: 's', format: 'pdf' },
  'session.verify': {},
  'compose.insert': { tabId: 1, text: '' },
  'suggest.list': { transcript: [{ speaker: 'bot', text: 'x' }] },
  'session.get': { sessionId: 3 },
  'session.delete': { sessionId: '' },
  'session.note': { sessionId: 's' },
  'session.set-agent': { sessionId: 's', agent: { name: 5 } },
  'session.set-agreement': { sessionId: 's', agreement: { kind: 'deferral', amount: '1', currency: null, dueDates: ['15/12/2026'], conditions: '' } },
  'session.screenshot': { tabId: null },
  'session.attachment': { sessionId: 's' },
  'profile.set': { profile: 'me' },
  'phrases.list': { locale: 'fr' },
  'phrases.save': { phrase: { stage: 'open', locale: 'en', text: '  ' } },
  'phrases.delete': {},
  'settings.set': { settings: [] },
  'sidebar.toggle': { tabId: 1, open: 'yes' },
  'content.pick-saved': { selector: '' },
};

describe('router', () => {
  const route = createRouter(echoHandlers());

  test.each(Object.keys(REQUEST_SPECS) as RequestType[])('%s: a valid request reaches its handler', async (type) => {
    const reply = (await route({ type, ...VALID[type] }, page)) as { ok: boolean; echoed?: { type: string } };
    expect(reply.ok).toBe(true);
    expect(reply.echoed?.type).toBe(type);
  });

  test.each(Object.keys(INVALID) as RequestType[])('%s: a malformed request gets bad-request', async (type) => {
    const reply = await route({ type, ...INVALID[type] }, page);
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  test('every type with a required field has an invalid case', () => {
    const withRequired = (Object.keys(REQUEST_SPECS) as RequestType[]).filter((t) => Object.keys(REQUEST_SPECS[t]).some((k) => !k.endsWith('?')));
    expect(withRequired.filter((t) => !INVALID[t])).toEqual([]);
  });

  test.each([undefined, null, 'capture.start', 42, [], {}, { type: 5 }])('non-request %j gets bad-request', async (msg) => {
    expect(await route(msg, page)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  test('an unknown type gets unknown-type', async () => {
    expect(await route({ type: 'capture.explode' }, page)).toMatchObject({ ok: false, error: { code: 'unknown-type' } });
  });

  test('a prototype key is not a type', async () => {
    expect(await route({ type: 'toString' }, page)).toMatchObject({ ok: false, error: { code: 'unknown-type' } });
  });

  test('a content script may not use page-only calls', async () => {
    expect(await route({ type: 'session.list' }, content)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await route({ type: 'session.export', sessionId: 's', format: 'json' }, content)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  test('a content script may only speak of its own tab', async () => {
    expect(await route({ type: 'capture.status', tabId: 8 }, content)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await route({ type: 'capture.status', tabId: 7 }, content)).toMatchObject({ ok: true });
  });

  test('handler errors become ok:false with their code, never a throw', async () => {
    const handlers = echoHandlers();
    handlers['session.get'] = async () => {
      throw new ApiError('not-found', 'session s not found');
    };
    handlers['session.list'] = async () => {
      throw new TypeError('boom');
    };
    const r = createRouter(handlers);
    expect(await r({ type: 'session.get', sessionId: 's' }, page)).toEqual({ ok: false, error: { code: 'not-found', message: 'session s not found' } });
    const silent = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await r({ type: 'session.list' }, page)).toMatchObject({ ok: false, error: { code: 'internal' } });
    silent.mockRestore();
  });
});

describe('handlers', () => {
  test('every request type has a handler', async () => {
    const { handlers } = await import('../../../src/background/handlers');
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(REQUEST_SPECS).sort());
  });
});
