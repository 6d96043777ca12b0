// Types for serve.mjs (the static server used by `npm start` and tests).
export function contentTypeOf(file: string): string;
export function resolveUnder(root: string, urlPath: string): string | null;
export function serveStatic(root: string, port?: number): Promise<{ url: string; close(): Promise<void> }>;
