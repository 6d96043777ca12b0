// The small round button that opens the sidebar. It can be dragged anywhere; a press
// that does not move is a click. Keyboard users get a normal <button>.
import { isDrag, launcherRect, positionFromDrop, type LauncherPosition } from './layout';
import { LAUNCHER_ICON_PATH } from './host-styles';

export interface Launcher {
  element: HTMLButtonElement;
  setVisible(visible: boolean): void;
  setPosition(position: LauncherPosition): void;
  setRecording(recording: boolean): void;
  /** Its tooltip and accessible name, in the language setting. */
  setLabel(label: string): void;
}

export interface LauncherOptions {
  label: string;
  position: LauncherPosition;
  onActivate(): void;
  onMoved(position: LauncherPosition): void;
}

function icon(doc: Document): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = doc.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = doc.createElementNS(ns, 'path');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute('d', LAUNCHER_ICON_PATH);
  svg.append(path);
  return svg;
}

const viewport = () => ({ width: window.innerWidth, height: window.innerHeight });

export function createLauncher(shadow: ShadowRoot, options: LauncherOptions): Launcher {
  const doc = shadow.ownerDocument;
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'launcher';
  const setLabel = (label: string) => {
    button.title = label;
    button.setAttribute('aria-label', label);
  };
  setLabel(options.label);
  const dot = doc.createElement('span');
  dot.className = 'dot';
  button.append(icon(doc), dot);
  shadow.append(button);

  let position = options.position;
  const place = () => {
    const { left, top } = launcherRect(position, viewport());
    button.style.left = `${left}px`;
    button.style.top = `${top}px`;
  };
  place();
  window.addEventListener('resize', place, { passive: true });

  // Dragging: pointer capture keeps the moves coming even over the page's iframes.
  let start: { x: number; y: number; left: number; top: number; id: number } | null = null;
  let dragged = false;
  button.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    const r = button.getBoundingClientRect();
    start = { x: e.clientX, y: e.clientY, left: r.left, top: r.top, id: e.pointerId };
    dragged = false;
    button.setPointerCapture(e.pointerId);
  });
  button.addEventListener('pointermove', (e) => {
    if (!start || e.pointerId !== start.id) return;
    const dx = e.clientX - start.x;
    const dy = e.clientY - start.y;
    if (!dragged && !isDrag(dx, dy)) return;
    dragged = true;
    button.classList.add('dragging');
    button.style.left = `${start.left + dx}px`;
    button.style.top = `${start.top + dy}px`;
  });
  const endDrag = (e: PointerEvent) => {
    if (!start || e.pointerId !== start.id) return;
    start = null;
    button.classList.remove('dragging');
    if (!dragged) return;
    const r = button.getBoundingClientRect();
    position = positionFromDrop(r.left, r.top, viewport());
    place();
    options.onMoved(position);
  };
  button.addEventListener('pointerup', endDrag);
  button.addEventListener('pointercancel', endDrag);
  button.addEventListener('click', (e) => {
    e.stopPropagation();
    // The click that ends a drag is not an activation.
    if (dragged) {
      dragged = false;
      return;
    }
    options.onActivate();
  });

  return {
    element: button,
    setVisible(visible) {
      button.hidden = !visible;
    },
    setPosition(p) {
      position = p;
      place();
    },
    setRecording(recording) {
      button.classList.toggle('recording', recording);
    },
    setLabel,
  };
}
