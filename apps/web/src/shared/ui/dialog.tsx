import { Dialog as RadixDialog } from 'radix-ui';
import { X } from 'lucide-react';
import type { ReactNode } from 'react';

type DialogProps = {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: string;
  description?: string;
  children: ReactNode;
};

/** A modal dialog with a title, focus trap, Escape to close and a labelled close button. */
export function Dialog({ open, onOpenChange, title, description, children }: DialogProps) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-stone-900/50" />
        <RadixDialog.Content
          className="fixed inset-x-2 top-[5vh] z-50 mx-auto max-h-[90vh] max-w-lg overflow-y-auto rounded-xl bg-white p-5 shadow-xl focus:outline-none"
        >
          <div className="mb-3 flex items-start justify-between gap-3">
            <RadixDialog.Title className="text-lg font-semibold text-stone-900">{title}</RadixDialog.Title>
            <RadixDialog.Close className="rounded-md p-1 text-stone-600 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-orange-600" aria-label="Close">
              <X aria-hidden="true" className="h-5 w-5" />
            </RadixDialog.Close>
          </div>
          {description ? (
            <RadixDialog.Description className="mb-3 text-sm text-stone-600">{description}</RadixDialog.Description>
          ) : (
            <RadixDialog.Description className="sr-only">{title}</RadixDialog.Description>
          )}
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
