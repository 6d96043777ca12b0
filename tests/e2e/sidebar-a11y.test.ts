// axe-core finds no accessibility violations in any sidebar panel, in both
// languages and both themes; with SCREENSHOTS=1 each combination is saved to
// docs/screenshots/sidebar-<panel>-<lang>-<theme>.png.
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchWithExtension, waitFor, type ExtensionBrowser } from './support/browser';
import { startFixtureServer } from './support/server';
import { openWithSidebar, showPanel, sidebarFrame, type SidebarTab } from './sidebar-helpers';

const ROOT = resolve(__dirname, '../..');
const AXE = readFileSync(resolve(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const SHOTS = process.env.SCREENSHOTS === '1';
const SHOT_DIR = resolve(ROOT, 'docs/screenshots');
const PANELS = ['suggest', 'transcript', 'case', 'phrases'] as const;

let b: ExtensionBrowser;
let server: { origin: string; close(): Promise<void> };
let tab: SidebarTab;

beforeAll(async () => {
  server = await startFixtureServer();
  b = await launchWithExtension({ locale: 'en-US' });
  await b.api({
    type: 'profile.set',
    profile: { name: '张伟', phone: '13800001234', account: '6222020200112233', product: '花呗', amount: '3000', overdueDays: '12', proposedDate: '2026-12-20', monthlyIncome: '', reason: '', instalments: '' },
  });
  tab = await openWithSidebar(b, `${server.origin}/demo/chat.html?lang=zh&delay=0`);
  // Something to show: a recording with a few entries, an agent and an agreement.
  const { sessionId } = await b.api<{ sessionId: string }>({ type: 'capture.start', tabId: tab.tabId });
  await tab.page.fill('#chat-input', '您好，我这个月的花呗暂时还不上，想申请延期。');
  await tab.page.click('#send-button');
  await waitFor(async () => (await b.api<{ count: number }>({ type: 'capture.status', tabId: tab.tabId })).count >= 3, { what: 'entries recorded' });
  await b.api({ type: 'session.note', sessionId, text: '客服态度良好。' });
  await b.api({ type: 'session.set-agent', sessionId, agent: { name: '小美', employeeId: 'KF2046' } });
  await b.api({ type: 'session.set-agreement', sessionId, agreement: { kind: 'deferral', amount: '3000', currency: 'CNY', dueDates: ['2026-12-20'], conditions: '免收罚息', recordedAt: new Date().toISOString() } });
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

async function reloadWith(language: 'zh-CN' | 'en', theme: 'light' | 'dark'): Promise<Frame> {
  await b.api({ type: 'settings.set', settings: { language, theme } });
  await tab.frame.evaluate(() => location.reload());
  const frame = await sidebarFrame(tab.page);
  await frame.waitForSelector(`html[lang="${language}"][data-theme="${theme}"]`, { timeout: 10_000 });
  return frame;
}

async function axeViolations(frame: Frame): Promise<{ id: string; help: string; nodes: string[] }[]> {
  // An extension page's CSP forbids inline scripts, so axe is evaluated, not added as a <script>.
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.evaluate(AXE);
  const result = await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

for (const language of ['zh-CN', 'en'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`no axe violations in any panel (${language}, ${theme})`, async () => {
      tab.frame = await reloadWith(language, theme);
      const frame = tab.frame;
      for (const panel of PANELS) {
        await showPanel(frame, panel);
        if (panel === 'suggest') await frame.waitForSelector('.suggestion');
        if (panel === 'transcript') await frame.waitForSelector('.transcript .entry');
        if (panel === 'phrases') await frame.waitForSelector('.phrase');
        // Let transitions and the live port settle before checking colours.
        await frame.waitForTimeout(150);
        expect({ panel, violations: await axeViolations(frame) }).toEqual({ panel, violations: [] });
        if (SHOTS) {
          mkdirSync(SHOT_DIR, { recursive: true });
          const el = await frame.frameElement();
          const suffix = `${language === 'zh-CN' ? 'zh' : 'en'}-${theme}`;
          await el.screenshot({ path: resolve(SHOT_DIR, `sidebar-${panel}-${suffix}.png`) });
          if (panel === 'case') {
            // The agreement form sits below the fold.
            await frame.$eval('.agreement-form', (f) => f.scrollIntoView({ block: 'end' }));
            await el.screenshot({ path: resolve(SHOT_DIR, `sidebar-agreement-${suffix}.png`) });
          }
        }
      }
      if (SHOTS && theme === 'light') {
        await showPanel(frame, 'suggest');
        await tab.page.screenshot({ path: resolve(SHOT_DIR, `sidebar-in-page-${language === 'zh-CN' ? 'zh' : 'en'}.png`) });
      }
    });
  }
}
