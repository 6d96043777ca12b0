// Site adapters as data: which hosts each adapter claims, that every selector parses, and,
// on each adapter's fixture page (its platform's markup, played in jsdom), that detection
// takes the adapter's list, reads every message with the right speaker and text, skips the
// typing indicator, and that without the adapter the generic detection would have chosen
// another list (the host page's notification feed): the adapter is what makes capture right.
// A widget in a frame of the page is read in the frame's document.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { SITE_ADAPTERS, adapterInChildFrame, adapterScope, adaptersForHost, adaptersInDocument } from '../../../src/lib/capture/adapters';
import { detectChatList, itemsOf } from '../../../src/content/capture/detect';
import { extractMessage } from '../../../src/content/capture/extract';
import { ADAPTER_FIXTURES, expectedMessages, scriptFor, type AdapterFixture, type Lang } from '../../fixtures/adapters/adapter-scripts';

// jsdom ships no types here (the other unit tests use it only as vitest's environment): the part this file uses.
interface JSDOM {
  window: Window & typeof globalThis & { __fixture: any };
}
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string, options?: object) => JSDOM };

const DIR = join(__dirname, '../../fixtures/adapters');
const names = (host: string) => adaptersForHost(host).map((a) => a.name);

describe('adaptersForHost', () => {
  test.each([
    ['app.chatwoot.com', 'chatwoot'],
    ['chatwoot.com', 'chatwoot'],
    ['widget.tiledesk.com', 'tiledesk'],
    ['open.rocket.chat', 'rocket-chat-livechat'],
    ['acme.zammad.com', 'zammad'],
    ['widget.intercom.io', 'intercom'],
    ['js.intercomcdn.com', 'intercom'],
    ['demo.livehelperchat.com', 'live-helper-chat'],
    ['embed.tawk.to', 'tawk'],
    ['acme.zendesk.com', 'zendesk-chat'],
    ['static.zdassets.com', 'zendesk-chat'],
    ['webchat.botframework.com', 'botframework-webchat'],
    ['acme.odoo.com', 'odoo-livechat'],
    ['kefu.easemob.com', 'easemob-kefu'],
    ['webim.kefu.easemob.com', 'easemob-kefu'],
    ['sandbox.kefu.easemob.com', 'easemob-kefu'],
    ['tawk.to', 'tawk'],
  ])('%s → %s', (host, name) => {
    expect(names(host)).toEqual([name]);
  });

  test.each(['127.0.0.1', 'localhost', 'example.com', 'chatwoot.com.evil.example', 'notrocket.chat', 'mytiledesk.com', 'zammad.com.cn', 'bank.example.cn', 'tawk.to.example.com', 'zendesk.com.evil.example'])('%s → none', (host) => {
    expect(names(host)).toEqual([]);
  });

  test('takes another list of adapters', () => {
    const only = [{ ...SITE_ADAPTERS[0], name: 'x', match: /^x\.test$/ }];
    expect(adaptersForHost('x.test', only).map((a) => a.name)).toEqual(['x']);
    expect(adaptersForHost('app.chatwoot.com', only)).toEqual([]);
  });
});

describe('adapter records', () => {
  test('names are unique and every adapter has a fixture page', () => {
    const all = SITE_ADAPTERS.map((a) => a.name);
    expect(new Set(all).size).toBe(all.length);
    expect(ADAPTER_FIXTURES.map((f) => f.adapter).sort()).toEqual([...all].sort());
  });

  test.each(SITE_ADAPTERS.map((a) => [a.name, a] as const))('%s: every selector parses', (_name, a) => {
    const { document } = new JSDOM('<!doctype html><body></body>').window;
    const selectors = [a.probe, a.list, a.message, a.author, a.text, a.time, a.input, a.send, ...a.speaker.map((r) => r.selector)];
    for (const s of selectors) if (s) expect(() => document.querySelector(s), s).not.toThrow();
  });
});

/** The fixture page in jsdom, its scripts run (the kit inlined), on host 127.0.0.1 like the e2e server. */
function openFixture(page: string): JSDOM {
  const kit = readFileSync(join(DIR, 'adapter-kit.js'), 'utf8');
  const html = readFileSync(join(DIR, page), 'utf8').replace('<script src="adapter-kit.js"></script>', () => `<script>${kit}</script>`);
  const dom = new JSDOM(html, { runScripts: 'dangerously', url: `http://127.0.0.1/fixtures/adapters/${page}` });
  useClassesOf(dom.window);
  return dom;
}

/** The capture code tests nodes with instanceof: give it the classes of the window the widget is in. */
function useClassesOf(win: Window): void {
  const g = globalThis as Record<string, unknown>;
  for (const name of ['Element', 'ShadowRoot', 'Text', 'Node', 'HTMLElement', 'NodeFilter']) g[name] = (win as unknown as Record<string, unknown>)[name];
}

/**
 * The fixture with the widget's document: the page's own, or its frame's. A frame the page
 * loads from a file (srcdoc, which jsdom does not load) is opened as a page of its own.
 */
function openWidget(f: AdapterFixture): { dom: JSDOM; doc: Document } {
  if (!f.frame) {
    const dom = openFixture(f.page);
    return { dom, doc: dom.window.document };
  }
  if (f.frame.document) {
    const dom = openFixture(f.frame.document);
    return { dom, doc: dom.window.document };
  }
  const dom = openFixture(f.page);
  const frame = dom.window.document.querySelector(f.frame.selector) as HTMLIFrameElement;
  useClassesOf(frame.contentWindow!);
  return { dom, doc: frame.contentDocument! };
}

function play(dom: JSDOM, steps: ReturnType<typeof scriptFor>): void {
  const fixture = dom.window.__fixture;
  for (const s of steps) {
    if ('typing' in s) fixture.typing(true);
    else fixture.say(s.speaker, s.text);
  }
}

describe.each(ADAPTER_FIXTURES)('$adapter fixture', (f) => {
  const adapter = SITE_ADAPTERS.find((a) => a.name === f.adapter)!;

  test.each(['zh', 'en'] as Lang[])('%s: the adapter chooses the list and reads every message exactly', (lang) => {
    const { dom, doc } = openWidget(f);
    const steps = scriptFor(f, lang);
    play(dom, steps);
    // The page ends with the typing indicator on: it is in the DOM, and must not be read as a message.
    expect(dom.window.__fixture.transcript()).toEqual(expectedMessages(steps));

    const list = detectChatList(doc, { layout: false })!;
    expect(list).not.toBeNull();
    expect(list.source).toBe('adapter');
    expect(list.adapter?.name).toBe(f.adapter);
    expect(list.container).toBe(adapterScope(doc, adapter)!.querySelector(adapter.list));

    // jsdom's selector engine returns a selector list with :has() out of document order (browsers do not): sort.
    const items = itemsOf(list).sort((a, b) => (a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
    const read = items
      .map((item) => extractMessage(item, { list: list.container, adapter: list.adapter, layout: false, styles: false }))
      .filter((m) => m !== null);
    expect(read.map((m) => ({ speaker: m!.speaker, text: m!.text }))).toEqual(expectedMessages(steps));
    if (f.agentName) expect(read.find((m) => m!.speaker === 'agent')!.author).toBe(f.agentName);
  });

  // In a frame of its own the widget's list is the only one; the host feed is in the page around it.
  test.runIf(!f.frame)('without the adapter, generic detection picks another list: the host feed', () => {
    const dom = openFixture(f.page);
    const doc = dom.window.document;
    play(dom, scriptFor(f, 'en'));
    const generic = detectChatList(doc, { layout: false, adapters: [] })!;
    expect(generic.source).not.toBe('adapter');
    expect(generic.container).not.toBe(adapterScope(doc, adapter)!.querySelector(adapter.list));
    expect(generic.container).toBe(doc.querySelector('.site-notification-messages'));
  });

  test('the probe finds the widget on a page of another host', () => {
    const { doc } = openWidget(f);
    expect(adapter.match?.test('127.0.0.1') ?? false).toBe(false);
    expect(adapterScope(doc, adapter)?.querySelector(adapter.probe!)).not.toBeNull();
  });
});

describe('a platform chat in a frame of the page', () => {
  const TAWK_PANEL = readFileSync(join(DIR, 'tawk-panel.html'), 'utf8').replace(/<script[\s\S]*?<\/script>/g, '');
  /** A page with the host feed and an iframe; `fill` writes into the iframe's (same-origin, about:blank) document. */
  function pageWithFrame(frameSrc: string | null, fill?: (frameDoc: Document) => void): Document {
    const dom = new JSDOM('<!doctype html><body></body>', { runScripts: 'outside-only', url: 'http://127.0.0.1/host.html' });
    const doc = dom.window.document;
    useClassesOf(dom.window);
    dom.window.eval(readFileSync(join(DIR, 'adapter-kit.js'), 'utf8'));
    (dom.window as unknown as { addHostFeed(): void }).addHostFeed();
    const frame = doc.createElement('iframe');
    if (frameSrc) frame.setAttribute('src', frameSrc);
    doc.body.appendChild(frame);
    if (fill) fill(frame.contentDocument!);
    return doc;
  }

  test('an adapter applies before its first message (probe present, no list yet)', () => {
    const doc = pageWithFrame(null, (d) => d.write(TAWK_PANEL));
    const frameDoc = doc.querySelector('iframe')!.contentDocument!;
    expect(adaptersInDocument(frameDoc, '').map((a) => a.name)).toEqual(['tawk']);
    expect(frameDoc.querySelector(':has(> .tawk-message-block)')).toBeNull();
  });

  test('a frameset page whose frame is loaded from a platform host gives way to it too', () => {
    const doc = new JSDOM('<!doctype html><frameset><frame src="https://maps.example.com/embed"><frame src="https://widget.tiledesk.com/v5/index.html"></frameset>').window.document;
    expect(doc.getElementsByTagName('iframe')).toHaveLength(0);
    expect(adapterInChildFrame(doc)).toBe(true);
    (doc.getElementsByTagName('frame')[1] as HTMLFrameElement).src = 'https://news.example.com/';
    expect(adapterInChildFrame(doc)).toBe(false);
  });

  test.each([
    ['a same-origin frame holding a platform widget', null, true, true],
    ['a frame loaded from a platform host', 'https://widget.tiledesk.com/v5/index.html', false, true],
    ['a frame of another site', 'https://maps.example.com/embed', false, false],
    ['an empty frame', null, false, false],
  ] as const)('%s (src %s, tawk panel inside: %s): the page gives way to it: %s', (_what, src, withPanel, framed) => {
    const doc = pageWithFrame(src, withPanel ? (d) => d.write(TAWK_PANEL) : undefined);
    expect(adapterInChildFrame(doc)).toBe(framed);
    const found = detectChatList(doc, { layout: false });
    if (framed) expect(found).toBeNull();
    else expect(found?.container).toBe(doc.querySelector('.site-notification-messages'));
  });
});
