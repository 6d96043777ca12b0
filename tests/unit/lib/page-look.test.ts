// The page look: the settings the content script's pieces in a page need, with the sidebar
// host's labels translated from the locale files.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createTranslator, type Messages } from '../../../src/lib/i18n';
import { HOST_LABEL_KEYS, hostLabelsOf, pageLookOf } from '../../../src/lib/page-look';
import { defaultSettings } from '../../../src/lib/settings';

const load = (dir: string) => JSON.parse(readFileSync(resolve(__dirname, '../../../extension/_locales', dir, 'messages.json'), 'utf8')) as Messages;
const zh = createTranslator(load('zh_CN'), 'zh-CN');
const en = createTranslator(load('en'), 'en');

describe('page look', () => {
  test('every host label key exists in both locales, in different words', () => {
    for (const key of Object.values(HOST_LABEL_KEYS)) {
      expect(zh.t(key), key).not.toBe(key);
      expect(en.t(key), key).not.toBe(key);
      expect(zh.t(key)).not.toBe(en.t(key));
    }
  });

  test('the labels are in the translator’s language', () => {
    const settings = { ...defaultSettings(), language: 'zh-CN' as const };
    const look = pageLookOf(settings, zh);
    expect(look.locale).toBe('zh-CN');
    expect(look.hostLabels).toEqual({ launcher: '打开聊天证据助手侧栏', frame: '聊天证据助手侧栏', collapse: '收起侧栏', resize: '调整侧栏宽度（拖动或使用方向键）' });
    expect(pageLookOf(settings, en).hostLabels.collapse).toBe('Hide the sidebar');
  });

  test('theme, launcher switch and shortcut come from the settings as they are', () => {
    const look = pageLookOf({ ...defaultSettings(), theme: 'dark', showLauncher: false, quickInsertShortcut: 'Ctrl+Shift+K' }, en);
    expect(look).toMatchObject({ locale: 'en', theme: 'dark', showLauncher: false, quickInsertShortcut: 'Ctrl+Shift+K' });
  });

  test('hostLabelsOf asks for each key once', () => {
    const asked: string[] = [];
    const labels = hostLabelsOf((key) => (asked.push(key), `<${key}>`));
    expect(asked.sort()).toEqual(Object.values(HOST_LABEL_KEYS).sort());
    expect(labels.frame).toBe('<sidebar_frame_title>');
  });
});
