import { Module } from '@nestjs/common';
import { CallsAdminController, CallsController } from './calls.controller';
import { CallsService } from './calls.service';

/** Calls (utlysninger): public listing, and the admins' drafts and publication. */
@Module({ controllers: [CallsController, CallsAdminController], providers: [CallsService] })
export class CallsModule {}
