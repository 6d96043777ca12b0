// @vitest-environment jsdom
// The top frame's address watch: one report per in-page navigation, whatever announced it.
import { afterEach, expect, test } from 'vitest';
import { watchLocation, type LocationWatch } from '../../../src/content/capture/location-watch';

let watch: LocationWatch | null = null;
afterEach(() => {
  watch?.stop();
  history.replaceState(null, '', '/');
});

function start(): string[] {
  const seen: string[] = [];
  watch = watchLocation(window, (url) => seen.push(url));
  return seen;
}

test('pushState is reported when checked (the background nudge), once however often it is checked', () => {
  const seen = start();
  history.pushState(null, '', '/billing');
  expect(seen).toEqual([]); // no event for pushState without the Navigation API
  watch!.check();
  watch!.check();
  expect(seen).toEqual([`${location.origin}/billing`]);
});

test('a hash change announced by both popstate and hashchange is one navigation', () => {
  const seen = start();
  history.pushState(null, '', '/chat#details');
  window.dispatchEvent(new PopStateEvent('popstate'));
  window.dispatchEvent(new HashChangeEvent('hashchange'));
  watch!.check();
  expect(seen).toEqual([`${location.origin}/chat#details`]);
});

test('replaceState to the same address is no navigation; to another one it is; going back is another', () => {
  const seen = start();
  history.replaceState({ step: 1 }, '', location.href);
  watch!.check();
  expect(seen).toEqual([]);
  history.replaceState(null, '', '/plan');
  watch!.check();
  history.pushState(null, '', '/plan?step=2');
  watch!.check();
  history.replaceState(null, '', '/plan');
  window.dispatchEvent(new PopStateEvent('popstate'));
  expect(seen).toEqual([`${location.origin}/plan`, `${location.origin}/plan?step=2`, `${location.origin}/plan`]);
});

test('after stop nothing is reported', () => {
  const seen = start();
  watch!.stop();
  history.pushState(null, '', '/later');
  window.dispatchEvent(new PopStateEvent('popstate'));
  expect(seen).toEqual([]);
});
