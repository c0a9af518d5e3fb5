import { useCallback, useEffect, useRef, useState } from 'react';

/** How long a hint (a refusal, a keypad mistake) stays on screen. */
const HINT_MS = 6000;

/** A short message shown in the status bar until it times out or the next one replaces it. */
export function useHint(): [string | null, (text: string) => void] {
  const [hint, setHint] = useState<string | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const show = useCallback((text: string) => {
    setHint(text);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setHint(null), HINT_MS);
  }, []);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return [hint, show];
}
