// Builds a CSS selector that finds one element again after a reload: ids when they look
// stable, otherwise tag, stable class names and :nth-of-type, crossing open shadow roots
// with the " >>> " separator that detect.ts resolves.
import { SHADOW_SEPARATOR } from './detect';
import { cssEscape } from './dom';

function looksGenerated(word: string): boolean {
  return /\d{3,}|^[a-z]{1,3}-[a-z0-9]{5,}$|^[A-Za-z0-9_-]{6,}$(?<=[A-Z].*[0-9]|[0-9].*[A-Z])|^(?:css|sc|jsx|emotion|svelte)-/i.test(word);
}

function step(el: Element): string {
  const tag = el.tagName.toLowerCase();
  const classes = Array.from(el.classList).filter((c) => !looksGenerated(c) && !/^(?:active|hover|focus|open|selected|show)$/.test(c)).slice(0, 3);
  let s = tag + classes.map((c) => `.${cssEscape(c)}`).join('');
  const parent = el.parentElement;
  if (parent) {
    const same = Array.from(parent.children).filter((c) => c.tagName === el.tagName);
    if (same.length > 1) s += `:nth-of-type(${same.indexOf(el) + 1})`;
  }
  return s;
}

/** A selector for `el` within its own root (document or shadow root). */
function pathInRoot(el: Element, root: Document | ShadowRoot): string {
  const parts: string[] = [];
  for (let n: Element | null = el; n; n = n.parentElement) {
    if (n.id && !looksGenerated(n.id) && root.querySelectorAll(`#${cssEscape(n.id)}`).length === 1) {
      parts.unshift(`#${cssEscape(n.id)}`);
      break;
    }
    parts.unshift(step(n));
    if (n.tagName === 'BODY' || n.tagName === 'HTML') break;
    const sel = parts.join(' > ');
    try {
      if (root.querySelectorAll(sel).length === 1 && parts.length >= 2) break;
    } catch {
      /* keep walking */
    }
  }
  return parts.join(' > ');
}

/** A selector that resolves back to `el` with resolveDeepSelector. */
export function selectorFor(el: Element): string {
  const root = el.getRootNode();
  if (root instanceof ShadowRoot) return `${selectorFor(root.host)}${SHADOW_SEPARATOR}${pathInRoot(el, root)}`;
  return pathInRoot(el, root as Document);
}
