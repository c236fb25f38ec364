import { Module } from '@nestjs/common';
import { Clock } from '@lib/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CachedOrganisationRegister } from './cached-organisation-register';
import { HttpOrganisationRegister } from './http-organisation-register';
import { OfflineOrganisationRegister } from './offline-organisation-register';
import { ORGANISATION_REGISTER } from './register-unit';

/** The Brønnøysund register (Enhetsregisteret): over HTTP, or the bundled sample when offline. */
@Module({
  providers: [
    {
      provide: ORGANISATION_REGISTER,
      inject: [APP_CONFIG, Clock],
      useFactory: (config: AppConfig, clock: Clock) =>
        new CachedOrganisationRegister(
          config.register.mode === 'http'
            ? new HttpOrganisationRegister(config.register.url, config.register.timeoutMs)
            : new OfflineOrganisationRegister(),
          clock,
          config.register.cacheSeconds * 1000,
        ),
    },
  ],
  exports: [ORGANISATION_REGISTER],
})
export class RegisterModule {}
