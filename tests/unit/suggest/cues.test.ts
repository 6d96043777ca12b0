import { describe, expect, it } from 'vitest';
import { detectCues, scoreStages, splitSentences } from '../../../src/lib/suggest/cues';
import { EN_CUES } from '../../../src/lib/suggest/lexicon-en';
import { detectLocale, segmentZh, stemEn, tokenise } from '../../../src/lib/suggest/text';
import { STAGES, type Stage } from '../../../src/lib/suggest/types';

function best(scores: Record<Stage, number>): Stage {
  return [...STAGES].sort((a, b) => scores[b] - scores[a])[0];
}

describe('tokenising', () => {
  it('segments Chinese into words', () => {
    const words = segmentZh('根据您的账户情况暂时无法办理');
    expect(words).toContain('账户');
    expect(words).toContain('情况');
    expect(words.length).toBeGreaterThan(4);
    expect(tokenise('您的账户情况', 'zh-CN')).toContain('账户');
  });

  it('stems English lightly so inflections meet', () => {
    expect(stemEn('fees')).toBe('fee');
    expect(stemEn('payments')).toBe('payment');
    expect(stemEn('charging')).toBe(stemEn('charged'));
    expect(stemEn('qualifies')).toBe('qualify');
    expect(tokenise('Late fees charged', 'en')).toEqual(tokenise('late fee charging', 'en'));
    expect(tokenise('Installments', 'en')).toEqual(tokenise('instalment', 'en'));
  });

  it('reads chat shorthand as the words it stands for', () => {
    expect(tokenise('pls check ur acct bal and pmt amt', 'en')).toEqual(tokenise('please check your account balance and payment amount', 'en'));
  });

  it('has no English cue that stems into a negation it does not spell', () => {
    // "noted" stems to "not": as a cue it would read every "don't" as a note on the account.
    for (const cue of EN_CUES) {
      const spellsNot = /\bnot\b|n't/.test(cue.term);
      expect(spellsNot || !tokenise(cue.term.replace(/\*/g, ' '), 'en').includes('not'), cue.term).toBe(true);
    }
  });

  it('lists each English cue that a contraction could spell in both spellings', () => {
    // The tokeniser drops "'re", "'m", "'ll" ("you're" is "you") and keeps "'s" whole, so
    // "you are all good" never meets "you're all good" unless both are listed.
    const pairs: [RegExp, string][] = [
      [/\bi am\b/, "i'm"], [/\byou are\b/, "you're"], [/\bwe are\b/, "we're"],
      [/\bi will\b/, "i'll"], [/\byou will\b/, "you'll"], [/\bwe will\b/, "we'll"], [/\bthat is\b/, "that's"],
    ];
    const terms = new Set(EN_CUES.map((cue) => cue.term.replace(/@[\d.]+$/, '')));
    for (const term of terms) {
      for (const [long, short] of pairs) {
        const twin = long.test(term) ? term.replace(long, short) : term.includes(short) ? term.replace(short, long.source.replace(/\\b/g, '')) : null;
        if (twin) expect(terms.has(twin), `${term} needs ${twin}`).toBe(true);
      }
    }
  });

  it('detects the locale from the characters', () => {
    expect(detectLocale('您好，请问有什么可以帮您？')).toBe('zh-CN');
    expect(detectLocale('Hello, how can I help?')).toBe('en');
    expect(detectLocale('')).toBe('en');
  });

  it('splits sentences on Chinese and English end marks', () => {
    expect(splitSentences('好的。请问您的手机号？谢谢！')).toEqual(['好的。', '请问您的手机号？', '谢谢！']);
    expect(splitSentences('The fee is 0.5% a month. It costs $1.50. OK?')).toEqual(['The fee is 0.5% a month.', 'It costs $1.50.', 'OK?']);
  });
});

describe('refusal detection', () => {
  it.each([
    ['很抱歉，暂时不能为您办理延期。', 'zh-CN'],
    ['您的申请未通过审核。', 'zh-CN'],
    ['这个我们处理不了。', 'zh-CN'],
    ["Unfortunately we can't extend the due date.", 'en'],
    ["I'm afraid you don't qualify for a deferral.", 'en'],
    ['We cannot approve that request.', 'en'],
    ['不好意思，系统显示您不符合延期还款的条件。', 'zh-CN'],
    ['亲，这个我们这边是操作不了的哈。', 'zh-CN'],
    ["I've checked with my supervisor and the answer is still no.", 'en'],
    ["I'm afraid I don't have the authorisation to change your payment date.", 'en'],
    ['根据规定，您这种情况只能先全额还款。', 'zh-CN'],
    // A weak hint ("没法") before an approval verb is a refusal all the same.
    ['这个没法再给您办理。', 'zh-CN'],
    // A "no" followed by "anything else?" still wants an answer to the no.
    ['抱歉，暂时不能为您办理延期。请问还有其他可以帮您的吗？', 'zh-CN'],
  ] as const)('sees a refusal in %s', (text, locale) => {
    expect(detectCues(text, locale).refusal).toBe(true);
  });

  it.each([
    ['如果长期不处理，会影响您的征信。', 'zh-CN'],
    ['请问您什么时候可以还款？', 'zh-CN'],
    ["I'm sorry to hear that. What happened?", 'en'],
    ["If you can't pay by Friday, a late fee applies.", 'en'],
    // A不A and A没A ask; the person's own inability to pay is asked about, not refused.
    ['今天能不能先还一部分？', 'zh-CN'],
    ['您这个月有没有办理延期？', 'zh-CN'],
    ['可不可以先还最低还款额？', 'zh-CN'],
    ['您无法按时还款的原因是什么？', 'zh-CN'],
    ["Is there a reason you haven't been able to pay?", 'en'],
    ["Is it that you can't pay right now, or that you'd rather not?", 'en'],
    ["Sorted! You don't need to do anything else.", 'en'],
    ["Have you had an arrangement with us before? I can't see one on my screen.", 'en'],
    // A weak hint alone ("只能") warns of what happens next; it turns nothing down.
    ['电话也没接，这样我们只能按有意拖欠来处理了。', 'zh-CN'],
    // A policy line, then a question for a date or an intent: the reply answers the question.
    ['系统目前不支持直接减免。请问您的工资一般是每月几号发放？', 'zh-CN'],
    ["We can't remove the late fee. When do you expect to be able to pay?", 'en'],
    // A no followed by a handoff passes the request on: the reply asks who has it, not "what else?".
    ['这个我没办法直接处理，现在帮您转接到专线。', 'zh-CN'],
    ["I can't approve that myself, but a supervisor can review it.", 'en'],
    // A no to the proof in writing: the reply asks for it all the same.
    ['我们这边不支持发送书面材料。', 'zh-CN'],
  ] as const)('sees no refusal in %s', (text, locale) => {
    expect(detectCues(text, locale).refusal).toBe(false);
  });
});

describe('stage scores', () => {
  it.each([
    ['您好，很高兴为您服务，请问有什么可以帮您？', 'open'],
    ['请提供一下您的身份证后四位。', 'identify'],
    ['方便说一下您现在的收入和开支吗？', 'hardship'],
    ['逾期会产生罚息，还会上报征信。', 'fees-credit'],
    ['请问还有其他可以帮您的吗？', 'closing'],
    ['Could you verify your date of birth?', 'identify'],
    ['Which date would suit you for the payment?', 'request-deferral'],
    ['We can split the balance into monthly instalments.', 'propose-instalments'],
    ["I've escalated your case to a supervisor.", 'record-agent'],
    ['Thanks for chatting with us, take care!', 'closing'],
    // "信用卡" names the card, it says nothing about the credit record.
    ['您好，中信银行信用卡客服为您服务。', 'open'],
    ['Would paying a portion of the acct balance today be possible?', 'propose-instalments'],
    ["That's not something we'd normally offer on this type of account.", 'persist'],
    ["It's all logged on our end.", 'request-written'],
    ['I need to note on file whether you acknowledge this balance. Which is it?', 'willingness'],
    // "审核通过后" says when it would take effect, not that it was approved.
    ['我们可以受理延后还款的申请，审核通过后方可生效。请问您希望调整到哪一天？', 'request-deferral'],
    // What follows a "done" gives its terms: the plan is to be confirmed, not proposed.
    ['搞定啦亲！您这期分成6个月还，每个月还1,100左右哈', 'confirm-terms'],
    // A question about an earlier arrangement, and an "if so" after it, name the plan the person had: none is offered.
    ['您之前有没有办理过延期或者分期？如果有的话，大概是什么时候？', 'identify'],
    ['Have you ever been on a hardship plan with us? If so, when did it end?', 'identify'],
    ["I'm not able to change the date myself, so I'll pass your request to our hardship team.", 'record-agent'],
    ["I'm afraid we can't send letters for arrangements made in chat.", 'request-written'],
    // Proof on its way, then "anything else?": the chat is ending.
    ['The letter is on its way to you. Is there anything else I can help with?', 'closing'],
    // A fee waived in what was done is one of its terms, not a question about fees.
    ["I've moved your payment to the 20th, and no late fee will be charged.", 'confirm-terms'],
  ] as const)('%s → %s first', (text, stage) => {
    expect(best(scoreStages(text))).toBe(stage);
  });

  it('reads a done deferral as terms to confirm, not a question about dates', () => {
    const s = scoreStages('已为您把还款日延后至7月15日。', 'zh-CN');
    expect(s['confirm-terms']).toBeGreaterThan(s['request-deferral']);
  });

  it('gives no stage a score for an empty turn', () => {
    expect(Object.values(scoreStages('', 'en')).every((v) => v === 0)).toBe(true);
  });
});
