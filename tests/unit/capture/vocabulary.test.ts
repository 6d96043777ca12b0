import { describe, expect, test } from 'vitest';
import {
  isAuthorClass, isAvatarClass, isChromeClass, isDateOnly, isListControl, isMarkOnly, isQuoteClass, isReceiptOnly, isRecallNotice, isTimeAndReceipt, isTimeOnly, isTypingIndicator, looksLikeSystemNotice,
  speakerOfAuthorLabel, speakerWordsIn, wordsOf, directionWordsIn,
} from '../../../src/lib/capture/vocabulary';

describe('class vocabulary', () => {
  test('splits class names into words', () => {
    expect(wordsOf('msgBubble--outgoing chat_item')).toEqual(['msg', 'bubble', 'outgoing', 'chat', 'item']);
  });
  test.each([
    ['message message--outgoing', ['user']],
    ['msg-self', ['user']],
    ['bubble right', ['user']],
    ['chat-item from-me', ['user']],
    ['message is-customer', ['user']],
    ['message incoming', ['agent']],
    ['msg msg-agent', ['agent']],
    ['bubble-left', ['agent']],
    ['row bot-reply', ['agent']],
    ['消息 客服消息', ['agent']],
    ['消息 我的消息', ['user']],
    ['notice system-tip', ['system', 'system', 'system']],
    // A library prefix naming a side is outweighed by the row's own word after it.
    ['react-chatbot-kit-user-chat-message-container', ['user']],
    ['react-chatbot-kit-chat-bot-message-container', ['agent', 'agent']],
  ])('%s → %j', (cls, speakers) => {
    expect(speakerWordsIn(cls)).toEqual(speakers);
  });
  test('direction words, and no vote from library prefixes', () => {
    expect(directionWordsIn('cs-message cs-message--outgoing')).toEqual(['user']);
    expect(directionWordsIn('Message left')).toEqual(['agent']);
    expect(directionWordsIn('vac-message-card vac-message-current')).toEqual(['user']);
    expect(directionWordsIn('text-right float-left agent')).toEqual([]);
    expect(speakerWordsIn('cs-message cs-message__content')).toEqual([]);
  });
  test('avatar classes', () => {
    expect(['rce-avatar-container default', 'ant-bubble-avatar', 'user-portrait', '消息头像'].map(isAvatarClass)).toEqual([true, true, true, true]);
    expect(['message-body', 'avtr-row', 'author-name'].map(isAvatarClass)).toEqual([false, false, false]);
  });
  test('animation and layout utilities do not vote', () => {
    expect(speakerWordsIn('fade-in slide-left text-right float-right self-end ml-auto')).toEqual([]);
    expect(speakerWordsIn('username')).toEqual([]);
  });
  test('chrome and author classes', () => {
    expect(isChromeClass('msg-time')).toBe(true);
    expect(isChromeClass('avatar')).toBe(true);
    expect(isChromeClass('read-receipt')).toBe(true);
    expect(isChromeClass('message-content')).toBe(false);
    expect(isChromeClass('msg-text')).toBe(false);
    expect(isAuthorClass('sender-name')).toBe(true);
    expect(isAuthorClass('昵称')).toBe(true);
    expect(isAuthorClass('msg-who')).toBe(true);
    expect(isChromeClass('who')).toBe(true);
    expect(isAuthorClass('bubble')).toBe(false);
  });
  test('receipts with whom or when: labels, not words', () => {
    for (const t of ['对方已读', '2人已读', '发送成功', 'Seen by Lily', '• Seen']) expect(isReceiptOnly(t), t).toBe(true);
    for (const t of ['10:31 已读', 'Read 10:31', 'Delivered · 10:31', 'Seen 2m ago', '10:31 ✓']) expect(isTimeAndReceipt(t), t).toBe(true);
    for (const t of ['Read the terms', 'Seen by the bank, they said ok', '10:31 好的', 'I read 10:31']) expect(isReceiptOnly(t) || isTimeAndReceipt(t), t).toBe(false);
  });
  test('the list’s own controls and dividers', () => {
    for (const t of ['加载更多', '点击加载更多', '查看更多消息', '查看历史消息', '显示更早的消息', '没有更多了', '暂无更多消息', '以上为历史消息', '—— 以下是新消息 ——', '新消息', 'Load more', 'Load earlier messages', 'Show older messages', 'No more messages', '3 new messages', '— Unread messages —', 'Beginning of the conversation'])
      expect(isListControl(t), t).toBe(true);
    for (const t of ['查看', '加载', '我想查看更多的还款方案', '有新消息吗？', 'Please load more details', 'new message from the bank']) expect(isListControl(t), t).toBe(false);
  });
  test('service ratings read as page notices', () => {
    for (const t of ['请对本次服务进行评价', '本次会话已结束，请对客服小美的服务进行评价', '满意度调查', 'Please rate this chat', 'How would you rate your experience?',
      '请为本次服务打分', '请您对本次咨询做出评价', '您对本次服务满意吗？ 非常满意 满意 不满意', 'Please rate your agent', 'How satisfied were you with this conversation?', 'Take our satisfaction survey'])
      expect(looksLikeSystemNotice(t), t).toBe(true);
    for (const t of ['我对处理结果不满意', '您对这个还款方案满意吗？', '我会给您的服务评分的', 'The rate of interest is 0.05%', 'I am satisfied with the plan']) expect(looksLikeSystemNotice(t), t).toBe(false);
  });
  test('marks and actions beside a message’s words: edited, show more, copy, resend', () => {
    for (const t of ['(已编辑)', '已编辑', '（已修改）', 'edited', '(edited)', '展开全文', '展开', '收起', 'Show more', 'Read more', '[Show less]', '复制', '重发', 'Retry', '翻译', 'See translation'])
      expect(isMarkOnly(t), t).toBe(true);
    for (const t of ['我已编辑好材料', 'I edited the form', '请展开说说', 'more', 'show']) expect(isMarkOnly(t), t).toBe(false);
  });
  test('quote classes: a quoted or replied-to message, not a whole reply', () => {
    for (const cls of ['quote', 'msg-quote', 'quoted-message', 'reply-to', 'replyTo', 'in-reply-to', 'message-quotation', '引用消息']) expect(isQuoteClass(cls), cls).toBe(true);
    for (const cls of ['reply', 'message reply', 'reply-message', 'quick-replies', 'bubble']) expect(isQuoteClass(cls), cls).toBe(false);
  });
  test('the name of a file or product a message carries is neither its author nor chrome', () => {
    for (const cls of ['file-name', 'attachment__name', 'docName', 'product-name', '文件名']) {
      expect(isAuthorClass(cls)).toBe(false);
      expect(isChromeClass(cls)).toBe(false);
    }
    // Other parts of such a message stay what they are.
    expect(isChromeClass('file-time')).toBe(true);
    expect(isAuthorClass('sender-name file-message')).toBe(true);
  });
});

describe('text vocabulary', () => {
  test.each(['10:32', '昨天 18:01', 'Today', '2024-05-01', '2024年5月1日 10:00', '下午 3:05', '3 min ago', '刚刚', 'Mon, Jun 3', '— Yesterday —'])('time only: %s', (t) => {
    expect(isTimeOnly(t)).toBe(true);
  });
  test.each(['我 10:30 还款', 'Meet at 10:30', '好的', 'Today I will pay', '3'])('not time only: %s', (t) => {
    expect(isTimeOnly(t)).toBe(false);
  });
  test('typing indicators', () => {
    for (const t of ['对方正在输入…', '正在输入', 'Lily is typing...', 'typing…', '...', '…']) expect(isTypingIndicator(t)).toBe(true);
    for (const t of ['我正在输入我的银行卡号，请稍等一下好吗', 'I was typing a long reply about my bill', '好的']) expect(isTypingIndicator(t)).toBe(false);
  });
  test('receipts, recalls and notices', () => {
    expect(isReceiptOnly('已读')).toBe(true);
    expect(isReceiptOnly('Seen')).toBe(true);
    expect(isReceiptOnly('已读完了账单')).toBe(false);
    expect(isRecallNotice('客服撤回了一条消息')).toBe(true);
    expect(isRecallNotice('This message was deleted')).toBe(true);
    for (const notice of ['该消息已被撤回', '此消息已删除', '消息已被删除', '你撤回了一条消息 重新编辑', '对方删除了一条消息', 'This message was retracted'])
      expect(isRecallNotice(notice), notice).toBe(true);
    expect(isRecallNotice('我已经删除了那张卡的自动扣款')).toBe(false);
    for (const day of ['12月15日', '2024-12-15', '12/15', 'Dec 15', '15 December', '周五', '2024年12月15日', '今天', 'today']) expect(isDateOnly(day), day).toBe(true);
    for (const label of ['10:30', '12月15日 10:30', 'just now', '刚刚', '3分钟前', '2 min ago', '已读', '好的']) expect(isDateOnly(label), label).toBe(false);
    expect(isRecallNotice('请删除我的消息记录以后再说吧')).toBe(false);
    expect(looksLikeSystemNotice('客服小美已接入')).toBe(true);
    expect(looksLikeSystemNotice('Lily joined the chat')).toBe(true);
    expect(looksLikeSystemNotice('会话已结束')).toBe(true);
    expect(looksLikeSystemNotice('我想申请延期还款')).toBe(false);
  });
  test('author labels', () => {
    expect(speakerOfAuthorLabel('我')).toBe('user');
    expect(speakerOfAuthorLabel('You')).toBe('user');
    expect(speakerOfAuthorLabel('客服小美')).toBe('agent');
    expect(speakerOfAuthorLabel('Support Bot')).toBe('agent');
    expect(speakerOfAuthorLabel('Lily')).toBe(null);
  });
});
