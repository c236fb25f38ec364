export * from './audit-chain';
export * from './audit-trail';
export * from './canonical-json';
export * from './hash-chained-record.entity';
