// The capture engine's entry: start/stop capturing this frame's chat over the "capture"
// port, and the element picker. src/content/index.ts calls these in every frame.
import browser from '../../lib/browser';
import { CAPTURE_PORT } from '../../lib/capture/protocol';
import type { Speaker } from '../../lib/evidence/types';
import { CaptureEngine } from './engine';
import type { PortLike } from './outbox';

export { startPicker, cancelPicker } from './picker';
export { watchLocation, type LocationWatch } from './location-watch';

let engine: CaptureEngine | null = null;

export interface StartCaptureOptions {
  sessionId: string;
  recent: { speaker: Speaker; text: string }[];
  pickedSelector: string | null;
  isTop: boolean;
}

/** Starts capturing this frame's chat for `sessionId` (a no-op when already capturing it). */
export function startCapture(options: StartCaptureOptions): void {
  if (engine?.capturing && engine.options.sessionId === options.sessionId) return;
  engine?.stop();
  const started: CaptureEngine = new CaptureEngine(options, {
    win: window,
    connect: () => browser.runtime.connect({ name: CAPTURE_PORT }) as unknown as PortLike,
    onStopped: () => {
      if (engine === started) engine = null;
    },
  });
  engine = started;
  started.start();
}

/** Stops capturing; what was already observed is still delivered. */
export function stopCapture(): void {
  engine?.stop();
  engine = null;
}

export function isCapturing(): boolean {
  return engine?.capturing ?? false;
}

/** Notes an in-place address change in this frame's capture stream, after what it has seen so far. */
export function noteNavigation(url: string): void {
  engine?.noteNavigation(url);
}

/** The session this frame is capturing, or null. */
export function capturingSession(): string | null {
  return engine?.capturing ? engine.options.sessionId : null;
}
