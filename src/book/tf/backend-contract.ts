/**
 * The shape of the core's backend selection (src/core/backend.ts), restated here so the shell
 * compiles and runs whether or not that file exists yet.
 */

export interface BackendSelection {
  /** The backend TensorFlow.js now runs on. */
  readonly name: string;
  /** Backends tried before it, with the reason each was passed over. */
  readonly skipped: readonly { readonly name: string; readonly reason: string }[];
  /** Set when `forced` named a backend that could not start: a sentence for the reader. */
  readonly forcedUnavailable?: string;
}

export interface BackendModule {
  /** The host reads the page's request itself (live/page-request.ts), so this takes no options. */
  selectBackend(): Promise<BackendSelection>;
  /** Later changes of backend (a lost WebGPU device moves training elsewhere); returns an unsubscribe. */
  onChange?(listener: (selection: BackendSelection) => void): () => void;
}
