// Hook: a short status message (saved, inserted, copied…) that clears itself.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export type FlashTone = 'ok' | 'warn' | 'error';
export interface Flash {
  text: string;
  tone: FlashTone;
}

export function useFlash(ms = 6000): [Flash | null, (text: string, tone?: FlashTone) => void] {
  const [flash, setFlash] = useState<Flash | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const show = useCallback(
    (text: string, tone: FlashTone = 'ok') => {
      clearTimeout(timer.current);
      setFlash({ text, tone });
      // Errors stay until the next action: they may need reading twice.
      if (tone !== 'error') timer.current = setTimeout(() => setFlash(null), ms);
    },
    [ms],
  );
  useEffect(() => () => clearTimeout(timer.current), []);
  return [flash, show];
}
