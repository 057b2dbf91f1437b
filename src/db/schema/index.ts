export * from './opportunities.ts';
export * from './search.ts';
