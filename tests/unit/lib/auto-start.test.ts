import { expect, test } from 'vitest';
import { isAutoStartSite } from '../../../src/lib/auto-start';

const sites = ['cs.alipay.com', 'bank.example/support', 'https://chat.klarna.com'];

test.each([
  ['https://cs.alipay.com/chat?x=1', true],
  ['https://m.cs.alipay.com/', true],
  ['https://evilcs.alipay.com.attacker.net/', false],
  ['https://alipay.com/', false],
  ['https://bank.example/support/chat', true],
  ['https://bank.example/home', false],
  ['https://chat.klarna.com/', true],
  ['file:///cs.alipay.com', false],
  ['not a url', false],
])('%s → %s', (url, expected) => {
  expect(isAutoStartSite(url, sites)).toBe(expected);
});
