export * from './norwegian-calendar';
