import { Module } from '@nestjs/common';
import { InterimReportsController } from './interim-reports.controller';
import { InterimReportsModule } from './interim-reports.module';

/** Interim reports over HTTP: the applicant saves and sends, the case officer approves or returns. */
@Module({ imports: [InterimReportsModule], controllers: [InterimReportsController] })
export class InterimReportsApiModule {}
