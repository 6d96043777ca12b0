// The composer: puts a suggestion into the page's chat input as if the person
// typed it, and reads it back. It never sends: the person presses send.
// The background asks every frame for probeChatInput() and sends the insert to
// the frame that scores highest.
import { editorKind } from './editor-kind';
import { findChatInput } from './find-input';
import { insertIntoRichEditor } from './insert-rich';
import { insertIntoTextField } from './insert-text-field';

export { trackFocus } from './focus-history';
export { editorKind, type EditorKind } from './editor-kind';

export type InsertMode = 'insert' | 'replace';
export type InsertResult = { ok: true; method: string } | { ok: false; code: 'no-input' | 'not-accepted'; message: string };

/** How likely this frame holds the chat input: 0 when it has no usable one, higher is likelier. */
export function probeChatInput(): number {
  try {
    return findChatInput()?.score ?? 0;
  } catch {
    return 0;
  }
}

let queue: Promise<unknown> = Promise.resolve();

/** Inserts `text` at the caret of this frame's chat input ('replace' replaces the draft), then reads it back. */
export function insertIntoChat(text: string, mode: InsertMode = 'insert'): Promise<InsertResult> {
  // One at a time: a second click while the first insert is still reading back must not interleave with it.
  const next = queue.then(() => insertNow(text, mode));
  queue = next.catch(() => undefined);
  return next;
}

async function insertNow(text: string, mode: InsertMode): Promise<InsertResult> {
  const found = findChatInput();
  if (!found) return { ok: false, code: 'no-input', message: 'No chat input found in this frame.' };
  const kind = editorKind(found.el);
  let method: string | null;
  try {
    method =
      kind === 'textarea' || kind === 'input'
        ? await insertIntoTextField(found.el as HTMLTextAreaElement | HTMLInputElement, text, mode)
        : await insertIntoRichEditor(found.el, kind, text, mode);
  } catch (err) {
    return { ok: false, code: 'not-accepted', message: `Inserting into the ${kind} editor failed: ${String(err)}` };
  }
  if (method) return { ok: true, method: `${kind}:${method}` };
  return { ok: false, code: 'not-accepted', message: `The page's ${kind} editor did not take the text.` };
}

/** What the background calls in this frame's isolated world via scripting.executeScript. */
export interface ComposerGlobal {
  probe: () => number;
}

(globalThis as typeof globalThis & { __chatEvidenceComposer?: ComposerGlobal }).__chatEvidenceComposer = { probe: probeChatInput };
