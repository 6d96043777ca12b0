// Where the in-page launcher and the docked sidebar go: pure geometry, so the
// rules (stay inside the viewport, keep clear of the chat input by default,
// sensible width bounds) are unit-tested without a browser.

/** The launcher's centre as fractions of the viewport, so it survives window resizes. */
export interface LauncherPosition {
  x: number;
  y: number;
}

/** What the host remembers in storage.local between pages. */
export interface HostPrefs {
  launcher: LauncherPosition;
  width: number;
}

export const STORAGE_KEY = 'sidebarHost';
export const LAUNCHER_SIZE = 40;
export const EDGE_MARGIN = 4;
export const MIN_WIDTH = 300;
export const MAX_WIDTH = 720;
export const DEFAULT_WIDTH = 380;
/** Mid-right edge, a little above the middle: chat inputs and send buttons sit at the bottom. */
export const DEFAULT_LAUNCHER: LauncherPosition = { x: 1, y: 0.42 };

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(Math.max(n, lo), Math.max(lo, hi));
}

function fraction(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? clamp(v, 0, 1) : fallback;
}

/** Reads stored prefs, whatever was stored (nothing, an old shape, junk). */
export function parseHostPrefs(value: unknown): HostPrefs {
  const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const l = (v.launcher && typeof v.launcher === 'object' ? v.launcher : {}) as Record<string, unknown>;
  const width = typeof v.width === 'number' && Number.isFinite(v.width) ? clamp(Math.round(v.width), MIN_WIDTH, MAX_WIDTH) : DEFAULT_WIDTH;
  return { launcher: { x: fraction(l.x, DEFAULT_LAUNCHER.x), y: fraction(l.y, DEFAULT_LAUNCHER.y) }, width };
}

/** The launcher's top-left corner in pixels for a position and viewport, always fully on screen. */
export function launcherRect(pos: LauncherPosition, viewport: { width: number; height: number }): { left: number; top: number } {
  const half = LAUNCHER_SIZE / 2;
  return {
    left: Math.round(clamp(pos.x * viewport.width - half, EDGE_MARGIN, viewport.width - LAUNCHER_SIZE - EDGE_MARGIN)),
    top: Math.round(clamp(pos.y * viewport.height - half, EDGE_MARGIN, viewport.height - LAUNCHER_SIZE - EDGE_MARGIN)),
  };
}

/** The position to remember after the launcher was dropped with its top-left corner at (left, top). */
export function positionFromDrop(left: number, top: number, viewport: { width: number; height: number }): LauncherPosition {
  const half = LAUNCHER_SIZE / 2;
  const x = viewport.width > 0 ? (left + half) / viewport.width : DEFAULT_LAUNCHER.x;
  const y = viewport.height > 0 ? (top + half) / viewport.height : DEFAULT_LAUNCHER.y;
  // Snap to an edge when dropped near it, so the button hugs the side like a tab.
  const snapX = x > 0.95 ? 1 : x < 0.05 ? 0 : x;
  return { x: clamp(snapX, 0, 1), y: clamp(y, 0, 1) };
}

/** The sidebar width to use: the remembered width, within bounds, leaving some of the page visible. */
export function sidebarWidth(width: number, viewportWidth: number): number {
  const max = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, viewportWidth - 80), viewportWidth);
  return Math.round(clamp(width, Math.min(MIN_WIDTH, viewportWidth), max));
}

/** True once a pointer has moved far enough that a press is a drag, not a click. */
export function isDrag(dx: number, dy: number): boolean {
  return Math.hypot(dx, dy) > 4;
}
