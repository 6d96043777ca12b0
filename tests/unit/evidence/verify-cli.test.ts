// Runs the real `node scripts/verify.mjs` on fixture files, as a user would.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const valid = join(root, 'tests/fixtures/case-files/valid.json');

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(root, 'scripts/verify.mjs'), ...args], { cwd: root, env: { ...process.env, npm_lifecycle_event: '' } }, (err, stdout, stderr) => {
      resolve({ code: err ? Number(err.code) : 0, stdout, stderr });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'verify-cli-'));
function tampered(change: (f: { entries: { text: string; seq: number }[] }) => void): string {
  const file = JSON.parse(readFileSync(valid, 'utf8'));
  change(file);
  const path = join(dir, `case-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(file, null, 2));
  return path;
}

describe('npm run verify', { timeout: 30_000 }, () => {
  it('prints valid, the count and the head, and exits 0 for the valid fixture', async () => {
    const head = JSON.parse(readFileSync(valid, 'utf8')).chain.head;
    const r = await run(valid);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`valid: 7 entries, head ${head}`);
  });

  it('prints the first bad seq and exits 1 for the tampered fixture', async () => {
    const r = await run(join(root, 'tests/fixtures/case-files/tampered-text.json'));
    expect(r.code).toBe(1);
    expect(r.stdout.trim()).toBe('INVALID: first bad seq 4 (hash of entry 4 does not match its content)');
  });

  it('prints the first bad seq and exits 1 for a changed text', async () => {
    const r = await run(tampered((f) => (f.entries[2].text = '我可以明天还清。')));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^INVALID: first bad seq 2 \(/);
  });

  it('prints the first bad seq for a dropped entry', async () => {
    const r = await run(tampered((f) => f.entries.splice(1, 1)));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^INVALID: first bad seq 1 \(/);
  });

  it('exits 2 with a clear message for a missing, non-JSON or absent file', async () => {
    const missing = await run(join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.json: no such file/);

    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, 'this is not json');
    const parse = await run(notJson);
    expect(parse.code).toBe(2);
    expect(parse.stderr).toMatch(/not JSON/);

    const none = await run();
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/usage/);
  });

  it('exits 1 without a seq for a JSON file that is not a case file', async () => {
    const other = join(dir, 'other.json');
    writeFileSync(other, '{"hello": 1}');
    const r = await run(other);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^INVALID: format/);
  });
});
