import { Module } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository';
import { EffectRunner } from './effect-runner';
import { TransitionRunner } from './transition-runner';

/**
 * The transition runtime, the kernel's central mechanism: the transition runner, the effect runner
 * that features register their effect handlers with, and the audit trail each transition appends to.
 * Every role has it; it imports no feature.
 */
@Module({
  providers: [TransitionRunner, EffectRunner, AuditRepository],
  exports: [TransitionRunner, EffectRunner, AuditRepository],
})
export class TransitionRuntimeModule {}
