export * from './norwegian-calendar';
export * from './dates';
