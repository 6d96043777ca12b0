// Runs `node scripts/start.mjs --skip-build --headless` for real: needs Chromium and a built extension/.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const chromiumPath = process.env.CHROMIUM || process.env.CHROME_PATH || '/usr/bin/chromium';
const root = new URL('../../', import.meta.url);

describe('npm start (headless)', () => {
  it('has Chromium and a built extension to start', () => {
    expect(existsSync(chromiumPath)).toBe(true);
    expect(existsSync(new URL('extension/manifest.json', root))).toBe(true);
  });

  it('serves the demo, reports the running service worker, and stops cleanly on Ctrl+C', async () => {
    const child = spawn(process.execPath, ['scripts/start.mjs', '--skip-build', '--headless'], {
      cwd: root,
      env: { ...process.env, PORT: '0' },
    });
    let out = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no service worker line in:\n${out}`)), 80_000);
        child.stdout.on('data', () => {
          if (/Extension service worker is running: chrome-extension:\/\/[a-p]{32}\//.test(out)) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.on('exit', () => reject(new Error(`start.mjs exited early:\n${out}`)));
      });
      const chatUrl = out.match(/http:\/\/127\.0\.0\.1:\d+\/chat\.html\?lang=zh/)?.[0];
      expect(chatUrl).toBeTruthy();
      const res = await fetch(chatUrl!);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('role="log"');
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 120_000);
});
