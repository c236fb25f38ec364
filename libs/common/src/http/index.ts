export * from './problem';
export * from './problem.filter';
export * from './validation';
export * from './pagination';
