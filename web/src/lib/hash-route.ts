/**
 * Routing on the URL's hash (#/todo, #/cases/XF-…): the API serves one index.html at `/` and needs no fallback
 * for client paths, which could collide with its own (/graphql, /health, /petitions/{id}/history.json).
 */
import { useEffect, useState } from 'react';

export type Route = { name: 'todo' } | { name: 'case'; id: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const match = /^\/cases\/(.+)$/.exec(path);
  if (match) return { name: 'case', id: decodeURIComponent(match[1]!) };
  return { name: 'todo' };
}

export function caseHref(id: string): string {
  return `#/cases/${encodeURIComponent(id)}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
