import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../shared/api/client';
import { errorMessage } from '../../shared/api/errors';
import { adminApi, type AdminOrder } from '../api/admin-client';
import { adminKeys } from '../api/hooks';
import { FORWARD, shortId } from '../board/board-state';
import { Button, Dialog, FormError, TextAreaField } from '../ui';
import { RefundDialog } from './refund-dialog';
import { refundable } from './refund-lines';

const CANCELLABLE = ['PENDING', 'AWAITING_PAYMENT', 'CONFIRMED'];
const PAID = ['CONFIRMED', 'PREPARING', 'READY', 'COMPLETED', 'NEEDS_ATTENTION', 'CANCELLED'];

/** The actions that apply to an order in its status: move it on, refund, cancel, settle a flagged one. */
export function OrderActions({ order, onResult }: { order: AdminOrder; onResult(message: string): void }) {
  const queryClient = useQueryClient();
  const [refundOpen, setRefundOpen] = useState(false);
  const [cancelOpen, setCancelOpen] = useState(false);
  const label = shortId(order.id);
  const invalidate = async () => {
    await queryClient.invalidateQueries({ queryKey: adminKeys.order(order.id) });
    await queryClient.invalidateQueries({ queryKey: ['admin', 'orders'] });
  };

  const setStatus = useMutation({
    mutationFn: async (input: { status: 'PREPARING' | 'READY' | 'COMPLETED' | 'CANCELLED'; reason?: string }) => {
      const result = await adminApi.POST('/api/admin/orders/{id}/status', { params: { path: { id: order.id } }, body: input });
      if (result.error || !result.data) throw result.error ?? new Error('The order did not change.');
      return result.data;
    },
    onSuccess: async (data) => {
      await invalidate();
      onResult(`Order ${label} is now ${data.status.toLowerCase().replace('_', ' ')}.`);
    },
    onError: (e) => onResult(`Order ${label} did not change: ${errorMessage(e)}`),
  });

  const cancel = useMutation({
    mutationFn: async (reason: string) => {
      if (order.status === 'NEEDS_ATTENTION') {
        const result = await adminApi.POST('/api/admin/orders/{id}/status', { params: { path: { id: order.id } }, body: { status: 'CANCELLED', reason } });
        if (result.error || !result.data) throw result.error ?? new Error('The order was not cancelled.');
        return;
      }
      const result = await api.POST('/api/orders/{id}/cancel', { params: { path: { id: order.id } }, body: { reason } });
      if (result.error) throw result.error;
    },
    onSuccess: async () => {
      setCancelOpen(false);
      await invalidate();
      onResult(`Order ${label} was cancelled.`);
    },
  });

  const forward = FORWARD[order.status];
  const canRefund = PAID.includes(order.status) && refundable(order).amount > 0 && Boolean(order.paymentIntentId ?? true);
  const canCancel = CANCELLABLE.includes(order.status) || order.status === 'NEEDS_ATTENTION';

  return (
    <div className="flex flex-wrap gap-2">
      {forward && (
        <Button onClick={() => setStatus.mutate({ status: forward.to as 'PREPARING' | 'READY' | 'COMPLETED' })} disabled={setStatus.isPending}>
          {forward.verb}
          <span className="sr-only"> order {label}</span>
        </Button>
      )}
      {order.status === 'NEEDS_ATTENTION' && (
        <Button onClick={() => setStatus.mutate({ status: 'COMPLETED', reason: 'resolved by staff' })} disabled={setStatus.isPending}>
          Mark resolved<span className="sr-only"> order {label}</span>
        </Button>
      )}
      {canRefund && (
        <Button variant="secondary" onClick={() => setRefundOpen(true)}>
          Refund<span className="sr-only"> order {label}</span>
        </Button>
      )}
      {canCancel && (
        <Button variant="secondary" className="border-red-300 text-red-800" onClick={() => setCancelOpen(true)}>
          Cancel order<span className="sr-only"> {label}</span>
        </Button>
      )}
      <RefundDialog order={order} open={refundOpen} onOpenChange={setRefundOpen} onDone={onResult} />
      <CancelDialog
        open={cancelOpen}
        onOpenChange={setCancelOpen}
        label={label}
        pending={cancel.isPending}
        error={cancel.error ? errorMessage(cancel.error, 'The order could not be cancelled.') : null}
        onConfirm={(reason) => cancel.mutate(reason)}
      />
    </div>
  );
}

function CancelDialog(props: { open: boolean; onOpenChange(o: boolean): void; label: string; pending: boolean; error: string | null; onConfirm(reason: string): void }) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) return setProblem('Give a reason for cancelling.');
    setProblem(null);
    props.onConfirm(reason.trim());
  }
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange} title={`Cancel order ${props.label}`} description="A paid order is refunded in full when it is cancelled.">
      <form onSubmit={submit} noValidate className="space-y-3">
        <TextAreaField label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        <FormError>{problem ?? props.error}</FormError>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => props.onOpenChange(false)}>
            Keep the order
          </Button>
          <Button type="submit" variant="danger" disabled={props.pending}>
            {props.pending ? 'Cancelling…' : 'Cancel the order'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
