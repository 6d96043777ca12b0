// Whether the chat, when capture attaches to it, likely holds older messages that are not in
// the page: a virtualised list (its first rendered row sits far below the top of what it
// scrolls) or a "load earlier messages" control. Capture can only record what the page
// shows, so the person is told to scroll up through the history (popup and sidebar).

const LOAD_MORE_RE = /加载更多|查看更多|更多消息|历史消息|更早的?消息|以前的消息|load (?:more|earlier|older|previous)|show (?:more|earlier|older|previous)|(?:earlier|older|previous) messages/i;

function scrollerOf(el: Element, win: Window): Element | null {
  for (let n: Element | null = el, i = 0; n && i < 4; n = n.parentElement, i++) {
    if (n.scrollHeight > n.clientHeight + 1 && /auto|scroll/.test(win.getComputedStyle(n).overflowY)) return n;
  }
  return null;
}

/** `list` is the element holding the messages, `items` its rows in page order. */
export function olderMessagesLikelyHidden(list: Element, items: Element[], win: Window): boolean {
  // A control that loads older messages, among the first rows or just before the list.
  const before = list.previousElementSibling;
  for (const scope of [...items.slice(0, 2), ...(before ? [before] : [])]) {
    for (const control of Array.from(scope.querySelectorAll('button, a, [role=button]')).concat(scope.matches('button, a, [role=button]') ? [scope] : [])) {
      if (LOAD_MORE_RE.test((control.textContent ?? '').trim())) return true;
    }
  }
  const first = items[0];
  const scroller = scrollerOf(list, win);
  if (!first || !scroller) return false;
  // Where the first row sits within the scrolled content: near 0 when every row is in the page.
  const row = first.getBoundingClientRect();
  const offset = row.top - scroller.getBoundingClientRect().top + scroller.scrollTop;
  return offset > Math.max(3 * row.height, 150);
}
