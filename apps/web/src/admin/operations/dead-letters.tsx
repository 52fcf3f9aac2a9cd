import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../shared/api/errors';
import { replayDeadLetters, type DeadLetterService } from '../api/admin-client';
import { Button } from '../ui';

/** Replays one dead letter (or all of a service's when `id` is left out) and says what happened. */
export function ReplayButton({ service, id, onResult }: { service: DeadLetterService; id?: string; onResult(message: string): void }) {
  const queryClient = useQueryClient();
  const replay = useMutation({
    mutationFn: async () => {
      const res = await replayDeadLetters(service, id);
      if (res.error || !res.data) throw res.error ?? new Error('Nothing was replayed.');
      return res.data;
    },
    onSuccess: async (data) => {
      const count = data.replayed;
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
