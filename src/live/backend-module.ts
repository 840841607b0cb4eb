/**
 * The book's backend selection, answered by the training host: TensorFlow.js runs in the Worker, so
 * the backend the header badge reports is the one that trains. Shaped like the core's selectBackend
 * so the shell's TfProvider can load either.
 */
import { getLiveClient } from './client';
import type { LabBackendInfo } from './types';

/** The host reports a new backend after a loss; the badge follows it. */
export function onChange(listener: (info: LabBackendInfo) => void): () => void {
  const client = getLiveClient();
  // subscribeBackend replays the current backend at once; only a different one is news here.
  let last = client.backend();
  return client.subscribeBackend((info) => {
    if (info === last) return;
    last = info;
    listener(info);
  });
}

export async function selectBackend(): Promise<LabBackendInfo> {
  // The client starts its host with the page's request (page-request.ts); nothing to pass here.
  return getLiveClient().backendReady();
}
