import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../shared/api/errors';
import { adminApi } from '../api/admin-client';
import { Button } from '../ui';

/** The services that keep dead letters (consumers that gave up on a message). */
export const DEAD_LETTER_SERVICES = ['orders', 'payments', 'inventory', 'users', 'reviews'] as const;

/** Replays one dead letter (or all of a service's when `id` is left out) and says what happened. */
export function ReplayButton({ service, id, onResult }: { service: string; id?: string; onResult(message: string): void }) {
  const queryClient = useQueryClient();
  const replay = useMutation({
    mutationFn: async () => {
      const res = await adminApi.POST('/api/admin/dead-letters/{service}/replay', { params: { path: { service } }, body: id ? { id } : {} });
      if (res.error || !res.data) throw res.error ?? new Error('Nothing was replayed.');
      return res.data;
    },
    onSuccess: async (data) => {
      const count = typeof data.replayed === 'number' ? data.replayed : 1;
      onResult(`Replayed ${count} ${count === 1 ? 'message' : 'messages'} in ${service}.`);
      await queryClient.invalidateQueries({ queryKey: ['admin', 'dead-letters'] });
      await queryClient.invalidateQueries({ queryKey: ['admin', 'orders'] });
    },
    onError: (e) => onResult(`Replay in ${service} failed: ${errorMessage(e)}`),
  });
  return (
    <Button variant="secondary" size="sm" className="mt-1" onClick={() => replay.mutate()} disabled={replay.isPending}>
      {replay.isPending ? 'Replaying…' : id ? 'Replay' : 'Replay all'}
      <span className="sr-only"> {id ? `message ${id}` : `dead letters of ${service}`}</span>
    </Button>
  );
}
