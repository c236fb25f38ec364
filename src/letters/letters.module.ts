import { Module } from '@nestjs/common';
import { SchemesModule } from '../schemes/schemes.module';
import { LettersService } from './letters.service';

/** Decision letters (vedtaksbrev): written with the decision; the case's routes list and serve them. */
@Module({
  imports: [SchemesModule],
  providers: [LettersService],
  exports: [LettersService],
})
export class LettersModule {}
