/**
 * The training core's public API. Everything here runs unchanged in Node, a Worker and the page;
 * the caller picks a tfjs backend first ({@link selectBackend}).
 */
export * from './backend';
export * from './data';
export * from './errors';
export * from './gramian';
export * from './losses';
export * from './model';
export * from './optimiser-config';
export * from './random';
export * from './scenario';
export * from './strategies';
export * from './temporal';
export * from './trainer';
