// Most end-to-end files start the same way: Chromium with the built extension (or plain
// Chromium and the capture engine's harness) and the fixture server, all closed after the
// file's tests. One place for it.
import { readFileSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildEngineHarness, HARNESS_FILE } from '../../fixtures/chats/build';
import { CHROMIUM, launchWithExtension, type ExtensionBrowser } from './browser';
import { startFixtureServer } from './server';

export type FixtureServer = Awaited<ReturnType<typeof startFixtureServer>>;

export interface SuiteEnv {
  b: ExtensionBrowser;
  server: FixtureServer;
}

/**
 * Registers the file's beforeAll (launch a browser with `launch` and serve the fixtures, then
 * `ready`, which may set more up) and afterAll (close both). Chromium or Firefox alike.
 */
export function useBrowserAndFixtures<B extends { close(): Promise<void> }>(
  launch: () => Promise<B>,
  ready: (env: { b: B; server: FixtureServer }) => void | Promise<void>,
): void {
  let env: { b?: B; server?: FixtureServer } = {};
  beforeAll(async () => {
    const [b, server] = await Promise.all([launch(), startFixtureServer()]);
    env = { b, server };
    await ready({ b, server });
  });
  afterAll(async () => {
    await env.b?.close();
    await env.server?.close();
  });
}

/** useBrowserAndFixtures with Chromium and the built extension. */
export function useExtensionAndFixtures(ready: (env: SuiteEnv) => void | Promise<void>): void {
  useBrowserAndFixtures(() => launchWithExtension(), ready);
}

export interface HarnessEnv {
  /** Plain Chromium (no extension): the capture engine runs inside the pages through `harness`. */
  browser: Browser;
  server: FixtureServer;
  /** The engine harness bundle (tests/fixtures/chats/engine-harness.ts), to add as an init script. */
  harness: string;
}

/** The engine-harness files' beforeAll (bundle the harness, serve, launch, then `ready`) and afterAll. */
export function useEngineHarness(ready: (env: HarnessEnv) => void | Promise<void>): void {
  let env: Partial<HarnessEnv> = {};
  beforeAll(async () => {
    await buildEngineHarness();
    const [server, browser] = await Promise.all([startFixtureServer(), chromium.launch({ executablePath: CHROMIUM, args: ['--headless=new', '--no-sandbox'] })]);
    env = { browser, server, harness: readFileSync(HARNESS_FILE, 'utf8') };
    await ready(env as HarnessEnv);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
}
