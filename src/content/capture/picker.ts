// The element picker: the user points at the chat area, a highlight follows the pointer
// (snapping to the message list around what is under it), a click chooses, Esc cancels.
// Drawn inside a closed shadow root so the page's styles cannot reach it, and every page
// handler is kept from seeing the clicks. Every frame of the tab points at once, each in its
// own document; the background ends the others (cancelPicker) when one frame's pointing ends.
import { resolveLocale } from '../../lib/i18n';
import type { Locale } from '../../lib/messages';
import { composedParent } from './dom';
import { scoreContainer } from './detect';
import { selectorFor } from './css-path';

let active: Promise<string | null> | null = null;
/** Ends the active pointing with no choice (set while one is active). */
let cancelActive: (() => void) | null = null;

/** The message list around `el` (the ancestor that scores best as one), else `el`. */
export function snapToList(el: Element): Element {
  let best: Element = el;
  let bestScore = 0;
  let n: Node | null = el;
  for (let i = 0; n && i < 15; n = composedParent(n), i++) {
    if (!(n instanceof Element) || n.tagName === 'BODY' || n.tagName === 'HTML') continue;
    const score = scoreContainer(n.shadowRoot ?? n);
    if (score > bestScore) {
      best = n;
      bestScore = score;
    }
  }
  return best;
}

const isFrame = (el: Element) => el.tagName === 'IFRAME' || el.tagName === 'FRAME';

const CSS_TEXT = `
:host { all: initial; }
.box { position: fixed; pointer-events: none; box-sizing: border-box; border: 2px solid #2563eb; background: rgba(37, 99, 235, 0.12); border-radius: 4px; display: none; }
.tip { position: fixed; left: 50%; top: 12px; transform: translateX(-50%); pointer-events: none; background: #111827; color: #fff;
  font: 13px/1.4 system-ui, sans-serif; padding: 6px 12px; border-radius: 6px; box-shadow: 0 2px 8px rgba(0,0,0,.3); }
`;

export interface PickerOptions {
  /** Show the instructions (the top frame does; a subframe only highlights, so one tip shows). */
  tip?: boolean;
  /** The language setting, resolved, once read (null: it could not be): the tip shows in the browser's language until then. */
  locale?: Promise<Locale | null>;
}

/** Lets the user point at the chat area; resolves with a selector for it, or null when cancelled. */
export function startPicker(win: Window = window, options: PickerOptions = {}): Promise<string | null> {
  if (active) return active;
  const doc = win.document;
  const hostEl = doc.createElement('div');
  hostEl.style.cssText = 'all: initial; position: fixed; inset: 0; z-index: 2147483647; pointer-events: none;';
  hostEl.setAttribute('data-chat-evidence-picker', '');
  const shadow = hostEl.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = CSS_TEXT;
  const box = doc.createElement('div');
  box.className = 'box';
  const tip = doc.createElement('div');
  tip.className = 'tip';
  tip.setAttribute('role', 'status');
  const tipText = (zh: boolean) => (zh ? '点击聊天记录区域进行记录 · ↑ 选择外层 · Esc 取消' : 'Click the chat messages area · ↑ selects the outer box · Esc cancels');
  tip.textContent = tipText(resolveLocale('auto', win.navigator.language) === 'zh-CN');
  options.locale?.then((locale) => locale && (tip.textContent = tipText(locale === 'zh-CN'))).catch(() => undefined);
  shadow.append(style, box);
  if (options.tip !== false) shadow.append(tip);
  (doc.body ?? doc.documentElement).appendChild(hostEl);

  let current: Element | null = null;
  const show = (el: Element | null) => {
    current = el;
    if (!el) return void (box.style.display = 'none');
    const r = el.getBoundingClientRect();
    Object.assign(box.style, { display: 'block', left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
  };
  const targetOf = (e: Event): Element | null => {
    const t = e.composedPath()[0];
    return t instanceof Element && t !== hostEl ? t : null;
  };

  active = new Promise<string | null>((resolve) => {
    const finish = (value: string | null) => {
      for (const [type, fn] of handlers) win.removeEventListener(type, fn, true);
      hostEl.remove();
      active = null;
      cancelActive = null;
      resolve(value);
    };
    cancelActive = () => finish(null);
    const swallow = (e: Event) => {
      e.preventDefault();
      e.stopPropagation();
      e.stopImmediatePropagation();
    };
    const follow = (e: MouseEvent) => {
      const t = targetOf(e);
      // Over a frame, that frame's own picker highlights what is inside it.
      if (t) show(isFrame(t) ? null : snapToList(t));
    };
    const handlers: [string, (e: any) => void][] = [
      ['mousemove', follow],
      ['mouseover', follow],
      ['mouseout', (e: MouseEvent) => {
        // The pointer left this document (out of the window, or into a frame).
        if (!e.relatedTarget) show(null);
      }],
      ['mousedown', swallow],
      ['mouseup', swallow],
      ['pointerdown', swallow],
      ['pointerup', swallow],
      ['click', (e: MouseEvent) => {
        swallow(e);
        const under = targetOf(e);
        const t = current ?? (under && !isFrame(under) ? snapToList(under) : null);
        finish(t ? selectorFor(t) : null);
      }],
      ['keydown', (e: KeyboardEvent) => {
        if (e.key === 'Escape') {
          swallow(e);
          finish(null);
        } else if (e.key === 'ArrowUp' && current) {
          swallow(e);
          const up = composedParent(current);
          if (up instanceof Element && up.tagName !== 'HTML') show(up);
        } else if (e.key === 'Enter' && current) {
          swallow(e);
          finish(selectorFor(current));
        }
      }],
    ];
    for (const [type, fn] of handlers) win.addEventListener(type, fn, true);
  });
  return active;
}

/** Ends the pointing in this frame with no choice (the pick ended in another frame). */
export function cancelPicker(): void {
  cancelActive?.();
}
