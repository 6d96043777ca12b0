// English cue lexicon: what card issuers', lenders' and BNPL agents say at each
// point of a repayment negotiation, with synonyms. Terms are compared word by word
// after light stemming; "*" is a gap of up to three words; "@0.5" marks a weaker
// hint. Longer terms win over the shorter terms they contain.
import { cueList } from './concepts';

export const EN_CUES = cueList({
  greet: [
    'hello', 'hi', 'hey', 'good morning', 'good afternoon', 'good evening', 'welcome', 'thanks for contacting', 'thank you for contacting',
    'chatting with', 'connected to', 'virtual assistant', 'support@0.3', 'now chatting', 'joined the chat', 'has joined', 'thanks for holding', 'i am here now', "i'm here now",
  ],
  offerHelp: [
    'how can i help', 'how may i help', 'how can i assist', 'how may i assist', 'what can i do for you', 'what seems to be', 'what brings you',
    'tell me what you need', 'what do you need', 'describe', 'type your question', 'what can i help', 'help you today', 'assist you today',
    'briefly', 'what is the issue', 'how can we help', 'help you with', 'here to help', 'assistance with', 'like help with', 'reason for your call', 'reason for your chat', 'reason for contacting', 'reason for getting in touch', 'going on with your account', 'going on with your payment', 'going on with your order', 'going on with your loan', 'going on with your card', 'going on with your bill',
  ],
  askInfo: [
    'confirm your', 'verify', 'verification', 'full name', 'your name', 'name on the account', 'which order', 'order number', 'order reference', 'which purchase', 'which account', 'which card', 'loan reference', 'your reference number', 'account reference', 'which payment', 'which bill', 'which loan', 'which statement', 'talking about', 'date of birth', 'last four', 'last 4', 'digits',
    'account number', 'card number', 'phone number', 'security question', 'postcode', 'zip code', 'email address', 'address on file',
    'balance@0.5', 'outstanding@0.6', 'amount@0.5', 'how much', 'how many payment', 'how many day', 'how far behind', 'missed payment@0.5', 'past due amount',
    'in the past', 'previously', 'when was@0.6', 'when did@0.6', 'before@0.5', 'what was agreed', 'ssn', 'social security', 'identity', 'email on', 'pull up', 'pull it up', 'not seeing anything', 'match what', 'last made a payment', 'last payment', 'statement balance', 'expenditure form', 'form@0.6', 'linked to your', 'in question',
  ],
  history: [
    'had * arrangement', 'prior arrangement', 'earlier arrangement', 'previous arrangement', 'existing arrangement', 'existing * arrangement',
    'had * plan', 'existing plan', 'existing * plan', 'previous plan', 'prior plan', 'earlier plan', 'ever had', 'ever been on', 'previously have', 'previously had', 'previously been on', 'had * extension', 'had * deferral',
  ],
  askReason: [
    'why', 'what caused', 'what happened', 'reason', 'situation', 'financial situation', 'circumstance', 'income', 'expense', 'job',
    'employment', 'employed', 'unemployed', 'work@0.6', 'temporary', 'continue for a while', 'how long * last', 'budget', 'hardship',
    'tell me more', 'a bit more', 'going on', 'afford@0.6', 'earn', 'salary', 'household', 'stopping you', 'prevent * you', 'keeping you from', 'kept * from', 'made you miss', 'bringing in', 'after tax', 'take-home', 'are you working', 'working at the moment', 'making it harder', 'harder to', 'keep up with', 'what changed', 'what has changed', 'changed for you', 'tough',
    'struggling', 'difficult time', 'one-off', 'carry on', 'ongoing', 'short-term', 'long-term', 'coming in', 'going out', 'outgoing',
    'expenditure', 'other debt', 'any benefit', 'on benefit', 'receiving any',
    'been happening', 'happening@0.6',
  ],
  askWilling: [
    'intend', 'intention', 'meet your obligation', 'willing', 'commit', 'plan to pay', 'plan on pay', 'going forward', 'still * pay', 'want to pay', 'good faith',
    'serious about', 'repay the debt', 'pay off this', 'pay this off', 'continue * pay', 'refuse to pay', 'deliberate', 'resolve this', 'settle this', 'clear this debt', 'sort * out', 'resolve@0.6', 'intentional', 'on purpose', 'rather not', 'good standing', 'attempt to contact', 'tried to contact', 'tried to reach',
    'without a response', 'no response', 'abandon', 'back on track', 'wish to settle', 'where do you stand', 'stop responding', 'dodge', 'avoid pay', 'looking to clear', 'clear * balance', 'pay * eventually', 'recoveries', 'recovery team', 'hear back from you', 'acknowledge this', 'acknowledge the', 'dispute@0.6', 'deal with this', 'how you mean to', 'missed promise', 'broken promise', 'wish to repay', 'cooperate', 'prepared to do', 'are you planning', 'still planning', 'planning to', 'back up to date', 'work something out', 'do not hear back',
  ],
  askWhen: [
    'when', 'what date', 'which date', 'which day', 'by when', 'how long', 'how soon', 'timeframe', 'time frame',
    'push * due date', 'move * due date', 'due date@0.5', 'date@0.4', 'extension@0.5', 'extend@0.5', 'postpone@0.5', 'defer@0.5',
    'bring * current', 'catch up', 'day of the month', 'realistically', 'get the money', 'how many week', 'how many month',
    'more time', 'need * time', 'later due date', 'later date', 'new date you', 'a new date', 'how much longer', 'extra time', 'how much * time', 'exact date', 'specific date', 'proposed date',
    'date you * propos', 'new due date', 'due date change', 'extra day', 'more day', 'additional day', 'additional time', 'timescale', 'give me a date', 'firm date', 'would that be enough', 'enough time', 'how many day * need', 'what would work', 'like us to do', 'what are you thinking', 'have in mind', 'get paid', 'payday', 'pay day', 'what do you propose', 'what would you propose', 'how would you like to', 'how do you want to',
  ],
  instalment: [
    'instalment', 'payment plan', 'plan@0.4', 'split', 'spread', 'monthly payment', 'each month', 'per month', 'a month@0.6',
    'smaller amount', 'smaller payment', 'reduced monthly', 'monthly amount', 'reduced amount', 'lower amount', 'smaller monthly', 'lower payment', 'reduced payment', 'minimum payment', 'hardship program', 'hardship plan',
    'assistance program', 'partial payment', 'pay part', 'arrangement@0.4', 'month@0.3', 'term@0.3', 'break * into', 'pay in 3', 'pay in 4', 'pay in three', 'pay in four', 'a portion', 'portion of', 'the minimum', 'minimum@0.8', 'part of the balance', 'part of it', 'gradually', 'restructure', 'repayment programme', 'repayment program', 'debt management', 'all at once', 'over time@0.6', 'bit by bit', 'each fortnight', 'a fortnight', 'per fortnight', 'each week', 'per week', 'afford to pay',
  ],
  refusal: [
    'unfortunately', 'unable', 'can not', 'not able', 'declined', 'denied', 'rejected', 'not qualify', 'not eligible', 'ineligible',
    'not something i can', 'not something i have', 'best i can do', 'best we can do', 'not possible', 'not approved', 'no longer', 'not allowed', 'not in a position', 'not permitted',
    'not an option', 'only option@0.6', 'have to pay the full', 'must be paid in full', 'not available', 'decision * same', 'decision stand',
    'decision remain', 'no exception', 'still no', 'answer is no', 'not much flexibility', 'no flexibility', 'little flexibility', 'needs to be in by', 'not something we', 'not normally', 'normally offer@0.6', 'done everything i can', 'done all i can', 'all i can do', 'hands are tied', 'in all cases', 'policy requires', 'requires the full', 'before we can consider@0.6', 'out of my hands', 'it is what it is', 'nothing further', 'nothing more i can', 'nothing else i can', 'not the answer', 'not meet', 'criteria@0.5', 'as far as i can', 'most i can offer', 'most we can offer', 'best i can offer', 'all i can offer', 'still has to',
  ],
  sorry: ['sorry', 'afraid', 'apologize', 'apologise', 'regret'],
  fee: [
    'fee', 'late fee', 'late charge', 'charge', 'interest', 'apr', 'penalty', 'penalty rate', 'accrue', 'waive', 'finance charge',
    'cost@0.5', 'cost you', 'more it * cost', 'rate@0.5',
  ],
  credit: [
    'credit bureau', 'credit report', 'credit score', 'credit record', 'credit file', 'credit history', 'reported',
    'negative mark', 'default@0.6', 'credit reference', 'collection agency', 'debt collection', 'collections', 'other lenders', 'lender@0.6', 'your file', 'show as a missed', 'mark on your',
  ],
  handoff: [
    'escalate', 'forward', 'transfer', 'department', 'team@0.6', 'reach out', 'follow up', 'contact you', 'get back to you',
    'call you back', 'case', 'ticket', 'reference number', 'supervisor', 'manager', 'specialist', 'business day', 'hour@0.5',
    'review@0.6', 'someone will', 'submitted', 'pass * on', 'working day', 'should hear back', 'hear back within', 'raised a complaint', 'on your behalf', 'pass your request', 'pass it to', 'pass this to', 'hardship team', 'look into@0.6', 'hand * over', 'colleague', 'flag it', 'flag this', 'give you a ring', 'ring you', 'give you a call',
  ],
  done: [
    'done', 'all set', 'i moved', 'i updated', 'i extended', 'i applied', 'i set', 'has been extended', 'has been approved',
    'been approved', 'approved', 'is set', 'set up@0.4', 'i made@0.5', 'granted', 'went through', 'processed', 'updated@0.6',
    'changed@0.6', 'moved@0.6', 'have extended', 'have moved', 'have updated', 'i changed', 'i added', 'been enrolled', 'now enrolled',
    'your plan is', 'confirmed@0.6', 'arranged', 'all arranged', 'sorted', 'in place', 'set up for you', 'okay i',
    'taken care of', 'have pushed', 'i pushed', 'been rescheduled', 'have rescheduled', 'i rescheduled', 'is active', 'now active', 'authorised', 'authorized', 'paused', 'placed your account', 'put your account on', 'put * through', 'effective immediately', 'in effect', 'take effect', 'agreed',
  ],
  agreement: [
    'does that work for you', 'does this work for you', 'would that work', 'would this work', 'work for you@0.5', 'do you agree', 'do you accept',
    'are you happy with', 'happy to proceed', 'shall i go ahead', 'like me to go ahead', 'reply confirm', 'sound good', 'here is what i can offer',
    "here's what we can offer", 'the agreement is', "we're going with", 'we are going with', 'going with', 'what you suggested', 'as you suggested', 'what you proposed', 'as you proposed', 'recap', 'to summarise', 'to summarize', 'what we * discussed', 'as agreed', 'read that back', 'read it back', 'read back',
  ],
  terms: ['first instalment', 'will be taken', 'will be collected', 'will come out', 'will be debited', 'will be due', 'due then', 'full amount', 'first payment', 'starting', 'each payment', 'due on', 'debited', 'autopay', 'will now be', 'now be taken', 'now be collected', 'now be due', 'no late fee', 'no late charge', 'no fee will', 'not be charged', 'no late payment fee', 'stays the same', 'remains the same'],
  visible: [
    'show up', 'showing', 'shown', 'reflect', 'visible', 'in your app', 'app', 'online banking', 'letter', 'email', 'text message', 'sms',
    'confirmation', 'note on your account', 'notified', 'notification', 'statement@0.6', 'in the mail', 'mail', 'account summary', 'log in',
    'see it', 'see the', 'a note', 'in writing', 'written', 'verbal', 'logged', 'on our end', 'on our system', 'on the system', 'on the account@0.5', 'paperwork', 'in our system', 'you are all good', "you're all good", 'all good to go', 'nothing else you need', 'nothing * need to do', 'on your account@0.6', 'on record', 'my word', 'you will be fine', "you'll be fine", 'no need to worry', 'all good now',
  ],
  anythingElse: [
    'anything else', 'something else', 'any other question', 'else i can', 'anything more', 'other question', 'is there anything i', 'is there anything we', 'answered all', 'is that everything', 'anything further', 'all your question', 'that is everything', "that's everything",
  ],
  delivered: ['on its way', 'has been sent', 'have sent', 'just sent', 'been emailed', 'check your inbox', 'should arrive', 'should receive'],
  farewell: [
    'have a great day', 'have a good day', 'have a nice day', 'take care', 'goodbye', 'bye', 'closing this chat',
    'end this chat', 'survey', 'rate this chat', 'rate the chat', 'rate this conversation', 'rate your experience', 'rate our service', 'rate us', 'rate me', 'thanks for reaching out', "you're welcome", "you're very welcome", 'you are very welcome', 'you are welcome', 'my pleasure', 'good luck',
    'all the best', 'glad i could help', 'cheers', 'have a * day', 'have a * evening', 'have a * weekend', 'thank you for reaching out', 'thanks for chatting',
    'thank you for chatting', 'wrap up', 'not heard back', 'have not heard', 'thanks for your patience@0.5', 'enjoy the rest', 'thank you for being a', 'thanks for being a', 'glad we could', 'end the chat', 'close automatically', 'chat will close', 'chat will end',
  ],
  conditional: ['if', 'unless', 'in case'],
  neutral: ['showing as', 'confirmation that you', 'before we begin', 'before we start', 'can not give you an exact', 'can not give an exact', 'can not see', 'can not find', 'do not see', 'can not promise', 'not promise', 'no guarantee'],
});

/** A specific date or day: "the 3rd", "August 1st", "next Friday", "end of the month". */
export const EN_DATE_RE =
  /\b(\d{1,2}(st|nd|rd|th)|(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}|next (week|month|monday|tuesday|wednesday|thursday|friday)|end of (the|this|next) month|\d{1,2}\/\d{1,2})\b/g;

/** Words that, after a negation, make it a refusal ("can't approve", "won't be able"). */
export const EN_REFUSAL_VERBS = [
  'approve', 'extend', 'extension', 'change', 'qualify', 'eligible', 'able', 'possible', 'allow', 'offer', 'do', 'process', 'waive',
  'accept', 'grant', 'defer', 'postpone', 'modify', 'move', 'help', 'adjust', 'remove', 'agree', 'authorize', 'authorise', 'reduce',
  'authority', 'authorisation', 'authorization', 'permission',
];

/** Words that start a question. */
export const EN_QUESTION_STARTS = ['what', 'when', 'why', 'how', 'which', 'who', 'can', 'could', 'would', 'will', 'do', 'does', 'did', 'are', 'is', 'have', 'may', 'should'];
