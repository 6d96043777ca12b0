// The docked panel: the sidebar page in an <iframe> on the right edge, with a drag
// handle to resize it (also by keyboard) and a button that collapses it back to the
// launcher. The iframe is created on first open and kept while hidden, so reopening
// is instant and the sidebar keeps its state.
import { sidebarWidth } from './layout';

export interface Panel {
  element: HTMLElement;
  show(focus: boolean): void;
  hide(): void;
  isShown(): boolean;
  /** Its labels, in the language setting. */
  setLabels(labels: PanelLabels): void;
}

export interface PanelLabels {
  frameTitle: string;
  collapseLabel: string;
  resizeLabel: string;
}

export interface PanelOptions extends PanelLabels {
  src: string;
  width: number;
  onCollapse(): void;
  onResized(width: number): void;
}

const KEY_STEP = 24;

export function createPanel(shadow: ShadowRoot, options: PanelOptions): Panel {
  const doc = shadow.ownerDocument;
  const panel = doc.createElement('div');
  panel.className = 'panel';
  panel.hidden = true;

  const edge = doc.createElement('div');
  edge.className = 'edge';
  edge.tabIndex = 0;
  edge.setAttribute('role', 'separator');
  edge.setAttribute('aria-orientation', 'vertical');

  const collapse = doc.createElement('button');
  collapse.type = 'button';
  collapse.className = 'collapse';
  collapse.textContent = '›';
  collapse.addEventListener('click', (e) => {
    e.stopPropagation();
    options.onCollapse();
  });
  edge.append(collapse);
  panel.append(edge);
  shadow.append(panel);

  let frame: HTMLIFrameElement | null = null;
  let labels: PanelLabels = options;
  const setLabels = (next: PanelLabels) => {
    labels = next;
    edge.setAttribute('aria-label', labels.resizeLabel);
    edge.title = labels.resizeLabel;
    collapse.title = labels.collapseLabel;
    collapse.setAttribute('aria-label', labels.collapseLabel);
    if (frame) frame.title = labels.frameTitle;
  };
  setLabels(options);
  let width = options.width;
  const applyWidth = () => {
    const w = sidebarWidth(width, window.innerWidth);
    panel.style.width = `${w}px`;
    edge.setAttribute('aria-valuenow', String(w));
    return w;
  };
  applyWidth();
  window.addEventListener('resize', applyWidth, { passive: true });

  const setWidth = (w: number, save: boolean) => {
    width = w;
    const applied = applyWidth();
    if (save) options.onResized(applied);
  };

  let drag: { id: number } | null = null;
  edge.addEventListener('pointerdown', (e) => {
    if (e.button !== 0 || e.target === collapse) return;
    drag = { id: e.pointerId };
    edge.setPointerCapture(e.pointerId);
    edge.classList.add('dragging');
    panel.classList.add('dragging');
  });
  edge.addEventListener('pointermove', (e) => {
    if (drag?.id === e.pointerId) setWidth(window.innerWidth - e.clientX, false);
  });
  const endDrag = (e: PointerEvent) => {
    if (drag?.id !== e.pointerId) return;
    drag = null;
    edge.classList.remove('dragging');
    panel.classList.remove('dragging');
    setWidth(width, true);
  };
  edge.addEventListener('pointerup', endDrag);
  edge.addEventListener('pointercancel', endDrag);
  edge.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowLeft') setWidth(sidebarWidth(width, window.innerWidth) + KEY_STEP, true);
    else if (e.key === 'ArrowRight') setWidth(sidebarWidth(width, window.innerWidth) - KEY_STEP, true);
    else if (e.key === 'Escape') options.onCollapse();
    else return;
    e.preventDefault();
  });

  return {
    element: panel,
    show(focus) {
      if (!frame) {
        frame = doc.createElement('iframe');
        frame.src = options.src;
        frame.title = labels.frameTitle;
        // Copy-to-clipboard is the fallback when the page's chat box refuses inserted text.
        frame.setAttribute('allow', 'clipboard-write');
        panel.append(frame);
      }
      panel.hidden = false;
      applyWidth();
      if (focus) frame.focus();
    },
    hide() {
      panel.hidden = true;
    },
    isShown() {
      return !panel.hidden;
    },
    setLabels,
  };
}
