export * from './client';
export * from './otlp';
export * from './search';
export type * from './types';
