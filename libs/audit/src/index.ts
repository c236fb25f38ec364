export * from './audit-chain';
export * from './canonical-json';
