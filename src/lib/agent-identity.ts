// Picks facts about the support agent (display name, employee/agent number) and the
// case/ticket number out of a line of chat text or a page label, in Chinese and English.
// Pure: the capture engine feeds it agent messages, system notices and header labels.

export interface AgentFacts {
  name: string | null;
  employeeId: string | null;
  caseNumber: string | null;
}

const CJK_NAME = '[\\u4e00-\\u9fa5A-Za-z·]{1,8}?';
// Where a Chinese name ends: punctuation, a following phrase, or the end.
const CJK_END = '(?=[，,。.！!？?\\s（()：:、~～]|为您|为你|很高兴|竭诚|正在|工号|编号|已接入|已加入|接入|在线|$)';

const NAME_PATTERNS: RegExp[] = [
  // 客服小美为您服务 / 客服代表李明很高兴为您服务 / 客服小美已接入
  new RegExp(`(?:客服|坐席|专员|顾问|服务经理|客户经理)(?:代表|专员|人员)?\\s*[「“"【]?(${CJK_NAME})[」”"】]?\\s*(?:很高兴|竭诚|正在|将)?(?:为您|为你)(?:服务|解答)`),
  new RegExp(`(?:客服|坐席|专员)(?:代表|专员)?\\s*[「“"【]?(${CJK_NAME})[」”"】]?\\s*(?:已接入|已加入|接入(?:了)?(?:会话|对话))`),
  // 我是客服小美 / 我是李明，工号…
  new RegExp(`我是(?:您的)?(?:专属)?(?:客服|坐席|专员|顾问|服务经理|客户经理)?(?:代表|专员)?\\s*[「“"【]?(${CJK_NAME})[」”"】]?${CJK_END}`),
  // I'm Lily, agent ID … / My name is John. / This is Sarah from support
  /\b(?:I'm|I am|my name is|this is|you are (?:now )?(?:chatting|talking|connected) (?:with|to))\s+([A-Z][a-zA-Z'-]+(?:\s[A-Z][a-zA-Z'-]+)?)(?=\s*(?:[,.!;:()]|$|\s(?:from|and|with|here|at|of|on|in|your|speaking|the)\b))/i,
  // Agent Lily has joined / Lily joined the chat
  /\b(?:[Aa]gent|[Oo]perator|[Aa]dvisor|[Rr]epresentative)\s+([A-Z][a-zA-Z'-]+(?:\s[A-Z][a-zA-Z'-]+)?)\s+(?:has\s+)?(?:joined|is now|will|is here)/,
  /^([A-Z][a-zA-Z'-]+(?:\s[A-Z][a-zA-Z'-]+)?)\s+(?:has\s+)?joined(?: the (?:chat|conversation))?\b/,
];

const EMPLOYEE_PATTERNS: RegExp[] = [
  /(?:工号|员工号|员工编号|坐席号|坐席编号|客服编号|客服工号|服务编号)\s*(?:是|为)?\s*[:：#]?\s*([A-Za-z]{0,4}-?\d[\dA-Za-z-]{0,19})/,
  /(?:^|[^\d])(\d{2,8})\s*号\s*(?:客服|坐席|专员)/,
  /\b(?:agent|employee|staff|operator|badge|rep(?:resentative)?)\s*(?:id|number|no\.?|num|#)\s*(?:is\s*)?[:#]?\s*([A-Za-z]{0,4}-?\d[\dA-Za-z-]{0,19})/i,
];

const CASE_PATTERNS: RegExp[] = [
  /(?:工单号|工单编号|案件号|案件编号|服务单号|投诉单号|受理单号|服务编号|投诉编号)\s*(?:是|为)?\s*[:：#]?\s*([A-Za-z]{0,4}-?\d[\dA-Za-z-]{0,29})/,
  /\b(?:case|ticket|reference|complaint)\s*(?:number|no\.?|num|id|#)?\s*(?:is\s*)?[:#]?\s*#?([A-Za-z]{0,4}-?\d[\dA-Za-z-]{0,29})/i,
];

/** A word at least one of the patterns above needs (keep it in step with them). */
const MENTIONS_IDENTITY =
  /客服|坐席|专员|顾问|经理|我是|工号|员工|编号|号|单|案件|i'm|i am|my name|this is|chatting|talking|connected|agent|operator|advisor|representative|joined|employee|staff|badge|rep|case|ticket|reference|complaint/i;

// Words a name pattern can catch that are not names.
const NOT_NAMES = new Set([
  '您', '你', '我', '我们', '客服', '人工', '人工客服', '在线客服', '智能客服', '机器人', '专员', '小助手', '助手',
  'sorry', 'here', 'happy', 'glad', 'afraid', 'not', 'unable', 'just', 'going', 'checking', 'looking', 'the', 'an', 'a',
  'now', 'back', 'still', 'also', 'really', 'very', 'so', 'with', 'from', 'agent', 'support', 'online',
]);

function firstMatch(patterns: RegExp[], text: string): string | null {
  for (const p of patterns) {
    const m = p.exec(text);
    if (m && m[1]) return m[1].trim();
  }
  return null;
}

/** Last words of a team or a company standing where a person's name would ("this is card services"). */
const TEAM_WORDS = /\b(?:services?|support|team|desk|cent(?:er|re)|bank|department|dept|care|helpdesk)$/i;

function cleanName(raw: string | null): string | null {
  if (!raw) return null;
  const name = raw.replace(/^[「“"【]+|[」”"】]+$/g, '').trim();
  if (!name || NOT_NAMES.has(name.toLowerCase()) || NOT_NAMES.has(name)) return null;
  if (/\d/.test(name)) return null;
  // The English patterns match case-insensitively ("I'M LILY"), but a name is written with a capital.
  if (/^[a-z]/.test(name) || TEAM_WORDS.test(name)) return null;
  return name;
}

/** The agent facts one piece of text states; every field null when it states none. */
export function findAgentFacts(text: string): AgentFacts {
  // Every agent message passes through here: most say nothing about the agent, and one test
  // of the words all the patterns need turns those away before eleven patterns run.
  if (!MENTIONS_IDENTITY.test(text)) return { name: null, employeeId: null, caseNumber: null };
  const t = text.replace(/\s+/g, ' ').trim();
  return {
    name: cleanName(firstMatch(NAME_PATTERNS, t)),
    employeeId: firstMatch(EMPLOYEE_PATTERNS, t),
    caseNumber: firstMatch(CASE_PATTERNS, t),
  };
}

/** True when `facts` has at least one field. */
export function hasAgentFacts(facts: AgentFacts): boolean {
  return facts.name !== null || facts.employeeId !== null || facts.caseNumber !== null;
}

/** Later facts fill in (and override) earlier ones field by field; nulls never erase. */
export function mergeAgentFacts(known: AgentFacts, found: AgentFacts): AgentFacts {
  return {
    name: found.name ?? known.name,
    employeeId: found.employeeId ?? known.employeeId,
    caseNumber: found.caseNumber ?? known.caseNumber,
  };
}

/**
 * The evidence format has no case-number field: a case number stands in for the employee id,
 * labelled, until one is known. It never replaces a real one (the store's agent rule).
 */
export const caseNumberStandIn = (caseNumber: string): string => `case ${caseNumber}`;
export const isCaseNumberStandIn = (employeeId: string | null): boolean => employeeId?.startsWith('case ') === true;
