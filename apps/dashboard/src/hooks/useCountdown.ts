import { useEffect, useState } from 'preact/hooks';

/**
 * Whole seconds left until `expiresAt`, ticking every second. The deadline is the server's
 * clock; a browser clock running behind would show more time than the offer has, so the
 * countdown never starts above the offer's full length (`expiresAt - createdAt`).
 */
export function useCountdown(createdAt: number, expiresAt: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      setNow(Date.now());
      timer = setTimeout(tick, 1000 - (Date.now() % 1000) + 10);
    };
    timer = setTimeout(tick, 1000 - (Date.now() % 1000) + 10);
    return () => clearTimeout(timer);
  }, []);
  const left = Math.min(expiresAt - now, expiresAt - createdAt);
  return Math.max(0, Math.ceil(left / 1000));
}

/** "1:05", "0:09". */
export function formatCountdown(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}
