// What the demo agent says, per language, keyed by script step (see agent-script.js).
// `{name}` placeholders are filled from AGENT_PROFILE or the script's state.

/** Who the agent is, per language: shown in labels and said in the introduction. */
export const AGENT_PROFILE = {
  zh: { name: '小美', label: '客服小美', employeeId: '10086', caseNo: 'HB2026112500421' },
  en: { name: 'Lily', label: 'Lily', employeeId: 'A-1234', caseNo: 'HB2026112500421' },
};

export const AGENT_LINES = {
  zh: {
    greet: '您好，欢迎咨询支付宝在线客服，请问有什么可以帮您？',
    introduce:
      '您好，我是客服{name}，工号 {employeeId}，很高兴为您服务。为了核实您的身份，请提供您的姓名、绑定的手机号，以及需要处理的账单金额。',
    'ask-reason': '感谢您的配合，信息已核实。系统显示您的花呗账单已逾期。请问是什么原因导致暂时无法按时还款呢？',
    'ask-plan': '理解您的难处。请问您希望怎样处理这笔账单？大概什么时候可以还款呢？',
    'refuse-deferral': '非常抱歉，根据您账户目前的情况，系统暂时无法为您办理延期还款。',
    'offer-instalments':
      '我可以为您申请账单分期：可以分 3 期、6 期或 12 期，分期后按月还款，按时还款期间不会再新增逾期记录。请问您希望分几期？',
    'confirm-terms':
      '好的，跟您确认一下方案：账单分 {instalments} 期，每月 10 日还款，首期还款日为下月 10 日，分期手续费按月收取，按时还款不会再上报逾期。受理单号 {caseNo}。请问您确认办理吗？',
    'anything-else': '已为您办理成功，稍后您会收到短信通知。请问还有其他可以帮您的吗？',
    close: '感谢您的耐心，祝您生活愉快，再见！',
    'side-agent-id': '我是客服{name}，工号 {employeeId}。',
    'side-fees': '已产生的罚息在按方案结清后可以申请减免；按约定按时还款的话，不会再新增逾期记录。',
    'side-written': '方案办理后会通过短信和支付宝消息通知您，您也可以在账单详情里查看。',
  },
  en: {
    greet: 'Hello, welcome to Alipay online support. How can I help you today?',
    introduce:
      "Hi, I'm {name}, agent ID {employeeId}, happy to help. To verify your identity, please give me your full name, the phone number on the account and the bill amount in question.",
    'ask-reason':
      'Thank you, your identity is verified. I can see your Huabei bill is overdue. May I ask why you are unable to pay on time?',
    'ask-plan': 'I understand, that sounds difficult. How would you like to handle this bill, and when do you expect to be able to pay?',
    'refuse-deferral': "I'm sorry, but based on your account's current status we are unable to offer a deferral of the due date.",
    'offer-instalments':
      'I can set up an instalment plan for you: the bill can be split into 3, 6 or 12 monthly instalments, and no further overdue records are added while you pay on schedule. How many instalments would you like?',
    'confirm-terms':
      'Let me confirm the plan: your bill is split into {instalments} monthly instalments, due on the 10th of each month starting next month, with the instalment fee charged monthly; paying on time means nothing further is reported as overdue. Your case number is {caseNo}. Do you confirm?',
    'anything-else': 'Done, the plan is active and you will receive an SMS confirmation shortly. Is there anything else I can help you with?',
    close: 'Thank you for your patience. Have a nice day, goodbye!',
    'side-agent-id': "I'm {name}, agent ID {employeeId}.",
    'side-fees':
      'Penalty interest already charged can be reviewed for a waiver once the plan is paid off; paying on schedule adds no further overdue records.',
    'side-written': 'Once the plan is set up you will get an SMS and an Alipay notice, and you can also see it in your bill details.',
  },
};
