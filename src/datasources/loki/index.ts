export * from './client';
export * from './parse';
export * from './tail';
export type * from './types';
