import { forwardRef } from 'react';
import { Button as SharedButton, cn, type ButtonProps } from '../shared/ui';

export { cn, Dialog, Empty, ErrorBoundary, ErrorState, Field, FormError, Loading, TextAreaField } from '../shared/ui';

/**
 * The shared button with a darker primary: white on orange-600 is 3.3:1, under WCAG AA's 4.5:1
 * (axe flags it), and the dashboard must be axe-clean.
 */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button({ className, variant, ...props }, ref) {
  return (
    <SharedButton
      ref={ref}
      variant={variant}
      className={cn((variant ?? 'primary') === 'primary' && 'bg-orange-700 hover:bg-orange-800 disabled:hover:bg-orange-700', className)}
      {...props}
    />
  );
});
