import { expect, test } from 'vitest';
import { ScrollWatch } from '../../../src/content/capture/scroll-watch';

/** A stand-in for what scrolls: the watch reads only scrollTop (and parentElement when seeding). */
const scroller = (scrollTop: number, parentElement: unknown = null) => ({ scrollTop, parentElement }) as unknown as Element;

function watch() {
  let clock = 10_000;
  const page = scroller(0);
  const doc = { scrollingElement: page } as unknown as Document;
  const w = new ScrollWatch(doc, () => clock);
  return { w, doc, page, tick: (ms: number) => (clock += ms) };
}

test('a scroll up is one that lowers scrollTop; a scroll down or one with nothing to compare is only a scroll', () => {
  const { w, tick } = watch();
  const list = scroller(900);
  expect(w.within(1000)).toBe(false);
  // First event for an element nobody seeded: no direction.
  w.scrolled(list);
  expect([w.within(1000), w.upWithin(1000)]).toEqual([true, false]);
  list.scrollTop = 0;
  w.scrolled(list);
  expect(w.upWithin(1000)).toBe(true);
  tick(1000);
  expect([w.within(1000), w.upWithin(1000)]).toEqual([false, false]);
  list.scrollTop = 400;
  w.scrolled(list);
  expect([w.within(1000), w.upWithin(1000)]).toEqual([true, false]);
});

test('seeding notes where the list and its ancestors are, so the first scroll after it has a direction', () => {
  const { w } = watch();
  const outer = scroller(1200);
  const list = scroller(0, outer);
  w.seed(list);
  outer.scrollTop = 0;
  w.scrolled(outer);
  expect(w.upWithin(1000)).toBe(true);
});

test('the page itself scrolling arrives as the document; a column-reverse list scrolls up to negative values', () => {
  const { w, doc, page, tick } = watch();
  w.seed(scroller(0));
  page.scrollTop = -10;
  w.scrolled(doc);
  expect(w.upWithin(1000)).toBe(true);
  tick(2000);
  page.scrollTop = 0;
  w.scrolled(doc);
  expect(w.upWithin(1000)).toBe(false);
});
