// Suggestions must go into every widget's own chat box and be sendable with
// the widget's own send button: compose.insert, click send, and the widget's
// message state (its library's, not the DOM) ends with exactly that text.
// Twice per widget, so the second insert lands in a box the library emptied.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildWidgetFixtures } from '../../scripts/build-widget-fixtures.mjs';
import { INSERT_TEXTS, NEGOTIATION_SCRIPTS } from '../fixtures/widgets/src/negotiation-scripts';
import { WIDGET_FIXTURES, idle, inputText, openWidget, play, transcript } from '../fixtures/widgets/widget-drivers';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
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

describe.each(WIDGET_FIXTURES)('$id', (widget) => {
  test('compose.insert fills its chat box and its send button sends exactly that text', async () => {
    const { page, frame } = await openWidget(b.context, server.origin, widget, 'zh');
    try {
      const tabId = await b.tabIdOf(page);
      // The agent has spoken, as in a real chat when the person picks a suggestion.
      await play(frame, widget, NEGOTIATION_SCRIPTS.zh[1]);

      for (const text of [INSERT_TEXTS.zh, INSERT_TEXTS.en]) {
        expect(await b.api({ type: 'compose.insert', tabId, text })).toEqual({ ok: true });
        expect((await inputText(frame, widget)).trim()).toBe(text);
        await frame.click(widget.send);
        await idle(frame);
        expect((await transcript(frame)).at(-1)).toEqual({ speaker: 'user', text });
        expect((await inputText(frame, widget)).trim()).toBe('');
      }
    } finally {
      await page.close();
    }
  });
});
