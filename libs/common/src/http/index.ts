export * from './problem';
export * from './problem.filter';
export * from './validation';
export * from './pagination';
export * from './request-id';
export * from './validate-payload';
export * from './dto-decorators';
export * from './input-guard';
