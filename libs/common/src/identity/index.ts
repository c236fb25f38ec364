export * from './actor';
export * from './organisation-number';
export * from './bank-account';
export * from './access';
export * from './organisation-form';
