/**
 * The book's backend selection, answered by the training host: TensorFlow.js runs in the Worker, so
 * the backend the header badge reports is the one that trains. Shaped like the core's selectBackend
 * so the shell's TfProvider can load either.
 */
import { getLiveClient } from './client';
import type { LabBackendInfo } from './types';

export async function selectBackend(): Promise<LabBackendInfo> {
  // The host reads `?backend=` and the wasm folder from the page itself (client.optionsFromPage).
  return getLiveClient().backendReady();
}
