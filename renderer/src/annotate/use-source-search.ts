/**
 * The project's sources matching what the analyst types (`sources:list`: names, aliases,
 * affiliations), asked for once typing pauses; an answer to an older query is dropped.
 */
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract.ts';
import { useClient } from '../client/context.tsx';

export type ListedSource = ChannelOutput<'sources:list'>[number];

const SEARCH_DEBOUNCE_MS = 120;
const LIMIT = 12;

export function useSourceSearch(query: string): ListedSource[] {
  const client = useClient();
  const [found, setFound] = useState<ListedSource[]>([]);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void client.call('sources:list', { query: query.trim(), limit: LIMIT }).then((r) => {
        if (live && r.ok) setFound(r.value);
      });
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, query]);
  return found;
}
