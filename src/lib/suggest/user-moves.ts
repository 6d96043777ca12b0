// Recognises what the user has already done in the chat (opened, given details,
// asked for the agent's ID…), and who the agent said they are. The context step
// uses both so it does not keep suggesting what was already said.
import type { AgentIdentity } from '../evidence/types';
import type { Locale } from '../messages';
import { normaliseText } from './text';
import type { Stage } from './types';

type MoveCues = Partial<Record<Stage, RegExp>>;

const ZH_USER_MOVES: MoveCues = {
  identify: /我的?(姓名|名字)|手机号|账号|卡号|身份证|逾期\s*\d+\s*天|欠款\s*\d|金额\s*\d|\d+\s*元/,
  hardship: /因为|原因|失业|收入|生病|住院|困难|开支|工资|裁员|降薪/,
  willingness: /意愿|愿意还|一定(会)?还|不是故意|不是恶意|重视.{0,4}信用|不会逃避/,
  'request-deferral': /延期|推迟|延后|宽限|缓一缓/,
  'propose-instalments': /分期|最低还款|分\s*\d+\s*期/,
  persist: /其他(方案|办法)|再(申请|协商)|上级|重新(评估|审核)|转接/,
  'fees-credit': /罚息|利息|违约金|手续费|滞纳金|征信/,
  'record-agent': /工号|工单号|受理编号|编号/,
  'confirm-terms': /确认一下|复述|对吗|是这样吗/,
  'request-written': /短信|书面|邮件|邮箱|凭证|截图/,
  closing: /再见|没有其他问题|拜拜/,
};

const EN_USER_MOVES: MoveCues = {
  identify: /\bmy (full )?name is\b|\baccount (number )?is\b|\bphone( number)? is\b|\bdays (late|overdue|past due)\b|\bi owe\b/,
  hardship: /\bbecause\b|\blost my job\b|\bincome\b|\bsalary\b|\bhospital\b|\bill(ness)?\b|\bexpenses?\b|\blaid off\b|\bhours were cut\b/,
  willingness: /\bintend to pay\b|\bwant to pay\b|\bwill (re)?pay\b|\bnot deliberate\b|\bcredit (record|history|score)\b|\bnot trying to avoid\b/,
  'request-deferral': /\b(extension|extend|defer(ral)?|postpone|push (back|the due date)|move (my|the) (due|payment) date)\b/,
  'propose-instalments': /\binstal?lments?\b|\bpayment plan\b|\bminimum payment\b|\bsplit\b/,
  persist: /\bother options?\b|\bsupervisor\b|\bmanager\b|\breconsider\b|\bapply again\b|\bescalate\b/,
  'fees-credit': /\blate fees?\b|\binterest\b|\bwaive\b|\bcredit (bureau|report)s?\b|\bpenalt(y|ies)\b/,
  'record-agent': /\bemployee id\b|\bagent id\b|\byour name\b|\breference number\b|\bcase number\b|\bticket\b/,
  'confirm-terms': /\bjust to confirm\b|\bto confirm\b|\brepeat it back\b|\bis that right\b|\bcorrect\?/,
  'request-written': /\bin writing\b|\bwritten confirmation\b|\bemail\b|\bsms\b|\btext message\b|\bconfirmation\b/,
  closing: /\bgoodbye\b|\bthat'?s (all|everything)\b|\bbye\b/,
};

/** Stages the user's own turns have already taken, in the order of the stage list. */
export function userMoves(userTurns: readonly string[], locale: Locale): Set<Stage> {
  const done = new Set<Stage>();
  if (userTurns.length > 0) done.add('open');
  const cues = locale === 'zh-CN' ? ZH_USER_MOVES : EN_USER_MOVES;
  for (const turn of userTurns) {
    const text = normaliseText(turn);
    for (const [stage, re] of Object.entries(cues) as [Stage, RegExp][]) if (re.test(text)) done.add(stage);
  }
  return done;
}

const ZH_EMPLOYEE_ID = /工号\s*[:：是为]?\s*([a-z0-9]{2,12})/i;
const ZH_NAME = /我是(?:客服|专员|您的专属客服|在线客服)?([\u4e00-\u9fa5a-z]{1,4}?)(?=[，,。！!～~\s]|工号|$)/i;
const ZH_NAME_SERVING = /(?:客服|专员)([\u4e00-\u9fa5]{1,3}?)(?:很高兴)?为您服务/;
const EN_EMPLOYEE_ID = /\b(?:employee|agent|staff|operator|advisor|adviser|rep(?:resentative)?)\s*(?:id|number|no\.?|#)\s*(?:is\s*)?[:#]?\s*([a-z0-9-]{2,16})/i;
const EN_ID_ALONE = /\bID\s*(?:is\s*)?[:#]?\s*([A-Z]{0,3}\d{3,10})\b/;
const EN_NAME = /\b(?:my name is|this is|I'm|I am|chatting with|speaking with)\s+([A-Z][a-z]{1,15})\b/;
const NOT_NAMES = new Set(['Sorry', 'Afraid', 'Here', 'Happy', 'Glad', 'Unable', 'Not', 'Just', 'Going', 'Checking', 'Looking', 'The', 'Your', 'It', 'A', 'Customer', 'Support', 'Our', 'Us']);

/** The agent's name and employee number as the agent's own turns state them. */
export function agentIdentity(agentTurns: readonly string[]): AgentIdentity {
  let name: string | null = null;
  let employeeId: string | null = null;
  for (const turn of agentTurns) {
    employeeId ??= (ZH_EMPLOYEE_ID.exec(turn) ?? EN_EMPLOYEE_ID.exec(turn) ?? EN_ID_ALONE.exec(turn))?.[1] ?? null;
    const zhName = (ZH_NAME.exec(turn) ?? ZH_NAME_SERVING.exec(turn))?.[1];
    const enName = EN_NAME.exec(turn)?.[1];
    name ??= zhName ?? (enName && !NOT_NAMES.has(enName) ? enName : null) ?? null;
  }
  return { name, employeeId };
}
