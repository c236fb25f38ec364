import { Global, Module } from '@nestjs/common';
import { SchemeRegistry } from './scheme-registry';

/** The registered funding schemes, checked when the module is built (a broken set stops start-up). */
@Global()
@Module({
  providers: [{ provide: SchemeRegistry, useFactory: () => new SchemeRegistry() }],
  exports: [SchemeRegistry],
})
export class SchemesModule {}
