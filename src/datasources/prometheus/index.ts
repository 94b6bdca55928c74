export * from './client';
export * from './parse';
export type * from './types';
