// @vitest-environment jsdom
import { beforeEach, describe, expect, test } from 'vitest';
import { extractMessage, pageIdOf } from '../../../src/content/capture/extract';
import { SITE_ADAPTERS } from '../../../src/lib/capture/adapters';
import { appendRow, freshMessageList } from './message-list';

let list: HTMLElement;
beforeEach(() => void (list = freshMessageList()));
const item = (html: string) => appendRow(list, html);
const ctx = () => ({ list, adapter: null, layout: false, styles: true });
const ex = (html: string) => extractMessage(item(html), ctx());

describe('text and author', () => {
  test('strips time, receipts, avatar alt and the author label; keeps the author apart', () => {
    const r = ex(`<div class="message message--incoming"><img class="avatar" alt="Lily avatar" src="a.png">
      <div class="bubble"><span class="message__author">Lily</span><p>Your  minimum
      payment is <b>320</b> yuan.</p><span class="message__time">10:32</span><span class="status">Seen</span>
      <button>Copy</button></div></div>`);
    expect(r).toMatchObject({ text: 'Your minimum payment is 320 yuan.', author: 'Lily', speaker: 'agent' });
  });
  test('separates block elements with a space and keeps emoji images', () => {
    const r = ex('<div class="msg msg-self"><p>第一行</p><p>第二行<img class="emoji" alt="😀"></p></div>');
    expect(r).toMatchObject({ text: '第一行 第二行😀', speaker: 'user' });
  });
  test('a date or time set apart inside a sentence is part of it; a clock time after the words is still the time', () => {
    const text = (html: string) => ex(html)!.text;
    expect(text('<div class="message incoming"><p>您的还款日为<b>12月15日</b>，最低还款<b>320</b>元</p><span>10:31</span></div>')).toBe('您的还款日为12月15日，最低还款320元');
    expect(text('<div class="message incoming"><p>Your payment is due <b>Dec 15</b>.</p></div>')).toBe('Your payment is due Dec 15.');
    expect(text('<div class="message incoming"><p>We will call you at <b>10:30</b> today.</p></div>')).toBe('We will call you at 10:30 today.');
    expect(text('<div class="message incoming"><p>还款日：<b>12月15日</b></p></div>')).toBe('还款日：12月15日');
    expect(text('<div class="message outgoing"><p>我会在<time datetime="2026-12-15">12月15日</time>还款</p><time>10:31</time></div>')).toBe('我会在12月15日还款');
    expect(text('<div class="message outgoing"><p>好的<span>10:31</span></p></div>')).toBe('好的');
  });
  test('a part named as a name, time or status, set inside a sentence, is part of it', () => {
    expect(ex('<div class="message incoming"><p>尊敬的<span class="user-name">张伟</span>，您好</p></div>')).toMatchObject({ text: '尊敬的张伟，您好', author: null });
    expect(ex('<div class="message incoming"><p>您的账单<span class="status">已逾期</span>12天，还款日：<span class="date">12月15日</span></p></div>')!.text).toBe('您的账单已逾期12天，还款日：12月15日');
    // Beside the words, they stay what their class says.
    expect(ex('<div class="message incoming"><span class="author">Lily</span><p>OK</p><span class="status">Seen</span></div>')).toMatchObject({ text: 'OK', author: 'Lily' });
  });
  test('unmarked time-only element is left out, numbers inside the text are kept', () => {
    expect(ex('<div class="message outgoing"><span>I can pay at 10:30 tomorrow</span><span class="x1">10:31</span></div>')!.text).toBe('I can pay at 10:30 tomorrow');
  });
  test('a link’s web address follows its words, unless they show it; relative links and links around a picture add nothing', () => {
    expect(ex('<div class="message incoming"><p>请点击 <a href="https://bank.example/apply?id=5&amp;step=2">申请链接</a> 提交材料</p></div>')!.text).toBe(
      '请点击 申请链接 (https://bank.example/apply?id=5&step=2) 提交材料',
    );
    expect(ex('<div class="message incoming">See <a href="https://bank.example/help/">bank.example/help</a> or <a href="https://bank.example/faq">www.bank.example/faq</a></div>')!.text).toBe(
      'See bank.example/help or www.bank.example/faq',
    );
    expect(ex('<div class="message incoming"><a href="/help">帮助中心</a> <a href="javascript:void(0)">详情</a><a href="https://cdn.example/plan.png"><img src="plan.png"></a></div>')!.text).toBe('帮助中心 详情');
    expect(ex(`<div class="message incoming"><a href="https://bank.example/${'x'.repeat(300)}">form</a></div>`)!.text).toBe(`form (https://bank.example/${'x'.repeat(200 - 'https://bank.example/'.length)}…)`);
  });
  test('a message that says only a day is the day, when its markup names a sender; a lone clock time, time ago or receipt, or a date line, is no message', () => {
    expect(ex('<div class="message outgoing"><div class="bubble">12月15日<span class="x1">10:31</span></div></div>')).toMatchObject({ text: '12月15日', speaker: 'user' });
    expect(ex('<div class="message incoming"><p>Dec 15</p><span>10:31</span></div>')).toMatchObject({ text: 'Dec 15', speaker: 'agent' });
    expect(ex('<div class="message outgoing"><span>10:30</span></div>')).toBeNull();
    // "Today" to "when can you pay?"
    expect(ex('<div class="message outgoing"><span>今天</span><span class="x1">10:31</span></div>')).toMatchObject({ text: '今天', speaker: 'user' });
    expect(ex('<div class="message outgoing"><span>刚刚</span></div>')).toBeNull();
    // A day beside a clip is the clip's label.
    expect(ex('<div class="message outgoing"><div class="voice-msg">0:12</div><span>今天</span></div>')).toMatchObject({ text: '[voice message 0:12]', speaker: 'user' });
    expect(ex('<div class="message outgoing"><span>已读</span></div>')).toBeNull();
    expect(ex('<div class="row"><span>2024年12月15日</span></div>')).toBeNull();
  });
  test('a lone time in the part that holds a message’s words is the message, when its markup names a sender; elsewhere it is the time', () => {
    // "15:00" to "what time can you pay?".
    expect(ex('<div class="message outgoing"><div class="bubble">15:00</div><span class="time">10:31</span></div>')).toMatchObject({ text: '15:00', speaker: 'user' });
    expect(ex('<div class="message incoming"><span class="author">Lily</span><div class="rce-mbox-text">下午3:00</div></div>')).toMatchObject({ text: '下午3:00', author: 'Lily', speaker: 'agent' });
    expect(ex('<div class="message outgoing"><div class="消息内容">15:00</div><span>10:31</span></div>')).toMatchObject({ text: '15:00' });
    // Before a day elsewhere in the row: the words part says which label is the message.
    expect(ex('<div class="message outgoing"><span>12月15日</span><div class="msg-content">15:00</div></div>')).toMatchObject({ text: '15:00' });
    // The part for words may wrap its text in elements of its own, one inside the other.
    expect(ex('<div class="message outgoing"><div class="msg-inner"><div class="Bubble text"><p>15:00</p></div></div></div>')).toMatchObject({ text: '15:00' });
    // Not a part for words: a class says time, none says words, or the words part holds a time label.
    expect(ex('<div class="message outgoing"><div class="msg-text-time">15:00</div></div>')).toBeNull();
    expect(ex('<div class="message outgoing"><div class="content-date">15:00</div></div>')).toBeNull();
    expect(ex('<div class="message outgoing"><div>15:00</div></div>')).toBeNull();
    expect(ex('<div class="message outgoing"><div class="bubble"><span class="time">15:00</span></div></div>')).toBeNull();
    // A time line between messages names no sender; a receipt in the words part is no message.
    expect(ex('<div class="row"><span class="text">10:31</span></div>')).toBeNull();
    expect(ex('<div class="message outgoing"><div class="bubble">已读</div></div>')).toBeNull();
  });
  test('a quoted earlier message is set apart as "[quote: …]", and its name is not the author', () => {
    // The quoted message's name is read with its words.
    expect(ex('<div class="message incoming"><span class="author">Lily</span><div class="msg-quote"><span class="quote-author">我</span>: <span>我想延期</span></div><p>好的</p></div>')).toMatchObject({
      text: '[quote: 我: 我想延期] 好的',
      author: 'Lily',
      speaker: 'agent',
    });
    expect(ex('<div class="message outgoing"><div class="in-reply-to"><span class="sender-name">Lily</span><p>Can you pay 500?</p></div>Yes, on the 15th</div>')).toMatchObject({
      text: '[quote: Lily Can you pay 500?] Yes, on the 15th',
      author: null,
      speaker: 'user',
    });
    expect(ex('<div class="message outgoing"><blockquote><p>第一句</p><blockquote>第二句</blockquote></blockquote>收到</div>')!.text).toBe('[quote: 第一句 第二句] 收到');
    // A whole reply named so is a message, not a quote.
    expect(ex('<div class="message reply outgoing"><div class="reply">好的</div></div>')!.text).toBe('好的');
  });
  test('an edit mark, a show-more toggle and actions (copy, resend) beside the words are not words', () => {
    expect(ex('<div class="message incoming"><p>最低还款300元 <span>(已编辑)</span></p><span>10:31</span></div>')!.text).toBe('最低还款300元');
    expect(ex('<div class="message incoming"><p>逾期后将产生罚息…</p><a href="#">展开全文</a></div>')!.text).toBe('逾期后将产生罚息…');
    expect(ex('<div class="message outgoing">Thanks <em>edited</em></div>')!.text).toBe('Thanks');
    expect(ex('<div class="message outgoing"><p>3200元</p><span class="x1">发送失败</span><a>重发</a></div>')!.text).toBe('3200元');
    expect(ex('<div class="message incoming"><p>已为您登记</p><div class="x2"><a>复制</a><a>翻译</a></div></div>')!.text).toBe('已为您登记');
    // Receipts that say by whom or when.
    expect(ex('<div class="message outgoing"><p>3200元</p><span class="x1">10:31 对方已读</span></div>')!.text).toBe('3200元');
    expect(ex('<div class="message outgoing"><p>OK</p><span class="x1">Seen by Lily</span></div>')!.text).toBe('OK');
  });
  test('screen-reader-only and hidden parts are not visible text', () => {
    expect(ex('<div class="message outgoing"><span class="sr-only">You said:</span><span hidden>draft</span><span style="display:none">x</span>Hello</div>')!.text).toBe('Hello');
  });
});

describe('author labels with nothing in the markup naming them (generated class names)', () => {
  // The shape @minchat/react-chat-ui (styled-components) draws: avatar, then a column with the
  // name in wrappers of its own above the bubble, which holds the text and, apart, the time.
  const row = (name: string, text: string, time = '<div style="margin-top:4px"><div class="sc-elF"><div class="sc-kTh">just now</div></div></div>') =>
    `<div data-testid="incoming-message" class="sc-kieALA etOjUj"><div class="sc-dHK"><img src="a.png"></div><div class="sc-hLy"><div class="sc-eGj"><div class="sc-gro">${name}</div></div><div style="display:flex"><div class="sc-dib"><div class="sc-kAF"></div><div class="sc-jMp">${text}</div>${time}</div></div></div></div>`;

  test('a short name above a bubble holding the text and, apart, its time is the author', () => {
    expect(ex(row('Sarah', 'Could you confirm your name?'))).toMatchObject({ text: 'Could you confirm your name?', author: 'Sarah', speaker: 'agent' });
  });
  test('a name seen as an author in the list needs no time beside it (the time shows once per group)', () => {
    const authors = new Set<string>();
    const read = (html: string) => extractMessage(item(html), { ...ctx(), authors });
    expect(read(row('小李', '请稍等'))?.author).toBe('小李');
    expect(read(row('小李', '已为您办理分期', ''))).toMatchObject({ text: '已为您办理分期', author: '小李' });
    // Without that knowledge the same row keeps its first line.
    expect(ex(row('小李', '已为您办理分期', ''))).toMatchObject({ text: '小李 已为您办理分期', author: null });
  });
  test('a short name sharing its line with nothing but the avatar, over the text, is the author (react-chat-elements)', () => {
    const rce = (text: string, avatar = '<div class="rce-avatar-container default"><img src="a.png" class="rce-avatar"></div>') =>
      `<div class="rce-container-mbox"><div class="rce-mbox"><div class="rce-mbox-body"><div class="rce-mbox-title rce-mbox-title--clear">${avatar}<span>Sarah</span></div><div class="rce-mbox-text left">${text}</div><div class="rce-mbox-time non-copiable" data-text="just now"></div></div></div></div>`;
    expect(ex(rce('Could you confirm your name?'))).toMatchObject({ text: 'Could you confirm your name?', author: 'Sarah' });
    expect(ex(rce('OK'))).toMatchObject({ text: 'OK', author: 'Sarah' });
    // Without the avatar, nothing says the first line is a name.
    expect(ex(rce('Could you confirm your name?', ''))).toMatchObject({ text: 'Sarah Could you confirm your name?', author: null });
  });
  test('a short name followed on its line by nothing but the time, over the bubble, is the author (@livechat/ui-kit)', () => {
    const lc = (head: string, text: string) =>
      `<div class="lc-9fiok9 e10ccb470"><div class="lc-81ie7q"><div><div class="lc-1rajx2j">${head}</div></div><div class="lc-bub emwkn670"><div class="lc-3ft2j8">${text}</div></div></div></div>`;
    expect(ex(lc('<span class="lc-1lt">Sarah </span><span class="lc-1lt">22:50</span>', 'Could you confirm your name?'))).toMatchObject({ text: 'Could you confirm your name?', author: 'Sarah' });
    // A line that goes on after the name is the message's own.
    expect(ex(lc('<span class="lc-1lt">Sarah </span><span class="lc-1lt">said hello</span>', 'Could you confirm your name?'))).toMatchObject({ text: 'Sarah said hello Could you confirm your name?', author: null });
  });
  test('a short name outside the box the bubble paints, over it, is the author (sender groups)', () => {
    const group = (bubbleStyle: string) =>
      `<div class="gR4e1"><div class="vN0s3"></div><div class="cK5d7"><div class="nA9f2">Lily</div><div class="mB3u6" style="${bubbleStyle}"><div class="oQ1w5">请稍等</div></div></div></div>`;
    expect(ex(group('background-color: #e5e7eb'))).toMatchObject({ text: '请稍等', author: 'Lily' });
    expect(ex(group(''))).toMatchObject({ text: 'Lily 请稍等', author: null });
    // chatscope's MessageGroup: the header over the group's messages, whose content is what is painted.
    const header = (contentStyle: string) =>
      `<section class="cs-message-group"><div class="cs-message-group__header">小李</div><div class="cs-message-group__messages"><section class="cs-message"><div class="cs-message__content-wrapper"><div class="cs-message__content" style="${contentStyle}">请稍等</div></div></section></div><div class="cs-message-group__footer">10:12</div></section>`;
    expect(ex(header('background-color: #c6e3fa'))).toMatchObject({ text: '请稍等', author: '小李' });
    expect(ex(header(''))).toMatchObject({ text: '小李 请稍等', author: null });
  });
  test('a message\'s own short first line is not an author: a line after it, or a time inside its own line', () => {
    expect(ex('<div class="message outgoing"><div class="t"><div>Hi</div><div>I lost my job <span>10:05</span></div></div></div>')).toMatchObject({ text: 'Hi I lost my job', author: null });
    expect(ex('<div class="message outgoing"><div>OK</div><div class="f">10:05</div></div>')).toMatchObject({ text: 'OK', author: null });
    expect(ex('<div class="message outgoing"><div class="b"><div class="t">OK thanks</div><div><span>10:13</span> <span>Seen</span></div></div></div>')).toMatchObject({ text: 'OK thanks', author: null });
    expect(ex('<div class="message outgoing"><div class="b"><div class="t">OK thanks</div><div><span>10:13</span> <span>edited</span></div></div></div>')).toMatchObject({ text: 'OK thanks', author: null });
    expect(ex('<div class="message incoming"><p><strong>Note</strong></p><div><p>Pay by the 5th</p><span>10:05</span></div></div>')).toMatchObject({ text: 'Note Pay by the 5th', author: null });
  });
  test('a notice signed "System" is the system\'s, even drawn as an incoming message', () => {
    expect(ex(row('System', 'Agent Sarah joined the chat'))).toMatchObject({ text: 'Agent Sarah joined the chat', author: 'System', speaker: 'system' });
    expect(ex(row('系统', '客服小李已接入会话'))!.speaker).toBe('system');
  });
});

describe('not messages', () => {
  test.each([
    ['typing indicator text', '<div class="message incoming"><span>对方正在输入…</span></div>'],
    ['typing indicator class', '<div class="typing-indicator"><span></span><span></span><span></span></div>'],
    ['three dots', '<div class="row"><div class="b">…</div></div>'],
    ['date separator', '<div class="date-divider">Today</div>'],
    ['time row', '<div class="row"><span>昨天 18:01</span></div>'],
    ['quick-reply chips', '<div class="quick-replies"><button>Yes</button><button>No</button></div>'],
    ['chips as role=button', '<div class="chips"><span role="button">Pay now</span></div>'],
    ['welcome banner', '<div class="welcome-banner">Welcome to Acme support!</div>'],
    ['read receipt row', '<div class="row"><span>已读</span></div>'],
    ['empty bubble', '<div class="message incoming"><img class="avatar" alt="客服"></div>'],
    ['typing bubble: a loader beside a short line', '<div class="sc-iay"><div class="loading-animation"><div></div><div></div></div><div class="sc-ffS">Sarah …</div></div>'],
  ])('%s', (_name, html) => {
    expect(ex(html)).toBeNull();
  });
});

describe('speaker', () => {
  test.each([
    ['<div class="message message--outgoing">a</div>', 'user'],
    ['<div class="message message--incoming">a</div>', 'agent'],
    ['<div class="chat-row"><div class="bubble bubble-right">a</div></div>', 'user'],
    ['<div class="row" data-sender="customer"><div>a</div></div>', 'user'],
    ['<div class="row" data-author-type="bot"><div>a</div></div>', 'agent'],
    ['<div class="row" aria-label="You said"><div>a</div></div>', 'user'],
    ['<div class="消息 我的消息"><span class="内容">a</span></div>', 'user'],
    ['<div class="消息 客服消息"><span class="内容">a</span></div>', 'agent'],
    ['<div class="row"><span class="昵称">我</span><span>a</span></div>', 'user'],
    ['<div class="row"><span class="nickname">客服小美</span><span>a</span></div>', 'agent'],
    ['<div class="system-notice">Lily joined the chat</div>', 'system'],
    ['<div class="row"><span>客服小美已接入</span></div>', 'system'],
    // A service-rating card with nothing naming its sender: the page's, not the agent's.
    ['<div class="row"><p>您对本次服务满意吗？</p><div>非常满意</div><div>不满意</div></div>', 'system'],
    ['<div class="row"><p>How satisfied were you with this conversation?</p><div>1</div><div>5</div></div>', 'system'],
    ['<div class="msg fade-in"><div class="msg-body">a</div></div>', 'agent'],
    // Every row named "<name>: <time>" and a library prefix on every class: the direction word decides.
    ['<section class="cs-message cs-message--outgoing" aria-label="Wang: 15:13"><div class="cs-message__content"><div class="cs-message__html-content">a</div></div></section>', 'user'],
    ['<section class="cs-message cs-message--incoming" aria-label="Lee: 15:13"><div class="cs-message__header"><div class="cs-message__sender-name">Lee</div></div><div class="cs-message__content">a</div></section>', 'agent'],
    // The user's mark several wrappers down, beside a utility-looking class.
    ['<div><div class="x-message-wrapper"><div class="x-box x-offset-current"><div class="x-container"><div class="x-card x-message-current"><p>a</p></div></div></div></div></div>', 'user'],
    // The row's role class outweighs a bubble that also says "ai" (a system notice styled as the bot's).
    ['<div class="outer-container role-system"><div class="inner"><div class="name">System</div><div class="bubble system-message ai-message-text"><p>a</p></div></div></div>', 'system'],
  ])('%s → %s', (html, speaker) => {
    expect(ex(html)!.speaker).toBe(speaker);
  });
  test('a guess is marked as unsure', () => {
    expect(ex('<div class="row"><div>hello</div></div>')).toMatchObject({ speaker: 'agent', sure: false });
  });
  test('recall notices are flagged', () => {
    expect(ex('<div class="notice">客服撤回了一条消息</div>')!.recall).toBe(true);
    expect(ex('<div class="notice">This message was deleted</div>')!.recall).toBe(true);
  });
});

describe('shadow DOM and adapters', () => {
  test('reads text rendered in a message element’s open shadow root', () => {
    const host = item('<chat-message from="visitor"></chat-message>');
    host.attachShadow({ mode: 'open' }).innerHTML = '<style>.b{}</style><div class="b"><span>shadow text</span><span class="time">9:00</span></div>';
    expect(extractMessage(host, ctx())).toMatchObject({ text: 'shadow text', speaker: 'user' });
  });
  test('slotted light-DOM text is read once', () => {
    const host = item('<x-msg class="message outgoing">light text</x-msg>');
    host.attachShadow({ mode: 'open' }).innerHTML = '<div class="bubble"><slot></slot></div>';
    expect(extractMessage(host, ctx())!.text).toBe('light text');
  });
  test('an adapter decides the speaker and the text element', () => {
    const adapter = SITE_ADAPTERS.find((a) => a.name === 'intercom')!;
    const el = item('<div class="intercom-conversation-part intercom-conversation-part-user"><div class="intercom-comment">Hi there</div><div class="intercom-conversation-part-metadata">Just now</div></div>');
    expect(extractMessage(el, { ...ctx(), adapter })).toMatchObject({ speaker: 'user', text: 'Hi there' });
  });
  test('an adapter’s time label is left out of the text even without a text selector', () => {
    const adapter = { ...SITE_ADAPTERS.find((a) => a.name === 'intercom')!, text: undefined, time: '.when' };
    const el = item('<div class="intercom-conversation-part intercom-conversation-part-admin"><div>We can defer to the 15th</div><div class="when">Sent yesterday</div></div>');
    expect(extractMessage(el, { ...ctx(), adapter })).toMatchObject({ speaker: 'agent', text: 'We can defer to the 15th' });
  });
  test('page ids come from the message or its first children', () => {
    expect(pageIdOf(item('<div data-message-id="42"><p>x</p></div>'))).toBe('data-message-id=42');
    expect(pageIdOf(item('<div><div data-id="m7">x</div></div>'))).toBe('data-id=m7');
    expect(pageIdOf(item('<div class="x"><p>x</p></div>'))).toBeNull();
    const odd = item('<div><p>x</p></div>');
    odd.setAttribute('data-id', 'm\u00001');
    expect(pageIdOf(odd)).toBeNull();
  });
});
