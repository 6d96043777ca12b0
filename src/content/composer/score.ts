// Scores how likely an editable is to be the chat box, so the right frame and
// the right field get the text (not the site's search box or a login field).
import { composedParent } from './deep-dom';
import { editorKind, isDesignModeBody } from './editor-kind';

/** Layout facts the score needs; injected so unit tests can run without a layout engine. */
export interface Layout {
  /** Whether the element is rendered and has a size. */
  visible(el: Element): boolean;
  /** The element's box in viewport coordinates. */
  rect(el: Element): { top: number; bottom: number; width: number; height: number };
  /** The height of the viewport `el` is drawn in (its own document's window). */
  viewportHeight(el: Element): number;
}

export const browserLayout: Layout = {
  visible(el) {
    const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
    if (check && !check.call(el, { visibilityProperty: true, opacityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  },
  rect: (el) => el.getBoundingClientRect(),
  viewportHeight: (el) => el.ownerDocument.defaultView?.innerHeight || el.ownerDocument.documentElement.clientHeight,
};

export interface FocusFacts {
  focused: Element | null;
  lastFocused: Element | null;
}

const CHAT_WORDS = /输入|请输入|消息|回复|留言|咨询|问题|聊天|发言|说点|message|type|reply|write|chat|ask|compose|say something/i;
const NOT_CHAT_WORDS = /搜索|查找|检索|search|find|filter|login|password|密码|账号|用户名|email|邮箱|验证码|captcha|url|address|地址栏/i;
/** "Send the verification code" buttons sit beside phone fields, not chat boxes. */
const NOT_SEND_WORDS = /验证码|校验码|code|otp|sms|短信/i;
const SEND_WORDS = /(^|\s)(send|submit|reply)(\s|$)|发送|发 送|提交|回复/i;

/** The words a person sees or hears for a field: placeholder, label, name, id, class. */
function describe(el: Element): string {
  const attrs = ['placeholder', 'aria-label', 'aria-placeholder', 'title', 'name', 'id', 'data-placeholder'];
  const parts = attrs.map((a) => el.getAttribute(a) ?? '');
  parts.push(typeof el.className === 'string' ? el.className : '');
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) parts.push(labelledBy.split(/\s+/).map((id) => el.ownerDocument.getElementById(id)?.textContent ?? '').join(' '));
  return parts.join(' ');
}

function buttonLabel(el: Element): string {
  return [el.textContent ?? '', el.getAttribute('aria-label') ?? '', el.getAttribute('title') ?? '', (el as HTMLInputElement).value ?? ''].join(' ');
}

/** Whether a send button sits near `el`: inside one of its first few ancestors. */
export function hasNearbySendButton(el: Element, levels = 5): boolean {
  let scope: Element | null = composedParent(el);
  for (let i = 0; scope && i < levels; i++, scope = composedParent(scope)) {
    const buttons = scope.querySelectorAll('button, [role="button"], input[type="submit"], input[type="button"], a');
    for (const b of buttons) {
      if (b === el || b.contains(el)) continue;
      const label = buttonLabel(b).replace(/\s+/g, ' ').trim();
      if ((label.length <= 16 && SEND_WORDS.test(label) && !NOT_SEND_WORDS.test(label)) || /(^|[-_ ])send/i.test(b.className?.toString() ?? '')) return true;
    }
  }
  return false;
}

/**
 * What stands for `el` on the page: itself, or for the body of a design-mode document, the frame
 * that shows it (its words, its send button and its place are the frame's, in the page around it).
 */
function boxOf(el: Element): Element {
  // frameElement is null in a frame of another origin: the body alone then.
  return (isDesignModeBody(el) && el.ownerDocument.defaultView?.frameElement) || el;
}

/** The score of one usable editable (0 when it should never get text). */
export function scoreEditable(el: Element, focus: FocusFacts, layout: Layout): number {
  const box = boxOf(el);
  if (!layout.visible(box)) return 0;
  let score = 10;
  const kind = editorKind(el);
  if (kind !== 'input') score += 10;
  if (kind !== 'input' && kind !== 'textarea' && kind !== 'contenteditable') score += 5;
  if (el === focus.focused) score += 40;
  else if (el === focus.lastFocused) score += 30;
  const words = describe(box);
  if (CHAT_WORDS.test(words)) score += 15;
  if (NOT_CHAT_WORDS.test(words) || (box as HTMLInputElement).type === 'search' || box.getAttribute('role') === 'searchbox') score -= 40;
  if (hasNearbySendButton(box)) score += 20;
  const r = layout.rect(box);
  const vh = layout.viewportHeight(box);
  if (vh > 0 && r.top >= vh / 2) score += 5;
  if (box.closest('form[role="search"], [role="search"], header, nav')) score -= 10;
  return Math.max(score, 0);
}
