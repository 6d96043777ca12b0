// A tiny static file server on 127.0.0.1, used by `npm start` and by tests that
// need the demo chat (or fixtures) over http:// so content scripts run on them.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.ico': 'image/x-icon',
};

/** @param {string} file */
export function contentTypeOf(file) {
  return CONTENT_TYPES[/** @type {keyof typeof CONTENT_TYPES} */ (path.extname(file).toLowerCase())] ?? 'application/octet-stream';
}

/**
 * Map a request path to a file under root, or null when it would leave root.
 * @param {string} root absolute, resolved
 * @param {string} urlPath e.g. "/chat.html" (percent-encoded)
 */
export function resolveUnder(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

/**
 * Serve `root` on 127.0.0.1. `port` 0 picks a free port.
 * @param {string} root
 * @param {number} [port]
 * @returns {Promise<{ url: string, close(): Promise<void> }>} url ends with "/"
 */
export async function serveStatic(root, port = 0) {
  const base = path.resolve(root);
  const server = createServer(async (req, res) => {
    const send = (/** @type {number} */ status, /** @type {string} */ body) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
    const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname;
    let file = resolveUnder(base, urlPath);
    if (!file) return send(403, 'forbidden');
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': contentTypeOf(file),
        'content-length': body.length,
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      send(404, 'not found');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(undefined));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actualPort}/`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections?.();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
