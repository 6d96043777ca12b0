// Inserts text into a <textarea> or <input>, including ones controlled by
// React, Vue or Preact: the prototype's native value setter bypasses the
// framework's own value property, and the 'input' event then tells the
// framework the value changed, as typing would.
import { lastFocusedEditable } from './focus-history';
import { editableText, tookText } from './read-back';
import { settle } from './settle';

type Field = HTMLTextAreaElement | HTMLInputElement;

function nativeValueSetter(el: Field): ((this: Field, v: string) => void) | undefined {
  const proto = el.localName === 'textarea' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  return Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')?.set ?? Object.getOwnPropertyDescriptor(proto, 'value')?.set;
}

/** Where the text goes: the caret the person left, or the end of the draft when they never focused it. */
function targetRange(el: Field, mode: 'insert' | 'replace'): [number, number] {
  const len = el.value.length;
  if (mode === 'replace') return [0, len];
  const hadFocus = el === lastFocusedEditable() || el.ownerDocument.activeElement === el;
  const start = el.selectionStart;
  const end = el.selectionEnd;
  if (!hadFocus || start === null || end === null) return [len, len];
  return [Math.min(start, len), Math.min(end, len)];
}

/** Inserts `text`; returns the method that worked, or null when the page did not take it. */
export async function insertIntoTextField(el: Field, text: string, mode: 'insert' | 'replace'): Promise<string | null> {
  if (el.localName === 'input') text = text.replace(/\s*\n\s*/g, ' ');
  const before = editableText(el);
  const [start, end] = targetRange(el, mode);
  el.focus({ preventScroll: true });

  // Route 1: native setter + input event.
  const next = before.slice(0, start) + text + before.slice(end);
  nativeValueSetter(el)?.call(el, next);
  try {
    el.setSelectionRange(start + text.length, start + text.length);
  } catch {
    // Some input types have no selection API; the value is what matters.
  }
  el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
  await settle();
  if (tookText(before, editableText(el), text, mode)) return 'native-setter';

  // Route 2: the browser's own editing command, which the page sees as typing.
  if (editableText(el) !== before) nativeValueSetter(el)?.call(el, before);
  el.focus({ preventScroll: true });
  try {
    el.setSelectionRange(start, end);
  } catch {
    /* as above */
  }
  if (el.ownerDocument.execCommand('insertText', false, text)) {
    await settle();
    if (tookText(before, editableText(el), text, mode)) return 'exec-command';
  }
  return null;
}
