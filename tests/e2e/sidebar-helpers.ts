// Helpers of the sidebar's end-to-end tests: open a demo chat tab, open the
// sidebar in it through the API, and find the sidebar's frame.
import type { Frame, Page } from 'playwright-core';
import { waitFor, type ExtensionBrowser } from './support/browser';

export interface SidebarTab {
  page: Page;
  tabId: number;
  frame: Frame;
}

/** The sidebar iframe of `page`, once it has rendered its tabs. */
export async function sidebarFrame(page: Page): Promise<Frame> {
  const frame = await waitFor(() => page.frames().find((f) => f.url().includes('/sidebar.html')), { what: 'the sidebar frame' });
  await frame.waitForSelector('[role="tab"]', { timeout: 10_000 });
  return frame;
}

/** Opens `url` in a new tab and opens the sidebar in it with sidebar.toggle. */
export async function openWithSidebar(b: ExtensionBrowser, url: string): Promise<SidebarTab> {
  const page = await b.context.newPage();
  await page.goto(url);
  const tabId = await b.tabIdOf(page);
  await openSidebar(b.api, tabId, async () => (await page.$(HOST)) !== null);
  return { page, tabId, frame: await sidebarFrame(page) };
}

/** The host element the content script adds to the page for the sidebar. */
export const HOST = '[data-chat-evidence-host]';

/** Opens the sidebar of tab `tabId` with sidebar.toggle (Chromium or Firefox), once `hostShown`. */
export async function openSidebar(api: <T>(req: Record<string, unknown>) => Promise<T>, tabId: number, hostShown: () => Promise<boolean>): Promise<void> {
  // The content script may still be starting: retry until the tab answers.
  await waitFor(
    async () => {
      const r = await api<{ ok: boolean }>({ type: 'sidebar.toggle', tabId, open: true });
      return r.ok && (await hostShown());
    },
    { what: 'sidebar.toggle to open the sidebar', interval: 200 },
  );
}

/** Clicks a sidebar panel tab by its id (suggest, transcript, case, phrases). */
export async function showPanel(frame: Frame, id: string): Promise<void> {
  await frame.click(`#tab-${id}`);
  await frame.waitForSelector(`#panel-${id}:not([hidden])`);
}
