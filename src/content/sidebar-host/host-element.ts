// The element the sidebar lives in: a plain <div> on documentElement with a CLOSED
// shadow root, so the page sees one empty element and can neither style nor read
// what is inside. Single-page apps that rebuild the document sometimes drop foreign
// children; a MutationObserver puts the host back.
import { HOST_CSS, HOST_STYLE } from './host-styles';

export const HOST_ATTRIBUTE = 'data-chat-evidence-host';

export interface Host {
  element: HTMLElement;
  shadow: ShadowRoot;
  /** Stops watching for removal and takes the host off the page. */
  destroy(): void;
}

function applyHostStyle(el: HTMLElement): void {
  for (const [prop, value] of HOST_STYLE) el.style.setProperty(prop, value, 'important');
}

function addStyles(shadow: ShadowRoot): void {
  // A constructed sheet is not subject to the page's style-src CSP; a <style> is the fallback
  // (Firefox content scripts may not hand their own CSSStyleSheet objects to the page's DOM).
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(HOST_CSS);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = HOST_CSS;
    shadow.append(style);
  }
}

/** Re-attachments allowed per window before backing off (a page that keeps removing us must not loop). */
const REATTACH_BURST = 10;
const REATTACH_WINDOW_MS = 5_000;

export function createHost(doc: Document = document): Host {
  const element = doc.createElement('div');
  element.setAttribute(HOST_ATTRIBUTE, '');
  applyHostStyle(element);
  const shadow = element.attachShadow({ mode: 'closed' });
  addStyles(shadow);

  let attempts: number[] = [];
  let retry: ReturnType<typeof setTimeout> | null = null;
  const attach = () => {
    if (element.isConnected || !doc.documentElement) return;
    const now = Date.now();
    attempts = attempts.filter((t) => now - t < REATTACH_WINDOW_MS);
    if (attempts.length >= REATTACH_BURST) {
      retry ??= setTimeout(() => {
        retry = null;
        attach();
      }, REATTACH_WINDOW_MS);
      return;
    }
    attempts.push(now);
    doc.documentElement.append(element);
    applyHostStyle(element);
    watch();
  };

  const observer = new MutationObserver(() => {
    if (!element.isConnected) attach();
  });
  // Watch the document (documentElement replaced) and documentElement (the host or body removed).
  const watch = () => {
    observer.disconnect();
    observer.observe(doc, { childList: true });
    if (doc.documentElement) observer.observe(doc.documentElement, { childList: true });
  };
  attach();

  return {
    element,
    shadow,
    destroy() {
      observer.disconnect();
      if (retry) clearTimeout(retry);
      element.remove();
    },
  };
}
