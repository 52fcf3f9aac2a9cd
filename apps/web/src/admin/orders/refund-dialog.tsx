import { useMutation, useQueryClient } from '@tanstack/react-query';
import { RadioGroup } from 'radix-ui';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { errorMessage } from '../../shared/api/errors';
import { formatMoney } from '../../shared/format/money';
import { adminApi, type AdminOrder, type RefundRequest } from '../api/admin-client';
import { adminKeys } from '../api/hooks';
import { Button, Dialog, FormError, TextAreaField } from '../ui';
import { orderPaymentKey, useOrderPayment } from './order-payment';
import { amountForLines, refundable, refundableQuantity, refundedQuantity, refundLinesBody, refundProblem, type LineChoice } from './refund-lines';

type Props = { order: AdminOrder; open: boolean; onOpenChange(open: boolean): void; onDone(message: string): void };

function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
}

/** Refund in one step: the whole order, or chosen lines with the amount worked out, and a reason. */
export function RefundDialog({ order, open, onOpenChange, onDone }: Props) {
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<'all' | 'lines'>('all');
  const [chosen, setChosen] = useState<LineChoice>({});
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // One key per attempt: a double click or a retry after a lost answer refunds once.
  const [idempotencyKey, setKey] = useState(newKey);

  useEffect(() => {
    if (open) {
      setMode('all');
      setChosen({});
      setReason('');
      setProblem(null);
      setKey(newKey());
    }
  }, [open]);

  // Payments knows how much of each line earlier line refunds gave back: a line is offered only up to what is left.
  const paymentLines = useOrderPayment(order.id).data?.lines;
  const remaining = refundable(order);
  const amount = useMemo(() => (mode === 'all' ? remaining : amountForLines(order, chosen, paymentLines)), [mode, remaining, order, chosen, paymentLines]);

  const refund = useMutation({
    mutationFn: async (body: RefundRequest) => {
      const result = await adminApi.POST('/api/admin/orders/{id}/refund', {
        params: { path: { id: order.id }, header: { 'Idempotency-Key': idempotencyKey } },
        body,
      });
      if (result.error || !result.data) throw result.error ?? new Error('The refund was not accepted.');
      return result.data;
    },
    onSuccess: async (data) => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.order(order.id) });
      await queryClient.invalidateQueries({ queryKey: orderPaymentKey(order.id) });
      onDone(`Refund of ${formatMoney(data.amount)} ${data.status === 'succeeded' ? 'succeeded' : `is ${data.status}`}.`);
      onOpenChange(false);
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const found = refundProblem({ mode, amount, reason, remaining });
    setProblem(found);
    if (found) return;
    let body: RefundRequest = { reason: reason.trim() };
    if (mode === 'lines') {
      const lines = refundLinesBody(order, chosen);
      body = lines ? { ...body, lines } : { ...body, amount: amount.amount };
    }
    refund.mutate(body);
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Refund" description={`Still refundable: ${formatMoney(remaining)} of ${formatMoney(order.total)}.`}>
      <form onSubmit={submit} noValidate className="space-y-4">
        <fieldset>
          <legend className="mb-2 text-sm font-medium">What to refund</legend>
          <RadioGroup.Root value={mode} onValueChange={(v) => setMode(v as 'all' | 'lines')} className="flex flex-wrap gap-2" aria-label="What to refund">
            {(
              [
                ['all', 'Whole order'],
                ['lines', 'Chosen items'],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-stone-300 px-3 has-[[data-state=checked]]:border-orange-700 has-[[data-state=checked]]:bg-orange-50">
                <RadioGroup.Item value={value} className="h-5 w-5 rounded-full border-2 border-stone-500 data-[state=checked]:border-orange-700">
                  <RadioGroup.Indicator className="flex items-center justify-center after:block after:h-2.5 after:w-2.5 after:rounded-full after:bg-orange-700" />
                </RadioGroup.Item>
                {label}
              </label>
            ))}
          </RadioGroup.Root>
        </fieldset>

        {mode === 'lines' && (
          <ul className="space-y-2">
            {order.lines.map((line, index) => {
              const max = refundableQuantity(line, paymentLines);
              const refunded = refundedQuantity(line, paymentLines);
              const id = `refund-line-${index}`;
              const details = (
                <>
                  <span className="font-medium">{line.name}</span>
                  {line.modifiers.length > 0 && <span className="block text-sm text-stone-600">{line.modifiers.map((m) => m.name).join(', ')}</span>}
                </>
              );
              // A line refunded in full is shown, not offered.
              if (max === 0) {
                return (
                  <li key={line.id} className="flex items-center justify-between gap-3 rounded-lg border border-stone-200 bg-stone-50 p-2">
                    <span className="flex-1">
                      {details}
                      <span className="block text-sm text-stone-600">{refunded > 0 ? `All ${line.quantity} refunded` : 'Nothing left to refund'}</span>
                    </span>
                  </li>
                );
              }
              return (
                <li key={line.id} className="flex items-center justify-between gap-3 rounded-lg border border-stone-200 p-2">
                  <label htmlFor={id} className="flex-1">
                    {details}
                    <span className="block text-sm text-stone-600">
                      {formatMoney(line.unitPrice)} each · {max} of {line.quantity} refundable{refunded > 0 ? ` (${refunded} refunded)` : ''}
                    </span>
                  </label>
                  <input
                    id={id}
                    type="number"
                    min={0}
                    max={max}
                    step={1}
                    inputMode="numeric"
                    aria-label={`Quantity of ${line.name} to refund`}
                    className="min-h-11 w-20 rounded-lg border border-stone-300 px-2 text-right"
                    value={chosen[index] ?? 0}
                    onChange={(e) => {
                      const n = Math.max(0, Math.min(max, Math.floor(Number(e.target.value) || 0)));
                      setChosen((c) => ({ ...c, [index]: n }));
                    }}
                  />
                </li>
              );
            })}
          </ul>
        )}

        <p className="rounded-lg bg-stone-100 px-3 py-2 text-lg">
          Amount to refund: <strong className="tabular-nums">{formatMoney(amount)}</strong>
        </p>
        <TextAreaField label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. pizza arrived cold" required />
        <FormError>{problem ?? (refund.error ? errorMessage(refund.error, 'The refund could not be made. Nothing was charged back; try again.') : null)}</FormError>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={refund.isPending}>
            {refund.isPending ? 'Refunding…' : `Refund ${formatMoney(amount)}`}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
