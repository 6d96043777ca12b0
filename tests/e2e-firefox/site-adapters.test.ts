// Firefox twin of the site-adapter captures where the widget is not plainly in the page: tawk.to's
// panel in an about:srcdoc frame and Zendesk's in an about:blank one (the content script must run
// in both: match_about_blank), and Odoo's live chat in an open shadow root. The en negotiation,
// typing indicator included, must be exported exactly, the host page's feed left out.
import { expect, test } from 'vitest';
import { waitFor } from '../e2e/support/browser';
import { launchFirefoxWithExtension, type FirefoxExtensionBrowser } from '../e2e/support/firefox';
import { useBrowserAndFixtures, type FixtureServer } from '../e2e/support/suite';
import { ADAPTER_FIXTURES, expectedMessages, scriptFor } from '../fixtures/adapters/adapter-scripts';

let b: FirefoxExtensionBrowser;
let server: FixtureServer;

useBrowserAndFixtures(launchFirefoxWithExtension, (env) => void ({ b, server } = env));

test.each(['tawk', 'zendesk-chat', 'odoo-livechat'])('%s: the en negotiation is recorded exactly', async (name) => {
  const fixture = ADAPTER_FIXTURES.find((f) => f.adapter === name)!;
  const page = await b.browser.newPage();
  try {
    await page.goto(`${server.origin}/fixtures/adapters/${fixture.page}`);
    await page.waitForFunction(() => (window as any).__fixture);
    const tabId = await b.tabIdOf(page);
    const { sessionId } = await b.api({ type: 'capture.start', tabId });
    await waitFor(async () => (await b.api({ type: 'capture.status', tabId })).capturing, { what: 'capturing' });
    await new Promise((r) => setTimeout(r, 300));
    const steps = scriptFor(fixture, 'en');
    for (const s of steps) {
      if ('typing' in s) await page.evaluate(() => (window as any).__fixture.typing(true));
      else await page.evaluate((speaker, text) => (window as any).__fixture.say(speaker, text), s.speaker, s.text);
      await new Promise((r) => setTimeout(r, 'typing' in s ? 250 : 60));
    }
    const expected = expectedMessages(steps);
    const messages = async () =>
      ((await b.api({ type: 'session.export', sessionId, format: 'json' })).data.entries as { kind: string; speaker: string; text: string }[])
        .filter((e) => e.kind === 'message')
        .map((e) => ({ speaker: e.speaker, text: e.text }));
    await waitFor(async () => (await messages()).length >= expected.length, { what: `${expected.length} messages`, timeout: 15_000 }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 800));
    expect(await messages()).toEqual(expected);
    await b.api({ type: 'capture.stop', tabId });
  } finally {
    await page.close();
  }
});
