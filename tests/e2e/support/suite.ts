// Most end-to-end files start the same way: Chromium with the built extension and the
// fixture server, both closed after the file's tests. One place for it.
import { afterAll, beforeAll } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { startFixtureServer } from './server';

export type FixtureServer = Awaited<ReturnType<typeof startFixtureServer>>;

export interface SuiteEnv {
  b: ExtensionBrowser;
  server: FixtureServer;
}

/** Registers the file's beforeAll (launch and serve, then `ready`, which may set more up) and afterAll (close both). */
export function useExtensionAndFixtures(ready: (env: SuiteEnv) => void | Promise<void>): void {
  let env: Partial<SuiteEnv> = {};
  beforeAll(async () => {
    const [b, server] = await Promise.all([launchWithExtension(), startFixtureServer()]);
    env = { b, server };
    await ready({ b, server });
  });
  afterAll(async () => {
    await env.b?.close();
    await env.server?.close();
  });
}
