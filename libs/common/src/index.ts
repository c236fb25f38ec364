export * from './errors';
export * from './http';
export * from './identity';
export * from './clock';
export * from './csv';
export * from './calendar';
export * from './money';
export * from './deep-freeze';
