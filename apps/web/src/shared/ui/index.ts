export { Button, buttonVariants, type ButtonProps } from './button';
export { cn } from './cn';
export { Dialog } from './dialog';
export { ErrorBoundary } from './error-boundary';
export { Field, FormError, TextAreaField } from './field';
export { Empty, ErrorState, Loading } from './states';
