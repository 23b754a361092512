/**
 * The Library's data: the filtered document list, the outlets for the filter, and search; the
 * project and a document. Each is read again only when what it shows changes (search leaves out
 * regions marked as not part of the article, so annotations count for it).
 */
import type { ChannelOutput } from '../../../shared/contract.ts';
import { useClient } from '../client/context.tsx';
import { useChangeVersion } from './changes.tsx';
import { useQuery } from './use-query.ts';

export interface Filter {
  outlet?: string;
  from?: string;
  to?: string;
}

/** documents:list returns at most 5000 at once; the grid sorts them client-side. */
const LIST_LIMIT = 5000;
const SEARCH_LIMIT = 100;
const SEARCH_DEBOUNCE_MS = 150;

export function useDocumentList(filter: Filter) {
  const client = useClient();
  const version = useChangeVersion('documents');
  return useQuery<ChannelOutput<'documents:list'>>(
    () => client.call('documents:list', { ...filter, offset: 0, limit: LIST_LIMIT }),
    [client, version, filter.outlet, filter.from, filter.to],
  );
}

export function useOutlets() {
  const client = useClient();
  const version = useChangeVersion('documents');
  return useQuery(() => client.call('documents:outlets', {}), [client, version]);
}

export function useSearch(query: string, filter: Filter) {
  const client = useClient();
  const version = useChangeVersion('documents', 'annotations');
  const trimmed = query.trim();
  return useQuery<ChannelOutput<'search:query'>>(
    trimmed ? () => client.call('search:query', { query: trimmed, ...filter, limit: SEARCH_LIMIT }) : null,
    [client, version, trimmed, filter.outlet, filter.from, filter.to],
    SEARCH_DEBOUNCE_MS,
  );
}

export function useProjectInfo() {
  const client = useClient();
  const version = useChangeVersion('documents', 'history');
  return useQuery(() => client.call('project:info', {}), [client, version]);
}

export function useDocument(id: string, reloadKey: number) {
  const client = useClient();
  const version = useChangeVersion('documents');
  return useQuery(() => client.call('documents:get', { id }), [client, version, id, reloadKey]);
}
