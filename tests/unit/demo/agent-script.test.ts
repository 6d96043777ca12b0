import { describe, expect, it } from 'vitest';
import { createAgent, instalmentsIn, sideQuestionIn, STEPS } from '../../../demo/agent-script.js';
import { AGENT_LINES } from '../../../demo/agent-lines.js';

/** Drive an agent through user messages; returns the steps it replied with. */
function run(lang: 'zh' | 'en', messages: string[]) {
  const agent = createAgent(lang);
  agent.opening();
  return messages.map((m) => agent.reply(m));
}

describe('demo agent script', () => {
  it('walks the whole negotiation in order, one reply per user message (zh)', () => {
    const replies = run('zh', ['你好', '张三 138…', '我失业了', '能延期到下月15号吗', '那就分期吧', '分12期', '确认', '没有了']);
    expect(replies.map((r) => r?.step)).toEqual(STEPS.slice(1));
    expect(replies[0]?.text).toContain('工号 10086');
    expect(replies[5]?.text).toContain('分 12 期');
    expect(replies.at(-1)?.ended).toBe(true);
  });

  it('introduces itself with name and agent ID in English', () => {
    const [intro] = run('en', ['Hi']);
    expect(intro?.text).toMatch(/I'm Lily, agent ID A-1234/);
  });

  it('refuses a deferral asked in the reason message without asking the plan first', () => {
    const replies = run('en', ['hi', 'Zhang San', 'I lost my job, can I postpone to next month?', 'ok']);
    expect(replies.map((r) => r?.step)).toEqual(['introduce', 'ask-reason', 'refuse-deferral', 'offer-instalments']);
  });

  it('goes straight to instalments when the user asks for them, never refusing', () => {
    const replies = run('zh', ['你好', '张三', '收入减少了', '我想分6期还款', '好的']);
    expect(replies.map((r) => r?.step)).toEqual(['introduce', 'ask-reason', 'ask-plan', 'offer-instalments', 'confirm-terms']);
    expect(replies[4]?.text).toContain('分 6 期');
  });

  it('answers side questions without moving on', () => {
    const agent = createAgent('zh');
    agent.opening();
    agent.reply('你好');
    agent.reply('张三');
    const side = agent.reply('请问您的工号是多少？');
    expect(side?.step).toBe('ask-reason');
    expect(side?.text).toBe('我是客服小美，工号 10086。');
    expect(agent.reply('会影响征信吗？')?.text).toBe(AGENT_LINES.zh['side-fees']);
    expect(agent.reply('我失业了')?.step).toBe('ask-plan');
  });

  it('is silent after closing', () => {
    const agent = createAgent('en');
    agent.opening();
    for (const m of ['a', 'b', 'c', 'defer please', 'd', 'e', 'f', 'g']) agent.reply(m);
    expect(agent.closed).toBe(true);
    expect(agent.reply('hello?')).toBeNull();
  });

  it('reads instalment counts and tells questions from answers', () => {
    expect(instalmentsIn('分十二期')).toBe(12);
    expect(instalmentsIn('3 instalments please')).toBe(3);
    expect(instalmentsIn('6 months')).toBe(6);
    expect(instalmentsIn('分5期')).toBeNull();
    expect(sideQuestionIn('What is your employee ID?')).toBe('agent-id');
    expect(sideQuestionIn('Will you send it in writing?')).toBe('written');
    expect(sideQuestionIn('确认，请发短信给我')).toBeNull();
    expect(sideQuestionIn('can I defer and will my credit report suffer?')).toBeNull();
  });

  it('has the same lines in both languages', () => {
    expect(Object.keys(AGENT_LINES.en).sort()).toEqual(Object.keys(AGENT_LINES.zh).sort());
  });
});
