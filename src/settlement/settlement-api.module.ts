import { Module } from '@nestjs/common';
import { RepaymentClaimsController } from './repayment-claims.controller';
import { SettlementModule } from './settlement.module';

/** Finance's repayment claims over HTTP. */
@Module({ imports: [SettlementModule], controllers: [RepaymentClaimsController] })
export class SettlementApiModule {}
