export * from './cmapss-table';
export * from './sensors';
export * from './targets';
export * from './synthetic-fleet';
export * from './toy-dataset';
