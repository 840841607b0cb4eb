/**
 * Keeps a failing widget inside its own box: the reader sees what broke and can retry, and the
 * rest of the chapter keeps working.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  readonly name: string;
  readonly children: ReactNode;
  /** Told once per failure, e.g. to mark the figure for tests and print. */
  readonly onError?: () => void;
}

interface State {
  readonly error: Error | null;
}

export class WidgetErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Keep the stack for whoever opens the console; the box shows the short message.
    console.error(`Widget ${this.props.name} failed`, error, info.componentStack);
    this.props.onError?.();
  }

  private readonly retry = () => this.setState({ error: null });

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="widget-error" role="alert">
        <p>
          <strong>This figure ({this.props.name}) stopped working.</strong> The rest of the page is unaffected.
        </p>
        <p className="widget-error__message">{error.message}</p>
        <button type="button" onClick={this.retry}>
          Try again
        </button>
      </div>
    );
  }
}
