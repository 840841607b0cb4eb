/**
 * What the shell asks of the module that selects the backend (src/live/backend-module.ts, which the
 * training host answers). Typed here, not imported, because the shell loads that module lazily and
 * its tests hand TfSession a fake one without TensorFlow.js.
 */

export interface BackendSelection {
  /** The backend TensorFlow.js now runs on. */
  readonly name: string;
  /** Backends tried before it, with the reason each was passed over. */
  readonly skipped: readonly { readonly name: string; readonly reason: string }[];
  /** Set when `forced` named a backend that could not start: a sentence for the reader. */
  readonly forcedUnavailable?: string;
  /** Steps/s of the toy training step measured on each backend tried, the chosen one among them. */
  readonly speeds?: readonly { readonly name: string; readonly stepsPerSecond: number }[];
}

export interface BackendModule {
  /** The host reads the page's request itself (live/page-request.ts), so this takes no options. */
  selectBackend(): Promise<BackendSelection>;
  /** Later changes of backend (a lost WebGPU device moves training elsewhere); returns an unsubscribe. */
  onChange?(listener: (selection: BackendSelection) => void): () => void;
}
