import { Module } from '@nestjs/common';
import { ArchiveModule } from '../archive/archive.module';
import { TransitionRuntimeModule } from '../runtime';
import { SchemesModule } from '../schemes/schemes.module';
import { LetterEffects } from './letter-effects';
import { LettersService } from './letters.service';

/** Decision letters (vedtaksbrev): written with the decision; the case's routes list and serve them. */
@Module({
  imports: [SchemesModule, TransitionRuntimeModule, ArchiveModule],
  providers: [LettersService, LetterEffects],
  exports: [LettersService],
})
export class LettersModule {}
