import { Module } from '@nestjs/common';
import { OutboxDispatcher } from './outbox-dispatcher';

/** The worker's outbox dispatcher; capabilities register the kinds they handle. */
@Module({ providers: [OutboxDispatcher], exports: [OutboxDispatcher] })
export class OutboxModule {}
