// @vitest-environment jsdom
import { beforeEach, describe, expect, test } from 'vitest';
import { contentImageOf, drawnPictureOf, imageText, picturesBesideWords, withPicture } from '../../../src/content/capture/content-image';

/** Whether a row has an image that may be a picture sent with `words`. */
const mayShowPicture = (row: Element, words: readonly Node[]) => picturesBesideWords(row, words).length > 0;
/** The picture sent with `words` that is still loading, or null. */
const loadingPictureOf = (row: Element, words: readonly Node[]) => picturesBesideWords(row, words).find((img) => !img.complete) ?? null;
/** The picture drawn beside `words`, or null. */
const pictureBesideWords = (row: Element, words: readonly Node[]) => drawnPictureOf(picturesBesideWords(row, words), true);

/** jsdom has no layout: each picture is given the size it would be drawn at (data-size="w×h"). */
function rowOf(html: string): Element {
  document.body.innerHTML = `<div class="row">${html}</div>`;
  for (const img of Array.from(document.querySelectorAll('img'))) {
    const [width, height] = (img.dataset.size ?? '0x0').split('x').map(Number);
    img.getBoundingClientRect = () => ({ width, height, left: 0, top: 0, right: width, bottom: height, x: 0, y: 0, toJSON: () => ({}) }) as DOMRect;
  }
  return document.querySelector('.row')!;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('contentImageOf', () => {
  test('a picture drawn at least 48 px on both sides is the content', () => {
    const row = rowOf('<div class="bubble"><img id="p" data-size="160x90" src="https://cdn.example.com/u/plan.png"></div>');
    expect(contentImageOf(row, true)?.id).toBe('p');
  });

  test('small pictures, avatars, loaders, buttons and hidden parts are not', () => {
    const cases = [
      '<img data-size="24x24">',
      '<img data-size="40x120">',
      '<div class="msg-avatar"><img data-size="64x64"></div>',
      '<img class="avatar" data-size="64x64">',
      '<div class="loading-spinner"><img data-size="64x64"></div>',
      '<button><img data-size="64x64"></button>',
      '<div role="button"><img data-size="64x64"></div>',
      '<img aria-hidden="true" data-size="64x64">',
      '<img hidden data-size="64x64">',
      // Named as a loader or an avatar by its file name or alt text.
      '<img data-size="64x64" src="https://cdn.example.com/img/loading.gif">',
      '<img data-size="64x64" src="https://cdn.example.com/u/avatar_42.png">',
      '<img data-size="64x64" alt="Lily avatar">',
    ];
    for (const html of cases) expect(contentImageOf(rowOf(html), true), html).toBeNull();
  });

  test('the first content picture after an avatar', () => {
    const row = rowOf('<img class="avatar" data-size="32x32"><div class="bubble"><img id="p" data-size="200x150"></div>');
    expect(contentImageOf(row, true)?.id).toBe('p');
  });
});

describe('pictures beside words', () => {
  test('a big sticker alone is a picture; an emoji beside words is one of the words', () => {
    const html = '<img id="p" class="emoji" alt="[微笑]" data-size="64x64">';
    expect(contentImageOf(rowOf(html), true)?.id).toBe('p');
    const row = rowOf(`<p>好的</p>${html}`);
    expect(pictureBesideWords(row, [row.querySelector('p')!.firstChild!])).toBeNull();
    expect(mayShowPicture(row, [row.querySelector('p')!.firstChild!])).toBe(false);
  });

  test('an image beside words may be a picture sent unless its markup or name says avatar, loader or button, or it sits beside their bubble', () => {
    const may = (html: string) => {
      const row = rowOf(html);
      return mayShowPicture(row, [row.querySelector('p')!.firstChild!]);
    };
    expect(may('<div class="bubble"><p>hi</p><img src="https://cdn.example.com/u/plan.png"></div>')).toBe(true);
    expect(may('<div class="bubble"><img class="avatar"><p>hi</p></div>')).toBe(false);
    expect(may('<div class="bubble"><p>hi</p><img src="https://cdn.example.com/img/loading.gif"></div>')).toBe(false);
    expect(may('<img src="https://cdn.example.com/u/kefu.png"><div class="bubble"><p>hi</p></div>')).toBe(false);
    expect(may('<div class="bubble"><p>hi</p></div>')).toBe(false);
  });

  test('a picture still loading is found; one loaded, or an avatar, is not', () => {
    const loading = (attrs: string, complete: boolean) => {
      const row = rowOf(`<div class="bubble"><p>hi</p><img ${attrs}></div>`);
      Object.defineProperty(row.querySelector('img')!, 'complete', { value: complete });
      return row;
    };
    const loadingOf = (row: Element) => loadingPictureOf(row, [row.querySelector('p')!.firstChild!]);
    expect(loadingOf(loading('src="https://cdn.example.com/u/plan.png"', false))).not.toBeNull();
    expect(loadingOf(loading('src="https://cdn.example.com/u/plan.png"', true))).toBeNull();
    expect(loadingOf(loading('class="avatar" src="https://cdn.example.com/u/me.png"', false))).toBeNull();
  });

  test('beside words, only a picture in the part that holds them is one: an unclassed image beside the bubble is an avatar', () => {
    const words = (row: Element) => [row.querySelector('p')!.firstChild!];
    const inBubble = rowOf('<img data-size="56x56"><div class="bubble"><img id="p" data-size="200x120"><p>这是凭证</p></div>');
    expect(pictureBesideWords(inBubble, words(inBubble))?.id).toBe('p');
    const besideBubble = rowOf('<img data-size="56x56"><div class="bubble"><p>您好</p></div>');
    expect(pictureBesideWords(besideBubble, words(besideBubble))).toBeNull();
    // Alone, without words, the same image is the row's content.
    expect(contentImageOf(besideBubble, true)).not.toBeNull();
  });

  test('the picture is written where the page shows it: before or after the words', () => {
    const before = rowOf('<img alt="收据"><p>这是凭证</p>');
    expect(withPicture(before.querySelector('img')!, '这是凭证', [before.querySelector('p')!.firstChild!])).toBe('[image: 收据] 这是凭证');
    const after = rowOf('<p>请看下图</p><img alt="步骤">');
    expect(withPicture(after.querySelector('img')!, '请看下图', [after.querySelector('p')!.firstChild!])).toBe('请看下图 [image: 步骤]');
  });
});

describe('imageText', () => {
  const img = (attrs: string) => rowOf(`<img ${attrs}>`).querySelector('img')!;
  test('its alt text, else the file name its address ends in, else nothing', () => {
    expect(imageText(img('alt="  Repayment   plan " src="https://cdn.example.com/a.png"'))).toBe('[image: Repayment plan]');
    expect(imageText(img('src="https://cdn.example.com/u/%E8%BF%98%E6%AC%BE%E8%AE%A1%E5%88%92.jpg?x=1"'))).toBe('[image: 还款计划.jpg]');
    expect(imageText(img('src="https://cdn.example.com/render?id=42"'))).toBe('[image]');
    expect(imageText(img('src="data:image/gif;base64,R0lGODlhAQABAAAAACw="'))).toBe('[image]');
    expect(imageText(img('alt=""'))).toBe('[image]');
  });
});
