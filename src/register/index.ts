export * from './register-unit';
export { HttpOrganisationRegister } from './http-organisation-register';
export { OfflineOrganisationRegister } from './offline-organisation-register';
export { RegisterModule } from './register.module';
