import { loadStripe, type Stripe, type StripeElements } from '@stripe/stripe-js';
import { useEffect, useRef, useState } from 'react';
import { Button, FormError, Loading } from '../../shared/ui';

/** Stripe's Payment Element, mounted into a div; loaded only when the store uses Stripe. */
export function StripePayment({ publishableKey, clientSecret, onPaid }: { publishableKey: string; clientSecret: string; onPaid(): void }) {
  const mountRef = useRef<HTMLDivElement>(null);
  const [stripe, setStripe] = useState<Stripe | null>(null);
  const [elements, setElements] = useState<StripeElements | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    loadStripe(publishableKey)
      .then((s) => {
        if (!live || !s || !mountRef.current) {
          if (live && !s) setError('The card form could not be loaded. Please try again later.');
          return;
        }
        const els = s.elements({ clientSecret });
        els.create('payment').mount(mountRef.current);
        setStripe(s);
        setElements(els);
      })
      .catch(() => live && setError('The card form could not be loaded. Check your connection and try again.'));
    return () => {
      live = false;
    };
  }, [publishableKey, clientSecret]);

  const pay = async () => {
    if (!stripe || !elements) return;
    setBusy(true);
    setError(null);
    const result = await stripe.confirmPayment({ elements, redirect: 'if_required', confirmParams: { return_url: window.location.href } });
    setBusy(false);
    if (result.error) setError(result.error.message ?? 'The payment did not go through.');
    else onPaid();
  };

  return (
    <div className="space-y-3">
      {!elements && !error && <Loading label="Loading the card form…" />}
      <div ref={mountRef} />
      <FormError>{error}</FormError>
      <Button disabled={!elements || busy} onClick={() => void pay()}>
        {busy ? 'Paying…' : 'Pay now'}
      </Button>
    </div>
  );
}
