import { Module } from '@nestjs/common';
import { ArchiveModule } from '../archive/archive.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { LettersModule } from '../letters/letters.module';
import { TransitionRuntimeModule } from '../runtime';
import { SchemesModule } from '../schemes/schemes.module';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';
import { CaseNotesService } from './case-notes.service';
import { ImpartialityService } from './impartiality.service';
import { CallEligibilityController } from './call-eligibility.controller';

@Module({
  imports: [TransitionRuntimeModule, SchemesModule, IdempotencyModule, LettersModule, ArchiveModule],
  controllers: [ApplicationsController, CallEligibilityController],
  providers: [ApplicationsService, CaseNotesService, ImpartialityService],
  exports: [ApplicationsService],
})
export class ApplicationsModule {}
