export * from './actor';
export * from './organisation-number';
export * from './access';
export * from './organisation-form';
