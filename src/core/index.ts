/**
 * The training core's public surface: everything the book, the worker and the command line use.
 * Nothing here touches the DOM, so the same module runs in Node, a Worker and the page.
 */
export * from './backend';
export * from './errors';
export * from './model';
export * from './losses';
export * from './gramian';
export * from './random';
export * from './optimiser-config';
export * from './strategies';
export * from './trainer/batch';
export { activate, backboneForward, forwardOutputs, headForward, replicaForward } from './trainer/forward';
export { perTaskGradients, type PendingStep, type PerTaskGradients } from './trainer/fused-step';
export { createNetworkOptimiser, type NetworkOptimiser } from './trainer/optimiser';
export * from './trainer/metrics';
export * from './trainer/trainer';
export * from './scenario';
export * from './data';
