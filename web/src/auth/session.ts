/**
 * The signed-in token (登录令牌), kept in sessionStorage: it lasts while the tab does and is never written to
 * disk by a closed browser, as befits a key that reads petitioners' personal data.
 */
import { useCallback, useMemo, useState } from 'react';
import { setToken } from '../api/client';

const KEY = 'fengqiao.token';

function stored(): string | null {
  const value = sessionStorage.getItem(KEY);
  setToken(value);
  return value;
}

export function useSession(): { token: string | null; signIn(token: string): void; signOut(): void } {
  const [token, set] = useState<string | null>(stored);
  const signIn = useCallback((value: string) => {
    sessionStorage.setItem(KEY, value);
    setToken(value);
    set(value);
  }, []);
  const signOut = useCallback(() => {
    sessionStorage.removeItem(KEY);
    setToken(null);
    set(null);
  }, []);
  // One object while the token stays: the frame reads the viewer again whenever the session changes.
  return useMemo(() => ({ token, signIn, signOut }), [token, signIn, signOut]);
}
