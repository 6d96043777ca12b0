// Builds the chat widget's DOM rows: messages, system notices and the typing indicator.
// Markup mimics a real support widget: avatar, author label, time, bubble.

const AVATAR = { agent: 'avatar-agent.svg', user: 'avatar-user.svg' };

/** @param {Date} date */
function clockTime(date) {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/**
 * A message row: agent rows sit left, user rows right (by CSS on the class).
 * @param {Document} doc
 * @param {{ id: string, speaker: 'agent'|'user', author: string, text: string, at: Date }} m
 */
export function messageRow(doc, m) {
  const row = doc.createElement('div');
  row.className = `msg msg--${m.speaker}`;
  row.dataset.messageId = m.id;

  const avatar = doc.createElement('img');
  avatar.className = 'msg__avatar';
  avatar.src = AVATAR[m.speaker];
  avatar.alt = '';
  avatar.width = 32;
  avatar.height = 32;

  const main = doc.createElement('div');
  main.className = 'msg__main';

  const meta = doc.createElement('div');
  meta.className = 'msg__meta';
  const author = doc.createElement('span');
  author.className = 'msg__author';
  author.textContent = m.author;
  const time = doc.createElement('time');
  time.className = 'msg__time';
  time.dateTime = m.at.toISOString();
  time.textContent = clockTime(m.at);
  meta.append(author, time);

  const bubble = doc.createElement('div');
  bubble.className = 'msg__bubble';
  bubble.textContent = m.text;

  main.append(meta, bubble);
  row.append(avatar, main);
  return row;
}

/**
 * A centred notice such as "客服小美已接入"; not authored by anyone.
 * @param {Document} doc
 * @param {{ id: string, text: string }} m
 */
export function noticeRow(doc, m) {
  const row = doc.createElement('div');
  row.className = 'msg msg--system';
  row.dataset.messageId = m.id;
  const text = doc.createElement('span');
  text.className = 'msg__notice';
  text.textContent = m.text;
  row.append(text);
  return row;
}

/**
 * "正在输入…": transient, not a message (no bubble, no message id); removed when the reply lands.
 * @param {Document} doc
 * @param {string} label
 */
export function typingRow(doc, label) {
  const row = doc.createElement('div');
  row.className = 'typing-indicator';
  const dots = doc.createElement('span');
  dots.className = 'typing-indicator__dots';
  dots.setAttribute('aria-hidden', 'true');
  for (let i = 0; i < 3; i++) dots.append(doc.createElement('i'));
  const text = doc.createElement('span');
  text.className = 'typing-indicator__text';
  text.textContent = label;
  row.append(dots, text);
  return row;
}
