import { Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from '@lib/common';

/** The one clock of the process; tests replace it with a `ManualClock`. */
@Global()
@Module({ providers: [{ provide: Clock, useClass: SystemClock }], exports: [Clock] })
export class ClockModule {}
