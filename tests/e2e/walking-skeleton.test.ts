// The whole first slice on the demo chat: start recording from an extension page,
// chat with the scripted agent through the page's own UI, insert a phrase with
// compose.insert, export, verify (API and CLI), and see tampering caught.
import { describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { waitFor, type ExtensionBrowser } from './support/browser';
import { useExtensionAndFixtures, type FixtureServer } from './support/suite';

let b: ExtensionBrowser;
let server: FixtureServer;

useExtensionAndFixtures((env) => void ({ b, server } = env));

type Line = { speaker: string; text: string };
const pageTranscript = (page: Page) => page.evaluate(() => (window as any).__demo.transcript() as Line[]);

async function say(page: Page, text: string) {
  await page.fill('#chat-input', text);
  await page.click('#send-button');
  await page.evaluate(() => (window as any).__demo.idle());
}

function messagesOf(caseFile: any): Line[] {
  return caseFile.entries.filter((e: any) => e.kind === 'message').map((e: any) => ({ speaker: e.speaker, text: e.text }));
}

describe.each(['zh', 'en'])('demo chat (%s)', (lang) => {
  test('recorded exactly, exported, verified, tamper caught', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.origin}/demo/chat.html?lang=${lang}&delay=30`);
    await page.evaluate(() => (window as any).__demo.idle());
    const tabId = await b.tabIdOf(page);

    const started = await b.api({ type: 'capture.start', tabId });
    expect(started.ok).toBe(true);
    const { sessionId } = started;
    expect(await b.api({ type: 'capture.start', tabId })).toEqual({ ok: true, sessionId });

    const lines =
      lang === 'zh'
        ? ['您好，我的花呗账单逾期了，想协商延期还款。', '我叫王明，手机尾号1234，欠款3200元，逾期5天。', '最近失业了，收入中断。', '我希望延期到下个月15号还清。', '那可以分6期吗？', '好的，谢谢，请问能发短信确认吗？']
        : ["Hello, my bill is overdue and I'd like to ask for a deferral.", "I'm Wang Ming, phone ending 1234, I owe 3200 and I'm 5 days late.", 'I lost my job last month.', 'Could I pay in full on the 15th of next month?', 'Could I pay in 6 instalments instead?', 'Thank you. Could you confirm this by SMS?'];
    for (const line of lines) await say(page, line);

    // compose.insert puts text into the page's own chat box; the page's send button then sends it.
    const inserted = lang === 'zh' ? '谢谢您的帮助，再见。' : 'Thanks for your help, goodbye.';
    expect(await b.api({ type: 'compose.insert', tabId, text: inserted })).toEqual({ ok: true });
    expect(await page.inputValue('#chat-input')).toBe(inserted);
    await page.click('#send-button');
    await page.evaluate(() => (window as any).__demo.idle());

    const expected = await pageTranscript(page);
    expect(expected.filter((l) => l.speaker === 'user').map((l) => l.text)).toContain(inserted);
    await waitFor(async () => (await b.api({ type: 'capture.status', tabId })).count >= expected.length, { what: 'all messages stored' });

    const { data } = await b.api({ type: 'session.export', sessionId, format: 'json' });
    expect(messagesOf(data)).toEqual(expected);
    expect(data.format).toBe('chat-evidence');
    expect(data.chain.count).toBe(data.entries.length);
    expect(await b.api({ type: 'session.verify', data })).toMatchObject({ ok: true, valid: true, firstBadSeq: null });

    // The standalone verifier agrees, and catches an edited entry at its seq.
    const dir = mkdtempSync(join(tmpdir(), 'case-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(data));
    const cli = (file: string) => {
      try {
        return { code: 0, out: execFileSync('node', [resolve(__dirname, '../../scripts/verify.mjs'), file], { encoding: 'utf8' }) };
      } catch (e: any) {
        return { code: e.status as number, out: `${e.stdout}${e.stderr}` };
      }
    };
    expect(cli(good)).toMatchObject({ code: 0 });
    const target = 3;
    const tampered = structuredClone(data);
    tampered.entries[target].text += '!';
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify(tampered));
    const result = cli(bad);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(new RegExp(`first bad seq ${target}\\b`));
    expect(await b.api({ type: 'session.verify', data: tampered })).toMatchObject({ ok: true, valid: false, firstBadSeq: target });

    expect(await b.api({ type: 'capture.stop', tabId })).toEqual({ ok: true, sessionId });
    expect(await b.api({ type: 'capture.status', tabId })).toMatchObject({ ok: true, capturing: false });
    const { sessions } = await b.api({ type: 'session.list' });
    expect(sessions[0]).toMatchObject({ id: sessionId, count: data.entries.length });
    expect(sessions[0].endedAt).not.toBeNull();
    await page.close();
  });
});
