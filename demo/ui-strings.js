// The chat widget's own labels (not the agent's lines), per language.
// `{label}` is the agent's display label from AGENT_PROFILE.

export const UI_STRINGS = {
  zh: {
    htmlLang: 'zh-CN',
    docTitle: '在线客服 - 支付宝',
    title: '在线客服',
    subtitle: '支付宝 · 账单还款服务',
    userLabel: '我',
    joined: '{label}已接入',
    ended: '会话已结束',
    typing: '{label}正在输入…',
    logLabel: '聊天记录',
    inputLabel: '输入消息',
    placeholder: '请输入消息，Enter 发送，Shift+Enter 换行',
    send: '发送',
    restart: '重新开始',
    langNav: '语言',
  },
  en: {
    htmlLang: 'en',
    docTitle: 'Online support - Alipay',
    title: 'Online support',
    subtitle: 'Alipay · Bill repayment',
    userLabel: 'You',
    joined: '{label} has joined the chat',
    ended: 'The chat has ended',
    typing: '{label} is typing…',
    logLabel: 'Chat messages',
    inputLabel: 'Message',
    placeholder: 'Type a message. Enter sends, Shift+Enter adds a line',
    send: 'Send',
    restart: 'Restart',
    langNav: 'Language',
  },
};
