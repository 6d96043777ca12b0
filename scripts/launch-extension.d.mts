// Types for launch-extension.mjs (Chromium with the built extension, for tests and the bench).
import type { BrowserContext, Page, Worker } from 'playwright-core';

export const EXTENSION_DIR: string;
export const CHROMIUM: string;

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** An extension page kept open to send API requests from. */
  apiPage: Page;
  /** Sends one request of the runtime message API and returns the reply as is. */
  api<T = any>(request: Record<string, unknown>): Promise<T>;
  /** The id of the tab showing `page`. */
  tabIdOf(page: Page): Promise<number>;
  close(): Promise<void>;
}

export function launchWithExtension(options?: { extensionDir?: string; locale?: string; apiPage?: string }): Promise<ExtensionBrowser>;
