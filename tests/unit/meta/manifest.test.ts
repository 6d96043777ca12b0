// Keeps the wiring honest: the one manifest serves Chrome and Firefox, every file it
// names exists in extension/ (after `npm run build`), and each permission is explained.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = resolve(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));

function namedFiles(m: any): string[] {
  const files = [
    ...Object.values(m.icons as Record<string, string>),
    ...Object.values(m.action.default_icon as Record<string, string>),
    m.action.default_popup,
    m.background.service_worker,
    ...m.background.scripts,
    ...m.content_scripts.flatMap((c: any) => c.js),
    m.options_ui.page.split('#')[0],
    ...m.web_accessible_resources.flatMap((w: any) => w.resources),
  ];
  return [...new Set(files)];
}

describe('manifest.json', () => {
  test('is MV3 with both background forms and a gecko id', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.background.service_worker).toBe('background.js');
    expect(manifest.background.scripts).toEqual(['background.js']);
    expect(manifest.browser_specific_settings.gecko.id).toMatch(/@/);
    expect(manifest.browser_specific_settings.gecko.strict_min_version).toBeTruthy();
    expect(manifest.externally_connectable).toBeUndefined();
  });

  test('asks for browsers that know the CSS the pages use', () => {
    // ui.css writes each colour as light-dark(light, dark): Chrome 123 and Firefox 120 read it;
    // an older browser would drop every colour of the palette.
    const css = readFileSync(resolve(root, 'extension/ui.css'), 'utf8');
    expect(css).toContain('light-dark(');
    expect(Number(manifest.minimum_chrome_version)).toBeGreaterThanOrEqual(123);
    expect(parseFloat(manifest.browser_specific_settings.gecko.strict_min_version)).toBeGreaterThanOrEqual(120);
  });

  test('every file it names exists in extension/', () => {
    const missing = namedFiles(manifest).filter((f) => !existsSync(resolve(root, 'extension', f)));
    expect(missing).toEqual([]);
  });

  test('the built manifest carries the package version', () => {
    const built = JSON.parse(readFileSync(resolve(root, 'extension/manifest.json'), 'utf8'));
    expect(built.version).toBe(pkg.version);
  });

  test('every __MSG_ key it uses exists in both locales', () => {
    const keys = [...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]);
    for (const loc of ['en', 'zh_CN']) {
      const messages = JSON.parse(readFileSync(resolve(root, `extension/_locales/${loc}/messages.json`), 'utf8'));
      expect(keys.filter((k) => !messages[k])).toEqual([]);
    }
  });

  test('the README explains every permission', () => {
    const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
    for (const p of [...manifest.permissions, ...manifest.host_permissions]) expect(readme).toContain(`\`${p}\``);
  });
});
