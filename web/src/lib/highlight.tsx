/** A search highlight of the API, words marked 【like this】, as text with <mark> around the words found. */
import type { ReactNode } from 'react';

export function renderHighlight(text: string): ReactNode[] {
  return text
    .split(/(【[^】]*】)/)
    .map((part, i) => (part.startsWith('【') && part.endsWith('】') ? <mark key={i}>{part.slice(1, -1)}</mark> : part));
}
