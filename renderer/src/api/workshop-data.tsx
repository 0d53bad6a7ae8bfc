import { QueryClient, QueryClientProvider, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import type { AppError, Result } from '../../../shared/result';
import { api } from './transport';

/**
 * The renderer's data layer: TanStack Query, one cache per data scope (the start screen, or one open
 * workshop; App.tsx keys the scope by the workshop, so closing or switching drops the whole cache).
 *
 *   const forests = useRead('forests.summaries', {});     // cached: a tab switch shows it at once
 *   const write = useWrite();
 *   const saved = await write('forests.save', { forest }); // on success the reads it affects reload
 *   const refresh = useRefresh(); refresh();               // after an import: everything reloads
 *
 * Reads are cached until a write or an import makes them stale (a view not shown then asks again
 * when it is next shown); nothing refetches on focus, on a timer, or on remount of what is fresh. A view renders `data` when it is there and <ReadState> otherwise (loading, or
 * the error with Retry).
 */

/**
 * Which cached reads a write makes stale. A write not listed here makes every read of the scope
 * stale: the safe default for edits of the model (a forest, a domain, an import).
 */
const PLAN_PIECES = ['plan.forest', 'plan.task', 'plan.wave'] as const;
const STALE_AFTER: Partial<Record<Channel, readonly Channel[]>> = {
  'assumptions.set': ['assumptions.get', 'plan.get', ...PLAN_PIECES],
  // The plan view stores the plan.save answer itself (useCache), and the pieces of the plan it opened
  // (dates, waves) change with it; a plan change is a step of the undo history.
  'plan.save': ['edit.history', ...PLAN_PIECES],
  'report.exportPdf': ['report.options'],
  // Exports write files, never the workshop.
  'topology.exportSvg': [],
  'topology.exportPng': [],
  'workshop.forgetRecent': ['workshop.recent'],
};

/** A failed read: its AppError, as thrown from the query function. */
class ReadError extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
  }
}

const call = <C extends Channel>(channel: C, input: ChannelInput<C>) =>
  (api[channel] as (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>)(input);

function newClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Infinity,
        gcTime: Infinity,
        retry: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        // Data never goes stale by itself (staleTime), so a remount refetches only what a write or an
        // import invalidated while the view was not shown (invalidation refetches shown views only).
        refetchOnMount: true,
      },
    },
  });
}

/** Something a scope keeps for as long as it lives (a Web Worker), disposed when the scope ends. */
export interface ScopeResource {
  dispose(): void;
}

const ResourcesContext = createContext<Map<string, ScopeResource> | null>(null);

/** One cache; give it a `key` per workshop so that a new workshop starts with an empty one. */
export function DataScope({ children }: { children: ReactNode }) {
  const [client] = useState(newClient);
  const [resources] = useState(() => new Map<string, ScopeResource>());
  useEffect(() => () => resources.forEach((r) => r.dispose()), [resources]);
  return (
    <QueryClientProvider client={client}>
      <ResourcesContext.Provider value={resources}>{children}</ResourcesContext.Provider>
    </QueryClientProvider>
  );
}

/**
 * The scope's one `name` resource, created on first use: state that outlives a view (a tab switch)
 * but not the workshop. A disposed resource must start again when used (React runs cleanups twice in
 * development).
 */
export function useScopeResource<T extends ScopeResource>(name: string, create: () => T): T {
  const resources = useContext(ResourcesContext);
  if (!resources) throw new Error('useScopeResource outside a DataScope');
  let resource = resources.get(name);
  if (!resource) resources.set(name, (resource = create()));
  return resource as T;
}

export interface Read<T> {
  data: T | undefined;
  /** Set when the last attempt failed; `data` may still hold the answer before it. */
  error: AppError | null;
  /** No answer yet. */
  loading: boolean;
  /** Asks again now (the Retry of an error). */
  reload(): void;
}

export function useRead<C extends Channel>(channel: C, input: ChannelInput<C>): Read<ChannelOutput<C>> {
  const query = useQuery({
    queryKey: [channel, input],
    queryFn: async () => {
      const result = await call(channel, input);
      if (!result.ok) throw new ReadError(result.error);
      return result.value;
    },
  });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  const error = query.error instanceof ReadError ? query.error.error : query.error ? { code: 'internal', message: query.error.message } : null;
  return { data: query.data, error, loading: query.isPending, reload };
}

/** Several reads of one channel at once (the pages of a table a window shows); each is cached on its own. */
export function useReadMany<C extends Channel>(channel: C, inputs: readonly ChannelInput<C>[]): (ChannelOutput<C> | undefined)[] {
  const results = useQueries({
    queries: inputs.map((input) => ({
      queryKey: [channel, input],
      // Pages scrolled past are dropped after a minute: a 100,000-row table is not kept whole.
      gcTime: 60_000,
      queryFn: async () => {
        const result = await call(channel, input);
        if (!result.ok) throw new ReadError(result.error);
        return result.value;
      },
    })),
  });
  return results.map((r) => r.data);
}

/** Sends a write; when it succeeds, the reads it affects (STALE_AFTER) reload, the shown ones at once. */
export function useWrite() {
  const client = useQueryClient();
  return useCallback(
    async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> => {
      const result = await call(channel, input);
      if (result.ok) {
        const stale = STALE_AFTER[channel];
        if (stale === undefined) void client.invalidateQueries();
        else for (const read of stale) void client.invalidateQueries({ queryKey: [read] });
      }
      return result;
    },
    [client],
  );
}

/** Marks every read of the scope stale (after an import, which may change anything). */
export function useRefresh() {
  const client = useQueryClient();
  return useCallback(() => void client.invalidateQueries(), [client]);
}

/**
 * The cached answers themselves: `set` puts a known answer in, e.g. the plan a plan.save returned, so it
 * is not asked for again; `get` reads the latest without waiting for a render.
 */
export function useCache() {
  const client = useQueryClient();
  return useMemo(
    () => ({
      get: <C extends Channel>(channel: C, input: ChannelInput<C>) => client.getQueryData<ChannelOutput<C>>([channel, input]),
      set: <C extends Channel>(channel: C, input: ChannelInput<C>, value: ChannelOutput<C>) => void client.setQueryData([channel, input], value),
    }),
    [client],
  );
}
