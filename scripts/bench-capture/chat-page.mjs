// The bench chat page as the capture bench and its floor open and measure it.

/** Opens the bench chat in a new tab with `preload` messages (`query`: more of the URL's query), and a CDP session with Performance on. */
export async function openChat(b, chatUrl, preload, query = '') {
  const page = await b.context.newPage();
  await page.goto(`${chatUrl}?preload=${preload}${query}`);
  await page.waitForFunction(() => document.documentElement.dataset.benchReady === '1');
  const cdp = await b.context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' }).catch(() => cdp.send('Performance.enable'));
  return { page, cdp };
}

/** The page's main-thread time so far, in ms: all tasks, and script, layout and style within them. */
export async function metrics(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
  return { task: get('TaskDuration') * 1000, script: get('ScriptDuration') * 1000, layout: get('LayoutDuration') * 1000, style: get('RecalcStyleDuration') * 1000 };
}
