// @vitest-environment jsdom
import { beforeEach, describe, expect, test } from 'vitest';
import { extractMessage, extractRow, isDeferred, readDeferredRow, type ExtractContext } from '../../../src/content/capture/extract';
import { RowTemplates } from '../../../src/content/capture/row-templates';
import { joinRow, lightAttr, lightText, matchRow, parseSerializedRow, skeletonMatcher, splitRow } from '../../../src/lib/capture/serialized-row';
import { appendRow, freshMessageList } from './message-list';

let list: HTMLElement;
beforeEach(() => void (list = freshMessageList()));
const item = (html: string) => appendRow(list, html);
const nodeCtx = (): ExtractContext => ({ list, adapter: null, layout: false, styles: true });

// Rows of many shapes: authors, times, receipts, emoji, hidden parts, chrome, notices, ids.
const ROWS = [
  `<div class="message message--incoming"><img class="avatar" alt="Lily avatar" src="a.png">
    <div class="bubble"><span class="message__author">Lily</span><p>Your  minimum
    payment is <b>320</b> yuan.</p><span class="message__time">10:32</span><span class="status">Seen</span>
    <button>Copy</button></div></div>`,
  '<div class="msg msg-self"><p>第一行</p><p>第二行<img class="emoji" alt="😀"></p></div>',
  '<div class="message outgoing"><span>I can pay at 10:30 tomorrow</span><span class="x1">10:31</span></div>',
  '<div class="message outgoing"><span class="sr-only">You said:</span><span hidden>draft</span><span style="display:none">x</span>Hello</div>',
  '<div class="message incoming"><span>对方正在输入…</span></div>',
  '<div class="typing-indicator"><span></span><span></span><span></span></div>',
  '<div class="row"><span>已读</span></div>',
  '<div class="row" data-sender="customer"><div>a &amp; b &lt;c&gt;&nbsp;d</div></div>',
  '<div class="row" aria-label="You said"><div>a</div></div>',
  '<div class="消息 客服消息"><span class="内容">a</span></div>',
  '<div class="row"><span class="nickname">客服小美</span><span>a</span></div>',
  '<div class="system-notice">Lily joined the chat</div>',
  '<div class="notice">客服撤回了一条消息</div>',
  '<div class="msg" data-id="m42"><!-- v-if --><div class="msg-body">line one<br>line two</div><svg viewBox="0 0 1 1"><path d="M0 0"></path></svg></div>',
  '<div class="row"><div class="text" title="a &quot;quote&quot;">short</div><time>9:00</time></div>',
  '<div class="message incoming"><p>请点击 <a href="https://bank.example/apply?id=5&amp;step=2">申请链接</a> 提交材料</p><a href="/help">帮助</a></div>',
  '<div class="message incoming">See <a href="https://bank.example/help">https://bank.example/help</a> <a href="https://bank.example/big.png"><img src="big.png"></a></div>',
  '<div class="message outgoing"><div class="bubble">12月15日<span class="x1">10:31</span></div></div>',
  '<div class="row"><span>2024年12月15日</span><span>10:31</span></div>',
  // A lone time in the part for words is the message (the next row of the markup holds words there).
  '<div class="message outgoing"><div class="bubble">15:00</div><span class="time">10:31</span></div>',
  '<div class="message outgoing"><span>12月15日</span><div class="msg-content">15:00</div></div>',
  // Dates and times set apart inside a sentence, and a clock time after the words.
  '<div class="message incoming"><p>您的还款日为<b>12月15日</b>，我们将在<time>10:30</time>前回电</p><span>10:31</span></div>',
  '<div class="message outgoing"><div>好的<span>10:31</span></div></div>',
  '<div class="message incoming"><p>尊敬的<span class="user-name">张伟</span>，您的账单<span class="status">已逾期</span></p><span class="time">10:31</span></div>',
  // A reply quoting an earlier message: the quote is set apart and its name is no author.
  '<div class="message incoming"><div class="reply-to"><span class="author">我</span><p>我想延期</p></div><div class="text">好的，已登记</div></div>',
  '<div class="message outgoing"><blockquote>Your bill is overdue</blockquote>Noted</div>',
];

/** The same row with every text run changed, as the next message of the same markup would be. */
const otherText = (html: string) => html.replace(/>([^<]+)</g, (_m, t: string) => (t.trim() ? `>${t} more words<` : `>${t}<`));

describe('row templates', () => {
  test.each(ROWS.map((html) => [html.slice(0, 60), html]))('%s… reads the same through its template as node by node', (_name, html) => {
    const templates = new RowTemplates();
    const ctx = { ...nodeCtx(), templates };
    for (const variant of [html, html, otherText(html), otherText(html)]) {
      const el = item(variant);
      const templated = extractMessage(el, ctx);
      const byNodes = extractMessage(el, nodeCtx());
      expect(templated && { ...templated, templated: false }).toEqual(byNodes);
      // Sent unread, the row reads the same from its HTML alone (as the background reads it).
      const unread = extractRow(el, ctx, true);
      if (unread && isDeferred(unread)) {
        const read = readDeferredRow(unread);
        expect(read && { ...read, templated: false }).toEqual(byNodes);
      }
    }
  });

  test('a row of one markup that says only a date reads the same through the template its text rows taught; a lone clock time only the template reads as words', () => {
    const templates = new RowTemplates();
    const ctx = { ...nodeCtx(), templates };
    const row = (text: string) => `<div class="message outgoing"><div class="bubble"><span>${text}</span><span class="x1">10:31</span></div></div>`;
    for (const text of ['我想延期还款', '可以延期到哪天？', '12月15日', '12/15', '10:45']) {
      const el = item(row(text));
      const byNodes = extractMessage(el, nodeCtx());
      const templated = extractMessage(el, ctx);
      const unread = extractRow(el, ctx, true);
      const read = unread && isDeferred(unread) ? readDeferredRow(unread) : unread;
      // Its unclassed part held the words of the rows before: the template knows, a first reading cannot.
      if (text === '10:45') {
        expect(byNodes).toBeNull();
        expect([templated, read]).toMatchObject([{ text, templated: true }, { text }]);
        continue;
      }
      expect(templated && { ...templated, templated: false }).toEqual(byNodes);
      expect(read && { ...read, templated: false }).toEqual(byNodes);
      expect(byNodes?.text).toBe(text);
    }
  });

  test('rows of one markup after the first are read from their HTML', () => {
    const templates = new RowTemplates();
    const ctx = { ...nodeCtx(), templates };
    const row = (n: number) => `<div class="message incoming" data-id="m${n}"><span class="author">Lily</span><div class="bubble">Message number ${n}</div><span class="time">10:0${n}</span></div>`;
    const first = extractMessage(item(row(1)), ctx)!;
    expect(first.templated).toBe(false);
    for (let n = 2; n < 6; n++) {
      expect(extractMessage(item(row(n)), ctx)).toEqual({ speaker: 'agent', author: 'Lily', text: `Message number ${n}`, recall: false, sure: true, pageId: `data-id=m${n}`, shape: 'div.message incoming|author', templated: true });
    }
    expect(templates.stats).toEqual({ hits: 4, learnt: 1, refused: 0, deferred: 0 });
    // Its markup decides the speaker and nothing in it needs a look at the page: rows may go unread.
    const unread = extractRow(item(row(7)), ctx, true)!;
    expect(isDeferred(unread) && readDeferredRow(unread)).toMatchObject({ text: 'Message number 7', pageId: 'data-id=m7' });
    // The rows after it are told by their template's matcher, between rows of another markup.
    const user = (n: number) => `<div class="message outgoing"><div class="bubble">Reply ${n}</div></div>`;
    for (const n of [8, 9]) {
      extractMessage(item(user(n)), ctx);
      const next = [extractRow(item(row(n)), ctx, true)!, extractRow(item(user(n)), ctx, true)!];
      expect(next.map((r) => isDeferred(r) && readDeferredRow(r))).toMatchObject([
        { speaker: 'agent', text: `Message number ${n}`, pageId: `data-id=m${n}` },
        { speaker: 'user', text: `Reply ${n}` },
      ]);
    }
    expect(templates.stats.deferred).toBe(5);
  });

  test('a label that was a lone time in the first row but holds words in the next is read node by node', () => {
    const templates = new RowTemplates();
    const ctx = { ...nodeCtx(), templates };
    extractMessage(item('<div class="message outgoing"><p>Hi</p><p>10:31</p></div>'), ctx);
    expect(extractMessage(item('<div class="message outgoing"><p>Hi</p><p>and more</p></div>'), ctx)).toMatchObject({ text: 'Hi and more', templated: false });
  });

  test('a lone time in the part for words, in a row of a markup learnt from words, reads through the template as node by node, and unread as the background reads it', () => {
    const templates = new RowTemplates();
    const ctx = { ...nodeCtx(), templates };
    const row = (words: string) => `<div class="message outgoing"><div class="bubble">${words}</div><span class="time">10:31</span></div>`;
    extractMessage(item(row('What time suits you?')), ctx);
    const el = item(row('15:00'));
    const byNodes = extractMessage(el, nodeCtx());
    expect(byNodes).toMatchObject({ text: '15:00', speaker: 'user' });
    expect(extractMessage(el, ctx)).toEqual({ ...byNodes, templated: true });
    const unread = extractRow(el, ctx, true);
    expect(unread && isDeferred(unread) && { ...readDeferredRow(unread), templated: false }).toEqual(byNodes);
  });

  // Generated class names (CSS-in-JS) say nothing of which part holds words or a time.
  const hashedRow = (words: string, time: string | null = '10:31') =>
    `<div class="message outgoing"><div class="x9f2a"><div class="k3b1c">${words}</div>${time === null ? '' : `<span class="q7d0e">${time}</span>`}</div></div>`;

  test('where class names are hashed, a lone time in the part that held the words of a row of the same markup is the words: through the template and unread', () => {
    const templates = new RowTemplates();
    const ctx = { ...nodeCtx(), templates };
    expect(extractMessage(item(hashedRow('What time suits you?')), ctx)).toMatchObject({ text: 'What time suits you?', templated: false });
    const el = item(hashedRow('15:00'));
    expect(extractMessage(el, ctx)).toMatchObject({ text: '15:00', speaker: 'user', templated: true });
    // A label there (a time with its receipt) stays one, and so does the row's own time label.
    expect(extractMessage(item(hashedRow('10:32 已读')), ctx)).toBeNull();
    // Read node by node with nothing learnt, nothing says the part holds words.
    expect(extractMessage(el, nodeCtx())).toBeNull();
    // A markup without a time label is self-contained: its rows go unread, and the background reads the time as words too.
    expect(extractMessage(item(hashedRow('What time suits you?', null)), ctx)).toMatchObject({ templated: false });
    const unread = extractRow(item(hashedRow('15:00', null)), ctx, true);
    expect(unread && isDeferred(unread) && readDeferredRow(unread)).toMatchObject({ text: '15:00', speaker: 'user' });
  });

  test('read node by node, a lone time is the words when an element of its class held words in this list before, not in the class of the time label', () => {
    const wordsClasses = new Set<string>();
    const ctx = { ...nodeCtx(), wordsClasses };
    expect(extractMessage(item(hashedRow('What time suits you?')), ctx)).toMatchObject({ text: 'What time suits you?' });
    expect([...wordsClasses]).toEqual(['k3b1c']);
    expect(extractMessage(item(hashedRow('15:00')), ctx)).toMatchObject({ text: '15:00', speaker: 'user' });
    // The same time in the label's class, with no words part: a label.
    expect(extractMessage(item('<div class="message outgoing"><div class="x9f2a"><span class="q7d0e">15:00</span></div></div>'), ctx)).toBeNull();
  });

  test('rows with open shadow roots are never templated (their HTML does not show what renders)', () => {
    const templates = new RowTemplates();
    const ctx = { ...nodeCtx(), templates };
    for (const text of ['one', 'two']) {
      const host = item('<div class="message outgoing"><chat-bubble></chat-bubble></div>');
      host.firstElementChild!.attachShadow({ mode: 'open' }).innerHTML = `<p>${text}</p>`;
      expect(extractMessage(host, ctx)).toMatchObject({ text, templated: false });
    }
    expect(templates.stats.refused).toBe(1);
  });

  test('rows that are not the list’s own children are read node by node', () => {
    const templates = new RowTemplates();
    const wrapper = item('<div class="group"><div class="message outgoing">nested</div></div>');
    expect(extractMessage(wrapper.firstElementChild!, { ...nodeCtx(), templates })).toMatchObject({ text: 'nested', templated: false });
    expect(templates.stats.learnt + templates.stats.refused).toBe(0);
  });
});

describe('serialized rows', () => {
  test('parses elements, text, void elements and comments; the skeleton drops text and digits', () => {
    const row = parseSerializedRow('<div class="m m2" data-id="17"><!-- x --><img src="a.png"><span>a &amp; b</span>tail<br></div>')!;
    expect(row.count).toBe(4);
    expect(lightText(row.root)).toBe('a & btail');
    expect(lightAttr(row.root, 'data-id')).toBe('17');
    expect(row.skeleton).toBe('<div class="m m\u0002" data-id="\u0002"><!-- x --><img src="a.png"><span>\u0001</span>\u0001<br></div>');
    expect(parseSerializedRow('<div class="m m9" data-id="42"><!-- x --><img src="a.png"><span>other</span>words<br></div>')!.skeleton).toBe(row.skeleton);
  });
  test('a row splits into its skeleton and the values that fill it, and joins back', () => {
    const html = '<div class="m m2" data-id="17"><span title="a>b">a &amp; b 3</span>tail<br><i>10:32</i></div>';
    const split = splitRow(html)!;
    expect(split.skeleton).toBe(parseSerializedRow(html)!.skeleton);
    expect(split.values.split('\u0000')).toEqual(['2', '17', 'b">a &amp; b 3', 'tail', '10:32']);
    expect(joinRow(split.skeleton, split.values)).toBe(html);
    expect(joinRow(split.skeleton, 'too\u0000few')).toBeNull();
    // Text holding the mark characters cannot travel as values: such rows are read node by node.
    expect(splitRow('<div>a\u0001b</div>')).toBeNull();
  });
  test("a skeleton's matcher gives the values splitRow gives, and matches only rows of that skeleton", () => {
    const rows = [...ROWS, '<div class="m m2" data-id="17"><span title="a>b">a &amp; b 3</span>tail<br><i>10:32</i></div>', '<h1 class="t">x</h1>', '<div a="$1 (^.*?) [x]{2} \\ /">+ 12 +</div>'];
    const splits = rows.map((html) => splitRow(html)!);
    rows.forEach((html, i) => {
      const matcher = skeletonMatcher(splits[i].skeleton);
      expect(matchRow(html, matcher)).toBe(splits[i].values);
      // Same markup, other text and digits: matched, with its own values.
      const other = html.replace(/\d/g, '7').replace(/>([^<]+)</g, '>other 42<');
      expect(matchRow(other, matcher)).toBe(splitRow(other)!.values);
      rows.forEach((html2, j) => {
        if (splits[j].skeleton !== splits[i].skeleton) expect(matchRow(html2, matcher)).toBeNull();
      });
    });
    const matcher = skeletonMatcher(splitRow('<div class="m"><span>a</span></div>')!.skeleton);
    // Text holding the mark characters, an empty run, a tag more: not rows of this skeleton.
    expect(matchRow('<div class="m"><span>a\u0001b</span></div>', matcher)).toBeNull();
    expect(matchRow('<div class="m"><span></span></div>', matcher)).toBeNull();
    expect(matchRow('<div class="m"><span>a<b>c</b></span></div>', matcher)).toBeNull();
    expect(matchRow('<div class="m"><span>a</span></div> ', matcher)).toBeNull();
  });
  test('refuses raw-text elements, unbalanced markup and overlong rows', () => {
    expect(parseSerializedRow('<div><script>if (a < b) x()</script>hi</div>')).toBeNull();
    expect(parseSerializedRow('<div><span>hi</div>')).toBeNull();
    expect(parseSerializedRow('<div>a</div><div>b</div>')).toBeNull();
    expect(parseSerializedRow(`<div>${'x'.repeat(7000)}</div>`)).toBeNull();
  });
});
