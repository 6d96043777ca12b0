// The quick-insert phrase search: a small listbox with a filter field, drawn
// in a closed shadow root so the page can neither style nor read it.
import type { ThemeSetting } from '../../lib/settings';
import type { Point } from './caret-rect';
import { stageLabel } from './stage-labels';

export interface PhraseItem {
  id: string;
  stage: string;
  text: string;
}

export interface PopupHandlers {
  /** The filter text changed (also called once with '' on open). */
  query(q: string): void;
  choose(item: PhraseItem): void;
  /** Esc or a click elsewhere. */
  dismiss(): void;
}

/** The tag of the popup's host element: lets tests and the rest of the content script recognise it. */
export const POPUP_TAG = 'chat-evidence-quick-insert';

/** The language and theme settings, so the popup speaks and looks like the sidebar. */
export interface PopupLook {
  zh: boolean;
  theme: ThemeSetting;
}

// Each colour a light-dark() pair: the box follows its color-scheme, the system's unless the
// theme setting forces one (data-theme).
const CSS = `
:host { all: initial; }
.box { position: fixed; z-index: 2147483647; width: min(420px, calc(100vw - 16px)); max-height: 320px; display: flex; flex-direction: column;
  font: 13px/1.4 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; color-scheme: light dark;
  color: light-dark(#1b1f24, #e8eaed); background: light-dark(#fff, #1f2329);
  border: 1px solid light-dark(#c8ccd2, #444b55); border-radius: 8px; box-shadow: 0 8px 24px rgba(0,0,0,.18); overflow: hidden; }
.box[data-theme="light"] { color-scheme: light; }
.box[data-theme="dark"] { color-scheme: dark; }
input { margin: 8px; padding: 6px 8px; border: 1px solid light-dark(#c8ccd2, #444b55); border-radius: 6px; font: inherit; color: inherit;
  background: light-dark(#fff, #15181c); outline-offset: 1px; }
ul { list-style: none; margin: 0; padding: 0 4px 4px; overflow-y: auto; }
li { padding: 6px 8px; border-radius: 6px; cursor: pointer; white-space: normal; }
li[aria-selected="true"] { background: light-dark(#e3edff, #24395e); outline: 2px solid #2f6fde; outline-offset: -2px; }
.stage { display: block; font-size: 11px; color: light-dark(#5b636d, #a4abb4); }
.empty, .hint { padding: 6px 12px; color: light-dark(#5b636d, #a4abb4); font-size: 12px; }
.hint { border-top: 1px solid light-dark(#eceef1, #2c3138); }`;

export class QuickInsertPopup {
  readonly host: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private items: PhraseItem[] = [];
  private active = 0;

  constructor(doc: Document, at: Point, private readonly handlers: PopupHandlers, private readonly look: PopupLook) {
    this.host = doc.createElement(POPUP_TAG);
    const root = this.host.attachShadow({ mode: 'closed' });
    const { zh } = look;
    root.innerHTML = `<style>${CSS}</style>
      <div class="box" role="dialog" aria-label="${zh ? '快速插入话术' : 'Quick insert a phrase'}">
        <input type="text" role="combobox" aria-expanded="true" aria-controls="qi-list" aria-autocomplete="list"
          placeholder="${zh ? '搜索话术…' : 'Search phrases…'}">
        <ul id="qi-list" role="listbox"></ul>
        <div class="hint">${zh ? '↑↓ 选择 · Enter 插入 · Esc 关闭' : '↑↓ choose · Enter insert · Esc close'}</div>
      </div>`;
    const box = root.querySelector('.box') as HTMLElement;
    if (look.theme !== 'auto') box.dataset.theme = look.theme;
    this.input = root.querySelector('input')!;
    this.list = root.querySelector('ul')!;
    // Chat boxes sit at the bottom of the screen: open above the caret when the list fits there
    // (so it does not hide the send button), else wherever there is more room.
    const vh = doc.defaultView?.innerHeight ?? 800;
    const vw = doc.defaultView?.innerWidth ?? 1200;
    box.style.left = `${Math.max(8, Math.min(at.left, vw - 428))}px`;
    if (at.top >= 340 || at.top > vh - at.bottom) box.style.bottom = `${Math.max(8, vh - at.top + 4)}px`;
    else box.style.top = `${at.bottom + 4}px`;

    this.input.addEventListener('input', () => handlers.query(this.input.value));
    this.input.addEventListener('keydown', (e) => this.onKey(e));
    this.list.addEventListener('mousedown', (e) => e.preventDefault()); // keep focus in the filter field
    this.list.addEventListener('click', (e) => {
      const li = (e.target as Element).closest('li[data-index]');
      if (li) this.choose(Number(li.getAttribute('data-index')));
    });
    // The page must not react to keys typed here (its own shortcuts, its "press Enter to send").
    for (const type of ['keydown', 'keyup', 'keypress', 'input', 'beforeinput']) root.addEventListener(type, (e) => e.stopPropagation());
    doc.documentElement.append(this.host);
    this.input.focus({ preventScroll: true });
    this.setItems([]);
  }

  setItems(items: PhraseItem[]): void {
    this.items = items;
    this.active = 0;
    this.render();
  }

  private render(): void {
    const doc = this.list.ownerDocument;
    this.list.replaceChildren();
    if (this.items.length === 0) {
      const li = doc.createElement('li');
      li.className = 'empty';
      li.textContent = this.look.zh ? '没有匹配的话术' : 'No matching phrases';
      this.list.append(li);
      this.input.removeAttribute('aria-activedescendant');
      return;
    }
    this.items.forEach((item, i) => {
      const li = doc.createElement('li');
      li.id = `qi-${i}`;
      li.setAttribute('role', 'option');
      li.setAttribute('data-index', String(i));
      li.setAttribute('aria-selected', String(i === this.active));
      const stage = doc.createElement('span');
      stage.className = 'stage';
      stage.textContent = stageLabel(item.stage, this.look.zh);
      li.append(stage, item.text);
      this.list.append(li);
    });
    this.input.setAttribute('aria-activedescendant', `qi-${this.active}`);
    this.list.children[this.active]?.scrollIntoView({ block: 'nearest' });
  }

  private onKey(e: KeyboardEvent): void {
    if (e.isComposing) return; // IME candidate selection uses these keys
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (this.items.length) {
        this.active = (this.active + (e.key === 'ArrowDown' ? 1 : -1) + this.items.length) % this.items.length;
        this.render();
      }
    } else if (e.key === 'Enter') {
      e.preventDefault();
      this.choose(this.active);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      this.handlers.dismiss();
    }
  }

  private choose(index: number): void {
    const item = this.items[index];
    if (item) this.handlers.choose(item);
  }

  /** Whether `path` (an event's composed path) passes through the popup. */
  contains(path: EventTarget[]): boolean {
    return path.includes(this.host);
  }

  destroy(): void {
    this.host.remove();
  }
}
