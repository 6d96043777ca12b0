import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveUnder, serveStatic } from '../../../scripts/serve.mjs';

/** Raw GET that keeps the path as written (fetch would normalise "../"). */
function get(url: string, rawPath: string) {
  const { hostname, port } = new URL(url);
  return new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
    request({ hostname, port, path: rawPath }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('serveStatic', () => {
  let root: string;
  let server: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'serve-'));
    root = path.join(dir, 'site');
    await mkdir(path.join(root, 'sub'), { recursive: true });
    await writeFile(path.join(dir, 'secret.txt'), 'secret');
    await writeFile(path.join(root, 'index.html'), '<p>首页</p>');
    await writeFile(path.join(root, 'sub', 'a.js'), 'export {}');
    await writeFile(path.join(root, 'data.json'), '{}');
    server = await serveStatic(root);
  });
  afterAll(() => server.close());

  it('listens on 127.0.0.1 and serves files with their content types', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const index = await get(server.url, '/');
    expect(index).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: '<p>首页</p>' });
    expect((await get(server.url, '/sub/a.js')).type).toBe('text/javascript; charset=utf-8');
    expect((await get(server.url, '/data.json')).type).toBe('application/json; charset=utf-8');
    expect((await get(server.url, '/missing.css')).status).toBe(404);
  });

  it('never serves a file outside its root', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/sub/..%2f..%2fsecret.txt', '/%00']) {
      const res = await get(server.url, p);
      expect(res.body).not.toBe('secret');
      expect([403, 404]).toContain(res.status);
    }
    expect(resolveUnder('/srv/site', '/%2e%2e/x')).toBe('/srv/site/x');
    expect(resolveUnder('/srv/site', '/%E0%A4%A')).toBeNull();
  });
});
