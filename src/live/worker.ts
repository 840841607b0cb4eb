/// <reference lib="webworker" />
/** The module Worker that hosts the core, so training never runs on the page's main thread. */
import { createTrainingHost } from './host';
import type { FromHost, ToHost } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

// A MessageChannel turn is much shorter than setTimeout's clamped minimum delay.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();

const host = createTrainingHost({
  kind: 'worker',
  loadCore: () => import('./core-bridge').then((module) => module.coreBridge),
  post: (message: FromHost) => scope.postMessage(message),
  yieldTurn: () => new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  }),
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  now: () => performance.now(),
});

scope.onmessage = (event: MessageEvent<ToHost>) => host.receive(event.data);
