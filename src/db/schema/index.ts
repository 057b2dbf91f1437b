export * from './accounts.ts';
export * from './alerts.ts';
export * from './email.ts';
export * from './moderation.ts';
export * from './opportunities.ts';
export * from './resources.ts';
export * from './search.ts';
export * from './parity.ts';
