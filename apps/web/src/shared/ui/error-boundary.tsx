import { Component, type ErrorInfo, type ReactNode } from 'react';

type Props = { children: ReactNode; fallback?: (reset: () => void) => ReactNode };
type State = { error: Error | null };

/** Catches render errors so the customer never gets a blank page. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn('Page error', error, info.componentStack);
  }

  reset = (): void => this.setState({ error: null });

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    if (this.props.fallback) return this.props.fallback(this.reset);
    return (
      <div role="alert" className="mx-auto max-w-lg px-4 py-16 text-center">
        <h1 className="text-2xl font-semibold text-stone-900">Something went wrong</h1>
        <p className="mt-2 text-stone-700">This page hit a problem. Your cart is safe.</p>
        <div className="mt-6 flex justify-center gap-3">
          <button type="button" className="rounded-lg bg-orange-600 px-4 py-2 font-medium text-white" onClick={this.reset}>
            Try again
          </button>
          <a className="rounded-lg border border-stone-300 px-4 py-2 font-medium" href="/">
            Back to the menu
          </a>
        </div>
      </div>
    );
  }
}
