// @vitest-environment jsdom
import { beforeEach, describe, expect, test } from 'vitest';
import { bubbleRunOf, bubbleSelectorOf, bubblesIn, groupAuthorOf } from '../../../src/content/capture/sender-groups';
import { detectChatList, itemOf, itemsOf, type ChatList } from '../../../src/content/capture/detect';

const BUBBLE = 'background-color: #e5e7eb; border-radius: 12px';

/** A sender group as grouping chats draw it: avatar, then a column of name, bubbles and time. */
function group(texts: string[], { bubbleStyle = BUBBLE, bubbleClass = 'mB3u6' } = {}): string {
  const bubbles = texts.map((t) => `<div class="${bubbleClass}" style="${bubbleStyle}"><div class="oQ1w5">${t}</div></div>`).join('');
  return `<div class="gR4e1"><div class="vN0s3"></div><div class="cK5d7"><div class="nA9f2">Lily</div>${bubbles}<div class="tX2o4">10:12</div></div></div>`;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('bubbleRunOf', () => {
  test('two painted bubbles of one class in a row are a run: the selector names their classes', () => {
    document.body.innerHTML = group(['您好', '请问有什么可以帮您？']);
    expect(bubbleRunOf(document.querySelector('.gR4e1')!, window)).toBe('div.mB3u6');
  });

  test('one bubble, unpainted blocks, paragraphs, chips and buttons are no run', () => {
    const cases = [
      group(['您好']),
      group(['one', 'two'], { bubbleStyle: '' }),
      `<div class="row"><div class="bubble" style="${BUBBLE}"><p class="para">one</p><p class="para">two</p></div></div>`,
      `<div class="row"><div class="chips"><div class="chip" style="${BUBBLE}; cursor: pointer">Yes</div><div class="chip" style="${BUBBLE}; cursor: pointer">No</div></div></div>`,
      `<div class="row"><div class="opt" role="button" style="${BUBBLE}">Yes</div><div class="opt" role="button" style="${BUBBLE}">No</div></div>`,
      // Chrome by its class words: times are never messages.
      `<div class="row"><div class="msg-time" style="${BUBBLE}">10:12</div><div class="msg-time" style="${BUBBLE}">10:13</div></div>`,
    ];
    for (const html of cases) {
      document.body.innerHTML = html;
      expect(bubbleRunOf(document.body.firstElementChild!, window), html).toBeNull();
    }
  });

  test('messages under bare wrappers, painted inside (@livechat/ui-kit): the selector names any of their classes', () => {
    const message = (cls: string, text: string) => `<div><div class="${cls}"><div class="meta"></div><div class="bub" style="${BUBBLE}">${text}</div></div></div>`;
    document.body.innerHTML = `<div class="grp"><div class="col">${message('lc-9fiok9 e10ccb470', 'Hello')}${message('lc-9fiok9 e10ccb470', 'How can I help?')}</div></div>`;
    const selector = bubbleRunOf(document.querySelector('.grp')!, window)!;
    expect(selector).toBe('div.lc-9fiok9, div.e10ccb470');
    // The user's messages carry another style class beside the shared one: the selector finds them too.
    document.body.insertAdjacentHTML('beforeend', `<div class="own">${message('lc-bkqfjw e10ccb470', 'My bill is overdue')}</div>`);
    expect(bubblesIn(document.querySelector('.own')!, selector)).toHaveLength(1);
  });

  test('a class the run shares with other parts of its group is left out of the selector', () => {
    document.body.innerHTML = `<div class="grp"><div class="name clearfix">Lily</div><div class="b clearfix" style="${BUBBLE}">A</div><div class="b clearfix" style="${BUBBLE}">B</div></div>`;
    expect(bubbleRunOf(document.querySelector('.grp')!, window)).toBe('div.b');
  });

  test('bubbleSelectorOf: one group with a run among groups of one bubble is enough', () => {
    document.body.innerHTML = `<div class="list">${group(['A'])}${group(['B', 'C'])}${group(['D'])}</div>`;
    expect(bubbleSelectorOf(Array.from(document.querySelector('.list')!.children), window)).toBe('div.mB3u6');
  });
});

describe('bubblesIn', () => {
  test('the outermost bubbles: a quoted bubble inside one is part of it', () => {
    document.body.innerHTML = `<div class="g"><div class="b">outer <div class="b">quoted</div></div><div class="b">next</div></div>`;
    expect(bubblesIn(document.querySelector('.g')!, 'div.b').map((b) => b.firstChild!.textContent!.trim())).toEqual(['outer', 'next']);
  });
});

describe('a list of sender groups', () => {
  test('items are the bubbles of each group and the rows that have none; a change finds its bubble, a group part finds nothing', () => {
    document.body.innerHTML = `<div class="list">${group(['A', 'B'])}<div class="notice">Agent joined</div>${group(['C'])}</div>`;
    const container = document.querySelector('.list')!;
    const list: ChatList = { container, adapter: null, source: 'picked', score: 100, bubbles: 'div.mB3u6' };
    expect(itemsOf(list).map((el) => el.textContent)).toEqual(['A', 'B', 'Agent joined', 'C']);
    const [a] = itemsOf(list);
    expect(itemOf(list, a.querySelector('.oQ1w5')!.firstChild!)).toBe(a);
    expect(itemOf(list, document.querySelector('.tX2o4')!)).toBeNull();
    expect(itemOf(list, document.querySelector('.notice')!.firstChild!)).toBe(document.querySelector('.notice'));
    // Without the rule the rows are the items, as in every other list.
    expect(itemsOf({ ...list, bubbles: undefined })).toHaveLength(3);
  });

  test('detection: the bubbles of the one sender group a chat starts with are not taken for the list', () => {
    const bubbles = ['您好', '我想申请延期还款', '最近失业了'].map((t) => `<div class="message-bubble">${t}</div>`).join('');
    document.body.innerHTML = `<div class="chat"><div class="messages-scroller"><div class="message-group message-group--outgoing"><div class="column">${bubbles}<div class="time">10:12</div></div></div></div><textarea></textarea></div>`;
    expect(detectChatList(document, { layout: false })).toBeNull();
  });
});

describe('groupAuthorOf', () => {
  const authorsOf = (selector: string) => {
    const list = document.querySelector('.list')!;
    return Array.from(list.querySelectorAll(selector)).map((b) => groupAuthorOf(b, list, selector, false));
  };

  test('the name drawn over the run, outside its bubbles, is every bubble’s author; a group without one has none', () => {
    document.body.innerHTML = `<div class="list">${group(['您好', '请问有什么可以帮您？'])}${group(['OK', '我想申请延期还款'], { bubbleClass: 'mB3u6 own' }).replace('<div class="nA9f2">Lily</div>', '')}</div>`;
    expect(authorsOf('div.mB3u6')).toEqual(['Lily', 'Lily', null, null]);
  });

  test('a name in the first message’s own part (@livechat/ui-kit) is the author of the bubbles after it; no other bubble’s words are', () => {
    const part = (text: string, name?: string) =>
      `<div class="m">${name ? `<div class="hdr"><span>${name}</span><span>22:50</span></div>` : ''}<div class="bub" style="${BUBBLE}">${text}</div></div>`;
    document.body.innerHTML = `<div class="list"><div class="grp"><div class="col">${part('Hello', 'Sarah')}${part('How can I help?')}</div></div><div class="grp"><div class="col">${part('Hi')}${part('My bill is overdue')}</div></div></div>`;
    expect(authorsOf('div.m')).toEqual(['Sarah', 'Sarah', null, null]);
  });
});
