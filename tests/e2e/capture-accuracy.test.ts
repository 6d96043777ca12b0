// Accuracy and cost of the capture engine on long conversations in every fixture markup
// (engine bundled into the page, fake port): recall, precision and speaker accuracy against
// the script, with bursts, typing indicators, a virtualised list scrolled end to end, and
// a page mutating thousands of times a second.
import type { Browser, Frame, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { waitFor } from './support/browser';
import { useEngineHarness, type FixtureServer } from './support/suite';
import { makeConversation, score, type Line } from '../fixtures/chats/conversation';

let browser: Browser;
let server: FixtureServer;
let harness: string;

useEngineHarness((env) => void ({ browser, server, harness } = env));

type Obs = { kind: string; key?: string; speaker?: string; text?: string; author?: string | null };
const stored = (f: Frame | Page) => f.evaluate(() => (window as any).__capture.stored()) as Promise<Obs[]>;

async function open(path: string): Promise<Page> {
  const page = await browser.newPage();
  await page.addInitScript({ content: harness });
  await page.goto(`${server.origin}/fixtures/chats/${path}`);
  return page;
}

/** Plays the script: bursts of 1–4 messages in one task, typing indicator between (where the page has one). */
async function play(page: Page, script: Line[], typing: boolean) {
  for (let i = 0; i < script.length; ) {
    const burst = script.slice(i, i + 1 + (i % 4));
    i += burst.length;
    await page.evaluate(
      ([lines, withTyping]) => {
        const chat = (window as any).__chat;
        if (withTyping) chat.typing(true);
        for (const [s, t] of lines) chat.say(s, t);
        if (withTyping) chat.typing(false);
      },
      [burst, typing] as const,
    );
    if (i % 10 === 0) await page.waitForTimeout(20);
  }
}

async function recorded(page: Page, n: number) {
  await waitFor(async () => (await stored(page)).filter((o) => o.kind === 'message').length >= n, { timeout: 15_000, what: `${n} messages` });
  await page.waitForTimeout(600);
  const all = await stored(page);
  return { all, messages: all.filter((o) => o.kind === 'message') as { key: string; speaker: string; text: string; author: string | null }[] };
}

/** Says `turns` one by one in the page's chat, `pauseMs` apart. */
async function sayEach(page: Page, turns: Line[], pauseMs = 0) {
  for (const [s, t] of turns) {
    await page.evaluate(([sp, tx]) => (window as any).__chat.say(sp, tx), [s, t] as const);
    if (pauseMs) await page.waitForTimeout(pauseMs);
  }
}

/** Opens a fixture chat, starts capture and says `turns` one by one; resolves once they are recorded. */
async function chatWith(path: string, turns: Line[]): Promise<Page> {
  const page = await open(path);
  await page.evaluate(() => (window as any).__capture.start());
  await sayEach(page, turns);
  await recorded(page, turns.length);
  return page;
}

/** Appends rows as plain-divs.html draws messages ([speaker, bubble HTML]): an agent's with an avatar, each with its time. */
function appendRows(page: Page, rows: [string, string][]) {
  return page.evaluate((rs) => {
    for (const [speaker, body] of rs) {
      const el = document.createElement('div');
      el.className = `message message--${speaker === 'user' ? 'outgoing' : 'incoming'}`;
      el.innerHTML = `${speaker === 'agent' ? '<img class="avatar" alt="">' : ''}<div class="message__bubble">${body}<div><span class="message__time">10:31</span></div></div>`;
      document.querySelector('.messages')!.append(el);
    }
  }, rows);
}

const SCRIPT = makeConversation(150);
const expected = SCRIPT.map(([speaker, text]) => ({ speaker, text }));

describe.each([
  ['plain-divs.html', true],
  ['aria-log.html', true],
  ['chinese.html', true],
  ['shadow.html', true],
  // Sender groups: generated class names only (found by rows on both sides beside a text box), and with class words.
  ['grouped.html', true],
  ['grouped.html?words', true],
])('%s: 150-message conversation', (path, typing) => {
  test('recall, precision ≥ 0.99, speaker ≥ 0.98; nothing but messages recorded', async () => {
    const page = await open(path);
    if (path === 'shadow.html') await page.waitForFunction(() => (window as any).__chatReady);
    await page.evaluate(() => (window as any).__capture.start());
    await play(page, SCRIPT, typing);
    const { all, messages } = await recorded(page, SCRIPT.length);
    const s = score(expected, messages);
    console.log(`[capture accuracy] ${path}: recall ${s.recall.toFixed(3)} precision ${s.precision.toFixed(3)} speaker ${s.speaker.toFixed(3)} (${messages.length} recorded)`);
    expect(s.recall).toBeGreaterThanOrEqual(0.99);
    expect(s.precision).toBeGreaterThanOrEqual(0.99);
    expect(s.speaker).toBeGreaterThanOrEqual(0.98);
    expect(all.filter((o) => o.kind === 'edit' || o.kind === 'remove')).toEqual([]);
    // How many went to the background unread (their templates were self-contained) and were read there.
    const unread = await page.evaluate(() => (window as any).__capture.posted.flatMap((m: any) => (m.type === 'batch' ? m.items : [])).filter((o: any) => o.kind === 'row').length);
    console.log(`[capture accuracy] ${path}: ${unread} rows read by the background`);
    // aria-log's speakers come from layout and shadow.html's rows sit in shadow roots: those are read in the page.
    if (path === 'plain-divs.html' || path === 'chinese.html') expect(unread).toBeGreaterThan(50);
    await page.close();
  });
});

describe('sender groups (grouped.html: a reply joins its sender’s last group)', () => {
  test('groups of one bubble read as messages until a second bubble joins one: then every bubble is a message, recorded once, no edit', async () => {
    const turns: Line[] = [
      ['agent', '您好，请问有什么可以帮您？'],
      ['user', '我想申请延期还款。'],
      ['agent', '请问您的账单金额是多少？'],
      ['user', '3200元。'],
    ];
    const page = await chatWith('grouped.html', turns);
    // The page now shows four groups of one bubble each: rows are read as messages.
    const more: Line[] = [
      ['user', '最近失业了，收入中断。'],
      ['user', 'Could I pay in 6 instalments?'],
      ['agent', 'I understand, let me check the options for you.'],
      ['agent', '可以为您申请分期，最多12期。'],
    ];
    await sayEach(page, more, 50);
    const { all, messages } = await recorded(page, turns.length + more.length);
    expect(messages.map(({ speaker, text }) => ({ speaker, text }))).toEqual([...turns, ...more].map(([speaker, text]) => ({ speaker, text })));
    // The group's name, drawn once over its bubbles, is every bubble's author.
    expect(messages.map((m) => m.author)).toEqual(['Lily', null, 'Lily', null, null, null, 'Lily', 'Lily']);
    expect(all.filter((o) => o.kind === 'edit' || o.kind === 'remove')).toEqual([]);
    // A bubble the page edits is that message's edit, not its group's.
    await page.evaluate(() => (window as any).__chat.edit('m6', 'Could I pay in 12 instalments?'));
    await waitFor(async () => (await stored(page)).some((o) => o.kind === 'edit'), { timeout: 5000, what: 'the edit' });
    expect((await stored(page)).filter((o) => o.kind === 'edit').map((o) => o.text)).toEqual(['Could I pay in 12 instalments?']);
    await page.close();
  });
});

describe('a chat panel minimised while the agent answers (plain-divs.html)', () => {
  test.each(['visibility: hidden', 'display: none'])('hidden with %s: the messages that arrive meanwhile are recorded, with their speakers, and the ones after it opens again', async (css) => {
    const page = await open('plain-divs.html');
    const panel = (style: string | null) =>
      page.evaluate((st) => {
        const el = document.querySelector('.messages')!.parentElement!;
        if (st === null) el.removeAttribute('style');
        else el.setAttribute('style', st);
      }, style);
    const script = makeConversation(14);
    await page.evaluate(() => (window as any).__capture.start());
    await sayEach(page, script.slice(0, 2));
    await recorded(page, 2);
    await panel(css);
    await sayEach(page, script.slice(2, 12));
    await recorded(page, 12);
    await panel(null);
    await sayEach(page, script.slice(12));
    const { all, messages } = await recorded(page, script.length);
    expect(messages.map((m) => [m.speaker, m.text])).toEqual(script);
    expect(all.filter((o) => o.kind === 'edit' || o.kind === 'remove')).toEqual([]);
    await page.close();
  });
});

describe('replies drawn hidden and shown a moment later (plain-divs.html)', () => {
  test('each is recorded once shown, hidden by a class on the list or on the row; later rows of the same markup are read too', async () => {
    const page = await open('plain-divs.html');
    await page.evaluate(() => {
      const css = document.createElement('style');
      css.textContent = '.messages.revealing > .message:last-child { visibility: hidden } .message.is-pending { display: none }';
      document.head.append(css);
    });
    const script = makeConversation(13);
    /** Says `lines`; the last row drawn gets the classes `rowClass`, the list `listClass`, in the same task. */
    const say = (lines: Line[], rowClass = '', listClass = '') =>
      page.evaluate(
        ([ls, rc, lc]) => {
          for (const [s, t] of ls) (window as any).__chat.say(s, t);
          const list = document.querySelector('.messages')!;
          if (rc) list.lastElementChild!.classList.add(...rc.split(' '));
          if (lc) list.classList.add(lc);
        },
        [lines, rowClass, listClass] as const,
      );
    const count = async () => (await stored(page)).filter((o) => o.kind === 'message').length;
    await page.evaluate(() => (window as any).__capture.start());
    // Enough turns that rows of known markup are read from templates.
    for (let i = 0; i < 8; i++) await say([script[i]]);
    await recorded(page, 8);
    // A bot's reply in a markup not seen yet, hidden by the list's class while it "types".
    await say([script[8]], 'message--bot', 'revealing');
    await page.waitForTimeout(400);
    expect(await count()).toBe(8);
    await page.evaluate(() => document.querySelector('.messages')!.classList.remove('revealing'));
    await recorded(page, 9);
    // Another of that markup, shown at once.
    await say([script[9]], 'message--bot');
    await recorded(page, 10);
    // Hidden by the row's own class.
    await say([script[10]], 'is-pending');
    await page.waitForTimeout(400);
    expect(await count()).toBe(10);
    await page.evaluate(() => document.querySelector('.messages')!.lastElementChild!.classList.remove('is-pending'));
    await recorded(page, 11);
    await say(script.slice(11));
    const { all, messages } = await recorded(page, script.length);
    expect(messages.map((m) => [m.speaker, m.text])).toEqual(script);
    expect(all.filter((o) => o.kind !== 'message' && o.kind !== 'agent')).toEqual([]);
    await page.close();
  });
});

describe('an optimistic send (plain-divs.html): the page draws the user’s message under a draft id, then swaps the row for one under its server’s id', () => {
  test.each([2, 10])('after %i messages: recorded once, nothing removed', async (n) => {
    const page = await chatWith('plain-divs.html', makeConversation(n));
    await page.evaluate(() => {
      const row = (id: string, status: string) => {
        const el = document.createElement('div');
        el.className = 'message message--outgoing';
        el.dataset.id = id;
        el.innerHTML = `<div class="message__bubble">我想申请延期到下个月15日还款</div><span class="message__status">${status}</span>`;
        return el;
      };
      const draft = row('tmp-1', '发送中');
      document.querySelector('.messages')!.append(draft);
      setTimeout(() => draft.replaceWith(row('msg-98765', '已送达')), 300);
    });
    await page.waitForTimeout(1200);
    await page.evaluate(() => (window as any).__chat.say('agent', '好的，我帮您查询一下。'));
    const { all, messages } = await recorded(page, n + 2);
    expect(messages.slice(n).map((m) => `${m.speaker}:${m.text}`)).toEqual(['user:我想申请延期到下个月15日还款', 'agent:好的，我帮您查询一下。']);
    expect(all.filter((o) => o.kind === 'edit' || o.kind === 'remove')).toEqual([]);
    await page.close();
  });
});

describe('rich agent messages (plain-divs.html): tables, lists, links, emoji, code, a card with a button, quoted replies, dates in bold', () => {
  test.each([2, 10])('after %i messages (read node by node, then from templates): the words, with each link’s address', async (n) => {
    const page = await chatWith('plain-divs.html', makeConversation(n));
    const bodies = [
      '<p>您的还款计划如下：</p><table><tr><td>第1期</td><td>500元</td></tr><tr><td>第2期</td><td>500元</td></tr></table>',
      '<p>Your options:</p><ul><li>Defer to the 15th</li><li>Pay in 6 instalments</li></ul>',
      '<p>请点击 <a href="https://bank.example/apply?case=5512">申请链接</a> 提交材料</p>',
      '好的<img class="emoji" alt="😊" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" style="width: 18px; height: 18px">谢谢',
      '<pre><code>case-5512</code></pre> is your case number',
      '<div class="card"><div class="card__title">分期还款</div><div class="card__body">最多可分12期，手续费按月0.6%</div><button>立即申请</button></div>',
      // A reply quoting the user's message: the quoted words and name are set apart, not this message's own.
      '<div class="quoted-message"><div class="quote-author">我</div><div class="quote-text">我想申请延期还款。</div></div><div class="message__text">好的，已为您登记延期申请。</div>',
      '<blockquote>Your bill is 12 days overdue</blockquote>Noted, thanks',
      // The terms agreed, the date set apart in bold: part of the sentence, not a time label.
      '<p>已为您申请延期，还款日调整为<b>12月15日</b>，最低还款<b>320</b>元。</p>',
      '<p>Your new due date is <b>Dec 15</b>.</p>',
      // Parts named as a name or a status inside the sentence: words, not the author or chrome.
      '<p>尊敬的<span class="user-name">张伟</span>，您的账单<span class="status">已逾期</span>12天。</p>',
    ];
    await page.evaluate((bs) => {
      for (const b of bs) {
        const el = document.createElement('div');
        el.className = 'message message--incoming';
        el.innerHTML = `<img class="avatar" alt=""><div class="message__bubble">${b}<div><span class="message__time">10:31</span></div></div>`;
        document.querySelector('.messages')!.append(el);
      }
    }, bodies);
    const { messages } = await recorded(page, n + bodies.length);
    expect(messages.slice(n).map((m) => `${m.speaker}:${m.text}`)).toEqual([
      'agent:您的还款计划如下： 第1期 500元 第2期 500元',
      'agent:Your options: Defer to the 15th Pay in 6 instalments',
      'agent:请点击 申请链接 (https://bank.example/apply?case=5512) 提交材料',
      'agent:好的😊谢谢',
      'agent:case-5512 is your case number',
      'agent:分期还款 最多可分12期，手续费按月0.6%',
      'agent:[quote: 我 我想申请延期还款。] 好的，已为您登记延期申请。',
      'agent:[quote: Your bill is 12 days overdue] Noted, thanks',
      'agent:已为您申请延期，还款日调整为12月15日，最低还款320元。',
      'agent:Your new due date is Dec 15.',
      'agent:尊敬的张伟，您的账单已逾期12天。',
    ]);
    await page.close();
  });
});

describe('edit marks, show-more toggles and receipts (plain-divs.html)', () => {
  test('"(已编辑)" set beside an edited message and a long message shown in full: one edit each, without the mark or the toggle; a receipt turning to read, none', async () => {
    const page = await chatWith('plain-divs.html', makeConversation(4));
    await page.evaluate(() => {
      const row = (id: string, body: string) => {
        const el = document.createElement('div');
        el.id = id;
        el.className = 'message message--incoming';
        el.innerHTML = `<img class="avatar" alt=""><div class="message__bubble">${body}<div><span class="message__time">10:31</span></div></div>`;
        document.querySelector('.messages')!.append(el);
      };
      row('edited', '<div class="message__text">最低还款500元</div>');
      row('long', '<div class="message__text">逾期后将产生罚息…</div><a class="toggle" href="#">展开全文</a>');
      // A receipt saying who read it, in a part with no telling class, turning from unread to read.
      row('receipt', '<div class="message__text">收到</div><span class="x9">10:32 对方未读</span>');
    });
    await recorded(page, 7);
    await page.evaluate(() => {
      document.querySelector('#edited .message__text')!.innerHTML = '最低还款300元 <span class="edit-mark">(已编辑)</span>';
      document.querySelector('#long .message__text')!.textContent = '逾期后将产生罚息，但您可以申请延期还款。';
      document.querySelector('#long .toggle')!.textContent = '收起';
      document.querySelector('#receipt .x9')!.textContent = '10:32 对方已读';
    });
    await page.waitForTimeout(800);
    const all = await stored(page);
    const messages = all.filter((o) => o.kind === 'message');
    expect(messages.slice(4).map((m) => m.text)).toEqual(['最低还款500元', '逾期后将产生罚息…', '收到']);
    expect(all.filter((o) => o.kind === 'edit').map((o) => [o.key, o.text])).toEqual([
      [messages[4].key, '最低还款300元'],
      [messages[5].key, '逾期后将产生罚息，但您可以申请延期还款。'],
    ]);
    await page.close();
  });
});

describe('the list’s own controls and dividers (plain-divs.html)', () => {
  test('"加载更多", "以下是新消息", "Load earlier messages" are no messages, and clicked away they are no removals', async () => {
    const page = await chatWith('plain-divs.html', makeConversation(3));
    const controls = ['<div class="load-more">加载更多</div>', '<div class="more-msg"><a href="javascript:;">查看更多消息</a></div>', '<div class="history-line">—— 以下是新消息 ——</div>', '<div class="tip">没有更多了</div>', '<div class="tip">Load earlier messages</div>'];
    await page.evaluate((cs) => {
      const list = document.querySelector('.messages')!;
      for (const c of cs) list.insertAdjacentHTML('beforeend', c);
    }, controls);
    await sayEach(page, [['user', '3200元。']]);
    await recorded(page, 4);
    await page.evaluate(() => document.querySelectorAll('.load-more, .more-msg').forEach((el) => el.remove()));
    await page.waitForTimeout(800);
    const all = await stored(page);
    expect(all.filter((o) => o.kind === 'message').map((o) => o.text)).toEqual([...makeConversation(3).map(([, t]) => t), '3200元。']);
    expect(all.filter((o) => o.kind !== 'message')).toEqual([]);
    await page.close();
  });
});

describe('answers that are only a day (the day asked for a deferral, "today" to when one can pay)', () => {
  const answers: Line[] = [
    ['agent', '您希望延期到哪一天？'],
    ['user', '12月15日'],
    ['agent', 'Which day would suit you?'],
    ['user', 'Dec 15'],
    ['agent', '您最快什么时候可以还款？'],
    ['user', '今天'],
    ['agent', 'When can you pay the first instalment?'],
    ['user', 'Today'],
    ['agent', '好的，已为您登记。'],
  ];
  test.each([
    ['plain-divs.html', 0],
    ['plain-divs.html', 10],
    ['grouped.html', 0],
    ['grouped.html', 10],
  ])('%s after %i messages: recorded with their sender, like any message', async (path, n) => {
    const before = makeConversation(n);
    const page = await chatWith(path, [...before, ...answers]);
    await page.waitForTimeout(300);
    const messages = (await stored(page)).filter((o) => o.kind === 'message');
    expect(messages.slice(n).map((m) => [m.speaker, m.text])).toEqual(answers);
    await page.close();
  });
});

describe('pictures sent without words (plain-divs.html)', () => {
  test('a picture message is recorded as "[image: name]" with its sender, once its picture has loaded; avatars are not messages', async () => {
    const page = await chatWith('plain-divs.html', [['agent', '这是您的分期还款计划，请查收。']]);
    // Rows as the page draws its messages, the bubble holding a picture instead of words: the
    // agent's picture has no address yet (nothing to measure), the user's is loaded inline.
    await page.evaluate(() => {
      const row = (speaker: 'agent' | 'user', img: string) => {
        const el = document.createElement('div');
        el.className = `message message--${speaker === 'user' ? 'outgoing' : 'incoming'}`;
        el.innerHTML = `${speaker === 'agent' ? '<img class="avatar" alt="">' : ''}<div class="message__bubble">${img}<div><span class="message__time">10:30</span></div></div>`;
        document.querySelector('.messages')!.append(el);
      };
      row('agent', '<img id="plan">');
      row('user', '<img alt="" style="width: 120px; height: 80px" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">');
    });
    await recorded(page, 2);
    expect((await stored(page)).filter((o) => o.kind === 'message').map((o) => `${o.speaker}:${o.text}`)).toEqual(['agent:这是您的分期还款计划，请查收。', 'user:[image]']);
    // The picture loads: no change to the DOM's structure, yet its row is read again.
    await page.evaluate(() => document.querySelector('#plan')!.setAttribute('src', 'repayment-plan.svg'));
    const { all, messages } = await recorded(page, 3);
    expect(messages.map((o) => `${o.speaker}:${o.text}`)).toEqual(['agent:这是您的分期还款计划，请查收。', 'user:[image]', 'agent:[image: repayment-plan.svg]']);
    // On the page the agent's picture comes before the user's, which was recorded first: a late note says so.
    expect(all.filter((o) => o.kind === 'placed')).toEqual([{ kind: 'placed', keys: [messages[2].key], before: messages[1].key, at: expect.any(String), late: true }]);
    expect(all.filter((o) => o.kind === 'edit' || o.kind === 'remove')).toEqual([]);
    await page.close();
  });
});

describe('voice messages, videos and files (plain-divs.html)', () => {
  test.each([2, 10])('after %i messages: a clip is recorded as "[audio]", "[video]" or "[voice message 0:12]", a file by its name and address', async (n) => {
    const page = await chatWith('plain-divs.html', makeConversation(n));
    const rows: [string, string][] = [
      ['agent', '<audio controls src="https://bank.example/v/explain.mp3"></audio>'],
      ['user', '<div class="voice-msg"><i class="icon-play"></i><span>0:12</span></div>'],
      ['agent', '<video controls width="200" height="120" src="https://bank.example/v/guide.mp4"></video>'],
      ['user', '<div class="语音消息">12\'\'</div>'],
      // The file's name sits in a part named "file-name": it is what was sent, not who sent it.
      ['agent', '<a class="file" href="https://bank.example/f/plan.pdf" download><span class="file-name">还款协议.pdf</span> <span class="file-size">1.2 MB</span></a>'],
      // A call notice with its length is words, not a clip.
      ['agent', '<div class="audio-call">语音通话已结束 03:12</div>'],
    ];
    await appendRows(page, rows);
    const { messages } = await recorded(page, n + rows.length);
    expect(messages.slice(n).map((m) => [m.speaker, m.text, m.author])).toEqual([
      ['agent', '[audio: explain.mp3]', null],
      ['user', '[voice message 0:12]', null],
      ['agent', '[video: guide.mp4]', null],
      ['user', "[voice message 12'']", null],
      ['agent', '还款协议.pdf 1.2 MB (https://bank.example/f/plan.pdf)', null],
      ['agent', '语音通话已结束 03:12', null],
    ]);
    await page.close();
  });
});

describe('pictures that load some time after their row is drawn (plain-divs.html)', () => {
  test('each is recorded once its picture has loaded, also when rows of the same markup were first read before theirs had', async () => {
    const page = await open('plain-divs.html');
    // The pictures arrive slowly: their rows are read while they have no size yet.
    await page.route('**/slow/*.svg', async (route) => {
      await new Promise((r) => setTimeout(r, 400));
      await route.fulfill({ contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80"><rect width="120" height="80" fill="#8ab"/></svg>' });
    });
    await page.evaluate(() => (window as any).__capture.start());
    // A chat long enough that rows of known markup are read from templates.
    const turns = SCRIPT.slice(0, 8);
    await sayEach(page, turns);
    await recorded(page, turns.length);
    const addPicture = (name: string) =>
      page.evaluate((file) => {
        const el = document.createElement('div');
        el.className = 'message message--incoming';
        el.innerHTML = `<img class="avatar" alt=""><div class="message__bubble"><img src="slow/${file}"><div><span class="message__time">10:30</span></div></div>`;
        document.querySelector('.messages')!.append(el);
      }, name);
    await addPicture('plan-1.svg');
    await page.waitForTimeout(900);
    await addPicture('plan-2.svg');
    const { all, messages } = await recorded(page, turns.length + 2);
    expect(messages.slice(turns.length).map((o) => `${o.speaker}:${o.text}`)).toEqual(['agent:[image: plan-1.svg]', 'agent:[image: plan-2.svg]']);
    expect(all.filter((o) => o.kind !== 'message' && o.kind !== 'agent')).toEqual([]);
    await page.close();
  });
});

describe('pictures sent with words (plain-divs.html)', () => {
  const svg = (w: number, h: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="${w}" height="${h}" fill="#8ab"/></svg>`;

  test('each message is recorded once, with its picture where the page shows it; icons, failed and stalled pictures leave the words alone', async () => {
    const page = await open('plain-divs.html');
    // Every picture arrives slowly: each row is read first while its pictures have no size.
    await page.route('**/slow/**', async (route) => {
      const name = new URL(route.request().url()).pathname;
      if (name.includes('stalled')) return; // never answered while the test runs
      await new Promise((r) => setTimeout(r, name.includes('late') ? 2500 : 400));
      if (name.includes('missing')) await route.fulfill({ status: 404, body: '' });
      else if (name.includes('tick')) await route.fulfill({ contentType: 'image/svg+xml', body: svg(14, 14) });
      else await route.fulfill({ contentType: 'image/svg+xml', body: svg(120, 80) });
    });
    await page.evaluate(() => (window as any).__capture.start());
    const turns = SCRIPT.slice(0, 8);
    await sayEach(page, turns);
    await recorded(page, turns.length);
    const rows: [string, string][] = [
      ['user', '<img src="slow/proof.svg" alt="失业证明"><p>这是我的失业证明，请查收</p>'],
      ['agent', '<p>请按下图操作：</p><img src="slow/steps.svg">'],
      // A status icon beside the words is no picture.
      ['user', '<p>好的，我试一下</p><img src="slow/tick.svg" alt="">'],
      // A picture that fails to load: its words are recorded as soon as it has failed.
      ['user', '<img src="slow/missing.png"><p>截图发不出来，我用文字说明</p>'],
      // An emoji among the words is one of them, not a picture.
      ['agent', '<p>收到 <img class="emoji" alt="👍" src="slow/thumb.svg"></p>'],
    ];
    for (const row of rows) {
      await appendRows(page, [row]);
      await page.waitForTimeout(700);
    }
    // A big image beside the bubble, with no class saying so, is the agent's avatar, not a picture sent.
    await page.evaluate(() => {
      const el = document.createElement('div');
      el.className = 'message message--incoming';
      el.innerHTML = '<img src="slow/kefu.svg" width="56" height="56"><div class="message__bubble"><p>您好，我是客服小美</p><div><span class="message__time">10:32</span></div></div>';
      document.querySelector('.messages')!.append(el);
    });
    await page.waitForTimeout(700);
    // A reply drawn while a picture is loading ends the wait: the words are recorded before it.
    await appendRows(page, [['user', '<img src="slow/bill.svg" alt="账单"><p>这是本月账单</p>']]);
    await page.waitForTimeout(100);
    await appendRows(page, [['agent', '<p>收到，正在核实</p>']]);
    await page.waitForTimeout(700);
    // Pictures not waited for: one whose server never answers or answers late, one the page loads
    // lazily. Their words are recorded alone, and a picture shown after them is no edit.
    const alone: [string, string][] = [
      ['agent', '<p>以上是还款计划</p><img src="slow/stalled.svg">'],
      ['agent', '<p>这是延期确认函</p><img src="slow/late.svg">'],
      ['user', '<p>这是我的收入证明</p><img loading="lazy" src="slow/income.svg">'],
    ];
    await appendRows(page, alone);
    await recorded(page, turns.length + rows.length + 3 + alone.length);
    await page.waitForTimeout(2500);
    const { all, messages } = await recorded(page, turns.length + rows.length + 3 + alone.length);
    expect(messages.slice(turns.length).map((m) => [m.speaker, m.text])).toEqual([
      ['user', '[image: 失业证明] 这是我的失业证明，请查收'],
      ['agent', '请按下图操作： [image: steps.svg]'],
      ['user', '好的，我试一下'],
      ['user', '截图发不出来，我用文字说明'],
      ['agent', '收到 👍'],
      ['agent', '您好，我是客服小美'],
      ['user', '这是本月账单'],
      ['agent', '收到，正在核实'],
      ['agent', '以上是还款计划'],
      ['agent', '这是延期确认函'],
      ['user', '这是我的收入证明'],
    ]);
    // Recorded once each, in chat order: no edit, no late placing.
    expect(all.filter((o) => o.kind !== 'message' && o.kind !== 'agent')).toEqual([]);
    await page.close();
  });
});

describe('an avatar without an avatar class beside each bubble (plain-divs.html)', () => {
  test('rows of its markup are still read from their template (the image is no picture sent with the words)', async () => {
    const page = await open('plain-divs.html');
    await page.evaluate(() => (window as any).__capture.start());
    const turns = SCRIPT.slice(0, 8);
    await sayEach(page, turns);
    await recorded(page, turns.length);
    const replies = Array.from({ length: 20 }, (_, i) => `第${i + 1}条：您的申请正在处理中`);
    for (const text of replies) {
      await page.evaluate((t) => {
        const el = document.createElement('div');
        el.className = 'message message--incoming';
        el.innerHTML = '<img src="kefu.svg" width="56" height="56"><div class="message__bubble"><p></p><div><span class="message__time">10:32</span></div></div>';
        el.querySelector('p')!.textContent = t;
        document.querySelector('.messages')!.append(el);
      }, text);
    }
    const { messages } = await recorded(page, turns.length + replies.length);
    expect(messages.slice(turns.length).map((m) => [m.speaker, m.text])).toEqual(replies.map((t) => ['agent', t]));
    const { templateReads } = await page.evaluate(() => (window as any).__capture.stats());
    expect(templateReads).toBeGreaterThanOrEqual(replies.length - 2);
    await page.close();
  });
});

describe('bubbles as wide as the list (grouped.html with no width limit: a long line in a wide font)', () => {
  test('each side is told by the row’s avatar, name and time: every speaker right', async () => {
    const page = await open('grouped.html');
    await page.addStyleTag({ content: '.gR4e1 { max-width: none !important; }' });
    const long = (s: string) => `${s} ${'我想申请把本月账单延期到下个月十五日再还款，'.repeat(4)}`;
    const turns: Line[] = [
      ['agent', '您好，请问有什么可以帮您？'],
      ['user', long('您好，')],
      ['agent', long('好的，')],
      ['user', '谢谢'],
      ['agent', long('另外，')],
      ['user', long('明白，')],
    ];
    await page.evaluate(() => (window as any).__capture.start());
    await sayEach(page, turns, 100);
    const { messages } = await recorded(page, turns.length);
    expect(messages.map((m) => [m.speaker, m.text])).toEqual(turns);
    await page.close();
  });
});

describe('a chat that opens with a run of the user’s messages, long ones too (grouped.html: one group, its bubbles read as a list while alone)', () => {
  test('capture moves to the real list once the agent answers: every message recorded once, in order, on its side', async () => {
    const page = await open('grouped.html');
    await page.evaluate(() => (window as any).__capture.start());
    // Seven of the user's lines before the agent's first, opening with a long one. A long line
    // wraps in a bubble as wide as the group's column: its ragged end tells no side, the
    // column's other parts (short bubbles, the time) do.
    const turns: Line[] = [
      ['user', 'Hello, my credit card bill is overdue this month because I lost my job, and I cannot pay it all at once. Could I defer it?'],
      ['user', '你好'],
      ['user', '我的信用卡这个月逾期了，因为最近失业，收入中断，暂时还不上全部欠款，想问一下能不能申请延期还款或者分期？'],
      ...makeConversation(14),
    ];
    expect(turns.findIndex(([s]) => s === 'agent')).toBe(7);
    await sayEach(page, turns, 120);
    const { all, messages } = await recorded(page, turns.length);
    expect(messages.map((m) => [m.speaker, m.text])).toEqual(turns);
    expect(all.filter((o) => o.kind === 'edit' || o.kind === 'remove')).toEqual([]);
    expect(await page.evaluate(() => (window as any).__capture.list())).toBe('div.tY6c0');
    await page.close();
  });
});

describe('pictures sent without words in sender groups (grouped.html: generated class names, sides from layout only)', () => {
  test('each picture is a message on its sender’s side, the agent’s carrying the group’s name', async () => {
    const turns: Line[] = [
      ['agent', '请把账单截图发给我看一下。'],
      ['user', '好的，我发给您。'],
      ['user', '这是本月的账单。'],
    ];
    const page = await chatWith('grouped.html', turns);
    // The user's picture joins their group; the agent answers with a picture in a group of its own.
    await page.evaluate(() => {
      const picture = () => Object.assign(document.createElement('div'), { className: 'mB3u6', innerHTML: '<img style="display: block; width: 120px; height: 80px" src="repayment-plan.svg">' });
      const userColumn = document.querySelector('.tY6c0')!.lastElementChild!.querySelector('.cK5d7')!;
      userColumn.insertBefore(picture(), userColumn.lastElementChild);
      const group = Object.assign(document.createElement('div'), { className: 'gR4e1', innerHTML: '<div class="vN0s3"></div><div class="cK5d7"><div class="nA9f2">Lily</div><div class="tX2o4">10:40</div></div>' });
      group.querySelector('.cK5d7')!.insertBefore(picture(), group.querySelector('.tX2o4'));
      document.querySelector('.tY6c0')!.append(group);
    });
    const { all, messages } = await recorded(page, turns.length + 2);
    expect(messages.slice(turns.length).map((m) => ({ speaker: m.speaker, author: m.author, text: m.text }))).toEqual([
      { speaker: 'user', author: null, text: '[image: repayment-plan.svg]' },
      { speaker: 'agent', author: 'Lily', text: '[image: repayment-plan.svg]' },
    ]);
    expect(all.filter((o) => o.kind === 'edit' || o.kind === 'remove')).toEqual([]);
    await page.close();
  });
});

describe('virtualised list (rows leave the DOM when scrolled out, no ids)', () => {
  test('a chat appearing on a page watched since it was empty is found within 200 ms, before its first rows can scroll out', async () => {
    const page = await open('virtual.html');
    await page.evaluate(() => (window as any).__capture.start());
    await page.waitForTimeout(300); // the first look found nothing; the next one is due later
    const since = await page.evaluate(() => {
      (window as any).__chat.say('agent', '您好，请问有什么可以帮您？');
      (window as any).__chat.say('user', '我的账单逾期了。');
      return performance.now();
    });
    const foundAfter = await page.evaluate(
      (t0) =>
        new Promise<number>((resolve) => {
          const poll = () => ((window as any).__capture.list() ? resolve(performance.now() - t0) : setTimeout(poll, 5));
          poll();
        }),
      since,
    );
    console.log(`[capture accuracy] virtual.html: list found ${Math.round(foundAfter)} ms after the first messages`);
    expect(await page.evaluate(() => (window as any).__capture.list())).toBe('div.msg-canvas');
    expect(foundAfter).toBeLessThan(200);
    await page.close();
  });

  test('every message once, no removals, after scrolling to the top and back', async () => {
    const page = await open('virtual.html');
    await page.evaluate(() => (window as any).__capture.start());
    const script = SCRIPT.slice(0, 60);
    await sayEach(page, script, 15);
    expect(await page.evaluate(() => (window as any).__chat.renderedCount())).toBeLessThan(15);
    await recorded(page, script.length);
    await page.evaluate(() => (window as any).__chat.scrollThrough());
    const { all, messages } = await recorded(page, script.length);
    const s = score(script.map(([speaker, text]) => ({ speaker, text })), messages);
    console.log(`[capture accuracy] virtual.html: recall ${s.recall.toFixed(3)} precision ${s.precision.toFixed(3)} speaker ${s.speaker.toFixed(3)} (${messages.length} recorded)`);
    expect(messages.map(({ speaker, text }) => ({ speaker, text }))).toEqual(script.map(([speaker, text]) => ({ speaker, text })));
    expect(all.filter((o) => o.kind === 'remove' || o.kind === 'edit')).toEqual([]);
    await page.close();
  });
});

describe('cost', () => {
  test('a page mutating thousands of times a second (inside and outside the list) costs the engine little', async () => {
    const page = await open('plain-divs.html');
    await page.evaluate(() => (window as any).__capture.start());
    await page.evaluate(() => (window as any).__chat.say('agent', 'Hello'));
    await recorded(page, 1);
    // Noise: the header clock and a ticking element inside the list, changed back to back.
    const result = await page.evaluate(async () => {
      const list = document.querySelector('.messages')!;
      const ticker = document.createElement('div');
      ticker.className = 'typing-indicator';
      list.append(ticker);
      const clock = document.querySelector('[data-noise]')!;
      const before = (window as any).__capture.stats();
      const start = performance.now();
      let mutations = 0;
      while (performance.now() - start < 2000) {
        for (let i = 0; i < 100; i++) {
          ticker.textContent = `. ${i}`;
          clock.textContent = String(i);
          mutations += 2;
        }
        await new Promise((r) => setTimeout(r, 4));
      }
      const wall = performance.now() - start;
      await new Promise((r) => setTimeout(r, 100));
      const after = (window as any).__capture.stats();
      return { mutations, wall, engineMs: after.processMs - before.processMs, extractions: after.extractions - before.extractions, flushes: after.flushes - before.flushes };
    });
    const perSecond = Math.round((result.mutations / result.wall) * 1000);
    console.log(`[capture cost] ${perSecond} mutations/s for ${Math.round(result.wall)} ms: engine ${result.engineMs.toFixed(1)} ms (${((result.engineMs / result.wall) * 100).toFixed(2)}% of the time), ${result.flushes} flushes, ${result.extractions} extractions`);
    expect(perSecond).toBeGreaterThan(2000);
    // One pass per frame at most, each extracting only the ticking node: a small fraction of the time.
    expect(result.engineMs / result.wall).toBeLessThan(0.1);
    expect(result.extractions).toBeLessThanOrEqual(result.flushes * 2 + 5);
    expect((await stored(page)).filter((o) => o.kind === 'message')).toHaveLength(1);
    await page.close();
  });
});
