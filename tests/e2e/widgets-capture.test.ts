// Capture must be exact on real chat widgets the team never tuned for: for each
// fixture built from an open-source chat UI library (and two of them inside a
// cross-origin iframe), record a zh and an en negotiation through the widget's
// own input and API, export, and require the exported messages to equal the
// script: same speakers, same text, in order, each once, no UI chrome. On ChatUI,
// older history loaded above the conversation must come out in chat order with its note.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildWidgetFixtures } from '../../scripts/build-widget-fixtures.mjs';
import { NEGOTIATION_SCRIPTS, type Lang, type ScriptLine } from '../fixtures/widgets/src/negotiation-scripts';
import { WIDGET_FIXTURES, openWidget, play, transcript } from '../fixtures/widgets/widget-drivers';
import { launchWithExtension, waitFor, type ExtensionBrowser } from './support/browser';
import { startFixtureServer } from './support/server';

let b: ExtensionBrowser;
let server: Awaited<ReturnType<typeof startFixtureServer>>;

beforeAll(async () => {
  [b, server] = await Promise.all([launchWithExtension(), startFixtureServer(), buildWidgetFixtures()]);
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

function messagesOf(caseFile: any): ScriptLine[] {
  return caseFile.entries.filter((e: any) => e.kind === 'message').map((e: any) => ({ speaker: e.speaker, text: e.text }));
}

/**
 * Plays the script in the widget, starting the capture after `startAfter` lines
 * (0: on an empty chat; more: mid-conversation, so the lines already shown must
 * be recorded too), and returns the exported message entries and the case file.
 */
async function captureScript(widget: (typeof WIDGET_FIXTURES)[number], lang: Lang, startAfter: number) {
  const script = NEGOTIATION_SCRIPTS[lang];
  const { page, frame } = await openWidget(b.context, server.origin, widget, lang);
  try {
    const tabId = await b.tabIdOf(page);
    for (const line of script.slice(0, startAfter)) await play(frame, widget, line);
    const started = await b.api({ type: 'capture.start', tabId });
    expect(started).toMatchObject({ ok: true });
    for (const line of script.slice(startAfter)) await play(frame, widget, line);
    // The fixture itself did what the script says (else the failure is the fixture's, not the capture's).
    expect(await transcript(frame)).toEqual(script);

    // Give the capture a moment to store everything; the assertions show what is missing or extra.
    await waitFor(async () => (await b.api({ type: 'capture.status', tabId })).count >= script.length, { timeout: 5_000, what: 'all messages stored' }).catch(() => undefined);
    const exported = await b.api({ type: 'session.export', sessionId: started.sessionId, format: 'json' });
    expect(exported).toMatchObject({ ok: true });
    await b.api({ type: 'capture.stop', tabId });
    return { messages: messagesOf(exported.data), caseFile: exported.data };
  } finally {
    await page.close();
  }
}

describe.each(WIDGET_FIXTURES)('$id', (widget) => {
  test.each(['zh', 'en'] as Lang[])('%s negotiation is captured exactly', async (lang) => {
    const { messages, caseFile } = await captureScript(widget, lang, 0);
    expect(messages).toEqual(NEGOTIATION_SCRIPTS[lang]);
    // Nothing was edited or removed along the way: the widgets only append.
    expect(caseFile.entries.filter((e: any) => e.kind !== 'message')).toEqual([]);
  });

  test('capture started mid-conversation records the messages already shown, then the rest', async () => {
    const { messages } = await captureScript(widget, 'zh', 4);
    expect(messages).toEqual(NEGOTIATION_SCRIPTS.zh);
  });
});

test('ChatUI: older history the library puts above the conversation (prependMsgs) is recorded in chat order and placed by a note', async () => {
  const widget = WIDGET_FIXTURES.find((w) => w.page === 'chatui' && !w.iframe)!;
  const script = NEGOTIATION_SCRIPTS.en;
  const history: ScriptLine[] = [
    { speaker: 'user', text: 'Last month I asked about my repayment date.' },
    { speaker: 'agent', text: 'Your repayment date is the 10th of each month.' },
    { speaker: 'user', text: 'Thank you.' },
  ];
  const { page, frame } = await openWidget(b.context, server.origin, widget, 'en');
  try {
    const tabId = await b.tabIdOf(page);
    const started = await b.api({ type: 'capture.start', tabId });
    for (const line of script.slice(0, 4)) await play(frame, widget, line);
    await frame.evaluate((lines) => (window as any).__widget.history(lines), history);
    expect(await transcript(frame)).toEqual([...history, ...script.slice(0, 4)]);
    await waitFor(async () => (await b.api({ type: 'capture.status', tabId })).count >= 8, { timeout: 10_000, what: '8 entries' });
    await new Promise((r) => setTimeout(r, 500));
    const exported = await b.api({ type: 'session.export', sessionId: started.sessionId, format: 'json' });
    expect(exported.data.entries.map((e: any) => ({ kind: e.kind, speaker: e.speaker, text: e.text }))).toEqual([
      ...[...script.slice(0, 4), ...history].map((l) => ({ kind: 'message', ...l })),
      { kind: 'message', speaker: 'system', text: '[entries #4–#6 are older messages the page showed later: in the chat they come before entry #0]' },
    ]);
    await b.api({ type: 'capture.stop', tabId });
  } finally {
    await page.close();
  }
});
