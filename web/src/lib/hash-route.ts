/**
 * Routing on the URL's hash (#/todo, #/cases/XF-…): the API serves one index.html at `/` and needs no fallback
 * for client paths, which could collide with its own (/graphql, /health, /petitions/{id}/history.json).
 */
import { useEffect, useState } from 'react';

export type BoardKind = 'overdue' | 'dueSoon' | 'escalationProposed' | 'escalated';
export type PrintKind = 'notice' | 'opinion';

export type Route =
  | { name: 'todo' }
  | { name: 'case'; id: string }
  | { name: 'print'; id: string; kind: PrintKind }
  | { name: 'register' }
  | { name: 'board'; kind: BoardKind }
  | { name: 'panels' }
  | { name: 'panel'; id: string }
  | { name: 'statistics' }
  | { name: 'tester' };

const BOARDS: readonly BoardKind[] = ['overdue', 'dueSoon', 'escalationProposed', 'escalated'];

export function parseRoute(hash: string): Route {
  const parts = hash
    .replace(/^#\/?/, '')
    .split('/')
    .map((part) => decodeURIComponent(part));
  const [head, id, kind] = parts;
  if (head === 'cases' && id) return { name: 'case', id };
  if (head === 'print' && id && (kind === 'notice' || kind === 'opinion')) return { name: 'print', id, kind };
  if (head === 'boards' && BOARDS.includes(id as BoardKind)) return { name: 'board', kind: id as BoardKind };
  if (head === 'panels' && id) return { name: 'panel', id };
  if (head === 'panels') return { name: 'panels' };
  if (head === 'register' || head === 'statistics' || head === 'tester') return { name: head };
  return { name: 'todo' };
}

export function caseHref(id: string): string {
  return `#/cases/${encodeURIComponent(id)}`;
}

export function printHref(id: string, kind: PrintKind): string {
  return `#/print/${encodeURIComponent(id)}/${kind}`;
}

export function panelHref(id: string): string {
  return `#/panels/${encodeURIComponent(id)}`;
}

/** The menu key a route belongs to. */
export function routeKey(route: Route): string {
  if (route.name === 'board') return `boards/${route.kind}`;
  if (route.name === 'panel') return 'panels';
  if (route.name === 'case' || route.name === 'print') return 'todo';
  return route.name;
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
