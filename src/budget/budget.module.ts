import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { FramesController } from './frames.controller';
import { FramesService } from './frames.service';
import { LedgerService } from './ledger.service';
import { MoneyEffects } from './money-effects';

/** Budget frames and the ledger; takes over the lifecycle's money effects. */
@Module({
  imports: [ApplicationsModule],
  controllers: [FramesController],
  providers: [LedgerService, FramesService, MoneyEffects],
  exports: [LedgerService],
})
export class BudgetModule {}
