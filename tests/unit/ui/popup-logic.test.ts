// The popup's target tab and the cached UI prefs.
import { describe, expect, test } from 'vitest';
import { isRecordableUrl, tabIdOverride } from '../../../src/popup/tab-target';
import { parsePrefs } from '../../../src/ui/prefs-cache';
import { exportFileName } from '../../../src/ui/download';

describe('popup target', () => {
  test('?tabId=N overrides the current tab, anything else does not', () => {
    expect(tabIdOverride('?tabId=42')).toBe(42);
    expect(tabIdOverride('?tabId=-1')).toBeNull();
    expect(tabIdOverride('?tabId=abc')).toBeNull();
    expect(tabIdOverride('')).toBeNull();
  });
  test('only web pages can be recorded', () => {
    expect(isRecordableUrl('https://cs.alipay.com/')).toBe(true);
    expect(isRecordableUrl('http://127.0.0.1:8080/demo/')).toBe(true);
    expect(isRecordableUrl('chrome://extensions/')).toBe(false);
    expect(isRecordableUrl('chrome-extension://abc/viewer.html')).toBe(false);
  });
});

describe('prefs cache', () => {
  test('keeps valid language/theme values and falls back to auto otherwise', () => {
    expect(parsePrefs('{"language":"zh-CN","theme":"dark"}')).toEqual({ language: 'zh-CN', theme: 'dark' });
    expect(parsePrefs('{"language":"fr","theme":7}')).toEqual({ language: 'auto', theme: 'auto' });
    expect(parsePrefs('not json')).toEqual({ language: 'auto', theme: 'auto' });
    expect(parsePrefs(null)).toEqual({ language: 'auto', theme: 'auto' });
  });
});

describe('export file names', () => {
  test('carry the day and the start of the session id', () => {
    expect(exportFileName({ id: '3f1c2a9e-5b7d', startedAt: '2026-11-25T11:29:58.000Z' }, 'zip')).toBe('chat-evidence-2026-11-25-3f1c2a9e.zip');
    expect(exportFileName({ id: '../../', startedAt: 'x' }, 'json')).toBe('chat-evidence-session-case.json');
  });
});
