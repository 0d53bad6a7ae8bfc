import { useCallback, useEffect, useState } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import { useNotifier } from '../ui/notifications';
import { api } from './transport';

/**
 * Loads a channel's answer and reloads it on demand; errors go to the notifications. A stale answer
 * (the component moved on) is dropped.
 */
export function useQuery<C extends Channel>(channel: C, input: ChannelInput<C>) {
  const notifier = useNotifier();
  const [data, setData] = useState<ChannelOutput<C> | undefined>(undefined);
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(input);

  useEffect(() => {
    let live = true;
    const call = api[channel] as (input: unknown) => ReturnType<(typeof api)[C]>;
    void call(JSON.parse(key)).then((result) => {
      if (!live) return;
      if (result.ok) setData(result.value as ChannelOutput<C>);
      else notifier.error(result.error);
    });
    return () => {
      live = false;
    };
  }, [channel, key, generation, notifier]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, reload };
}
