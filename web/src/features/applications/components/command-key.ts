import { useCallback, useRef } from 'react';

/**
 * One Idempotency-Key per intent: the same key while the user sends the same thing again (a retry
 * after a lost answer does nothing twice), a new one when what is sent changes or once it is done.
 * A refused command is not recorded by the server, so retrying it with its key is safe.
 */
export function useCommandKey() {
  const last = useRef<{ body: string; key: string } | null>(null);
  const keyFor = useCallback((body: object) => {
    const json = JSON.stringify(body);
    if (last.current?.body !== json) last.current = { body: json, key: crypto.randomUUID() };
    return last.current.key;
  }, []);
  const done = useCallback(() => {
    last.current = null;
  }, []);
  return { keyFor, done };
}
