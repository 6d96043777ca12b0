// Serves the demo site and the test fixture pages on 127.0.0.1 for browser tests.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Serves the repository's demo/ at /demo/, tests/fixtures/ at /fixtures/, node_modules at /node_modules/. */
export async function startFixtureServer(): Promise<{ origin: string; close(): Promise<void> }> {
  const mounts: Record<string, string> = {
    '/demo/': join(ROOT, 'demo'),
    '/fixtures/': join(ROOT, 'tests/fixtures'),
    '/node_modules/': join(ROOT, 'node_modules'),
  };
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const mount = Object.keys(mounts).find((m) => path.startsWith(m));
    if (!mount) return void res.writeHead(404).end('not found');
    const base = mounts[mount];
    let file = normalize(join(base, path.slice(mount.length)));
    if (!file.startsWith(base)) return void res.writeHead(403).end();
    if (file.endsWith('/') || !extname(file)) file = join(file, 'index.html');
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}
