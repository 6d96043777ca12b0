import { describe, expect, it } from 'vitest';
import { analyseConversation, type TranscriptTurn } from '../../../src/lib/suggest/context';

const agent = (text: string): TranscriptTurn => ({ speaker: 'agent', text });
const user = (text: string): TranscriptTurn => ({ speaker: 'user', text });

describe('analyseConversation', () => {
  it('puts open first when nobody has spoken yet', () => {
    expect(analyseConversation([], 'zh-CN').stages[0]).toBe('open');
    expect(analyseConversation([], 'en').stages[0]).toBe('open');
  });

  it('detects the locale from the transcript when none is given', () => {
    expect(analyseConversation([agent('您好，请问有什么可以帮您？')]).locale).toBe('zh-CN');
    expect(analyseConversation([agent('Hi, how can I help you today?')]).locale).toBe('en');
  });

  it('drops record-agent once the agent gave a name and employee number', () => {
    const promise = '好的，我这边帮您提交给专员，稍后会有同事联系您。';
    const anonymous = analyseConversation([user('您好，我想协商还款。'), agent(promise)], 'zh-CN');
    expect(anonymous.stages[0]).toBe('record-agent');
    const known = analyseConversation([agent('您好，我是客服小李，工号 A1023，很高兴为您服务。'), user('您好，我想协商还款。'), agent(promise)], 'zh-CN');
    expect(known.agentIdentified).toBe(true);
    expect(known.agent).toEqual({ name: '小李', employeeId: 'A1023' });
    expect(known.stages.slice(0, 3)).not.toContain('record-agent');
  });

  it('reads an English agent identity too', () => {
    const a = analyseConversation([agent("Hi, I'm Sarah, agent ID 55821. How can I help?")], 'en');
    expect(a.agent).toEqual({ name: 'Sarah', employeeId: '55821' });
    expect(a.agentIdentified).toBe(true);
  });

  it.each([
    ['zh-CN', '很抱歉，您的账户目前不符合延期条件。'],
    ['zh-CN', '这个申请已经被驳回了。'],
    ['en', "Sorry, we're not able to approve a deferral on this account."],
    ['en', 'Your request has been declined.'],
  ] as const)('after a refusal (%s), persist and instalments lead', (locale, text) => {
    const a = analyseConversation([user(locale === 'en' ? 'Can I move my due date?' : '能延期吗？'), agent(text)], locale);
    expect(a.refusalSeen).toBe(true);
    expect(new Set(a.stages.slice(0, 2))).toEqual(new Set(['persist', 'propose-instalments']));
  });

  it('keeps persist and instalments in view after an earlier refusal', () => {
    const a = analyseConversation([agent('Unfortunately I cannot extend the due date.'), user('I see.'), agent('Okay.')], 'en');
    expect(a.refusalSeen).toBe(true);
    expect(a.stages.slice(0, 3)).toEqual(expect.arrayContaining(['persist', 'propose-instalments']));
  });

  it.each([
    ['zh-CN', '请问还有其他可以帮您的吗？'],
    ['en', 'Is there anything else I can help you with?'],
  ] as const)('after "anything else?" (%s), closing, confirm-terms and request-written lead', (locale, text) => {
    const a = analyseConversation([agent(text)], locale);
    expect(a.stages[0]).toBe('closing');
    expect(a.stages.slice(0, 3)).toEqual(expect.arrayContaining(['confirm-terms', 'request-written']));
  });

  it('records what the user already did and stops offering open again', () => {
    const a = analyseConversation([user('您好，我是张伟，想申请延期到下个月15号。'), agent('好的。')], 'zh-CN');
    expect(a.done).toEqual(expect.arrayContaining(['open', 'request-deferral']));
    expect(a.stages[0]).not.toBe('open');
  });

  it('after an agreement is reported and "anything else?", confirming, written proof and closing lead', () => {
    const zh = analyseConversation(
      [agent('可以帮您办理分期，分6期。'), user('好的，那就分6期吧。'), agent('已为您办理好6期分期，首期8月10日扣款。还有其他问题吗？')],
      'zh-CN',
    );
    expect(new Set(zh.stages.slice(0, 3))).toEqual(new Set(['confirm-terms', 'request-written', 'closing']));
    const en = analyseConversation(
      [agent('We could offer a 3-month payment plan.'), user('Yes please.'), agent("Done, you'll pay 150 on the 5th of each month. Anything else?")],
      'en',
    );
    expect(new Set(en.stages.slice(0, 3))).toEqual(new Set(['confirm-terms', 'request-written', 'closing']));
  });

  it('reads several agent turns in a row, the last counting most', () => {
    const a = analyseConversation([user('Hi'), agent('Thanks for waiting.'), agent('Can you confirm your full name and phone number?')], 'en');
    expect(a.stages[0]).toBe('identify');
  });
});
