export * from './cmapss-table';
export * from './health';
export * from './sensors';
export * from './targets';
export * from './synthetic-fleet';
export * from './toy-dataset';
