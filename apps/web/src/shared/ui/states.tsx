import { AlertTriangle, Loader2 } from 'lucide-react';
import type { ReactNode } from 'react';
import { errorMessage } from '../api/errors';
import { Button } from './button';

/** A loading placeholder. Not a live region: pages keep role="status" for their own live state. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div aria-busy="true" className="flex items-center gap-2 py-8 text-stone-600">
      <Loader2 aria-hidden="true" className="h-5 w-5 animate-spin" />
      <span>{label}</span>
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-xl border border-dashed border-stone-300 px-4 py-8 text-center">
      <p className="font-medium text-stone-800">{title}</p>
      {children && <div className="mt-2 text-stone-600">{children}</div>}
    </div>
  );
}

export function ErrorState({ error, title = 'We could not load this.', onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  return (
    <div role="alert" className="rounded-xl border border-red-200 bg-red-50 px-4 py-4 text-red-900">
      <p className="flex items-center gap-2 font-medium">
        <AlertTriangle aria-hidden="true" className="h-5 w-5" /> {title}
      </p>
      <p className="mt-1 text-sm">{errorMessage(error)}</p>
      {onRetry && (
        <Button variant="secondary" size="sm" className="mt-3" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}
