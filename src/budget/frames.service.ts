import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, decodeCursor, DomainError, encodeCursor, notFound, visibleOrNotFound } from '@lib/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { describeState, type StoredLifecycle } from '@lib/engine';
import { Application } from '../applications/application.entity';
import { SchemeRegistry } from '../schemes/scheme-registry';
import {
  AllocationDto,
  AlertDto,
  CreateFrameDto,
  DirectAllocationDto,
  EntryPageDto,
  EntryQuery,
  FrameDto,
  GrantMoneyDto,
  RebuildDto,
  ReallocationDto,
} from './budget.dto';
import { BudgetFrame } from './budget-frame.entity';
import { FrameAlert } from './frame-alert.entity';
import { LedgerEntry } from './ledger-entry.entity';
import { Balances, LedgerService } from './ledger.service';

type Staff = Extract<Actor, { kind: 'staff' }>;

const ownership = (f: BudgetFrame) => ({ countyId: f.countyId });

const toDto = (f: BudgetFrame): FrameDto => ({
  id: f.id,
  schemeId: f.schemeId,
  year: f.year,
  name: f.name,
  currency: f.currency,
  status: f.status,
  allocated: f.allocated,
  committed: f.committed,
  disbursed: f.disbursed,
  available: f.allocated - f.committed - f.disbursed,
});

/** Finance's view of and commands on the county's frames; the money itself moves in `LedgerService`. */
@Injectable()
export class FramesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
    private readonly schemes: SchemeRegistry,
  ) {}

  async list(actor: Staff): Promise<FrameDto[]> {
    const frames = await this.dataSource.manager.find(BudgetFrame, {
      where: { countyId: actor.countyId },
      order: { year: 'DESC', schemeId: 'ASC', name: 'ASC' },
    });
    return frames.map(toDto);
  }

  async get(actor: Staff, id: string): Promise<FrameDto> {
    return toDto(await this.visible(this.dataSource.manager, actor, id));
  }

  async create(actor: Staff, dto: CreateFrameDto): Promise<FrameDto> {
    const frame = await this.dataSource.manager.save(
      this.dataSource.manager.create(BudgetFrame, {
        countyId: actor.countyId,
        schemeId: dto.schemeId,
        year: dto.year,
        name: dto.name.trim(),
        currency: dto.currency ?? 'NOK',
        status: 'open',
      }),
    );
    return toDto(frame);
  }

  async setStatus(actor: Staff, id: string, status: 'open' | 'closed'): Promise<FrameDto> {
    return this.dataSource.transaction(async (tx) => {
      const frame = await this.visible(tx, actor, id);
      frame.status = status;
      return toDto(await tx.save(frame));
    });
  }

  async allocate(actor: Staff, id: string, dto: AllocationDto): Promise<FrameDto> {
    return this.inFrame(actor, id, (tx) =>
      this.ledger.allocate(tx, {
        frameId: id,
        kind: dto.kind,
        amount: dto.amount,
        caseReference: dto.caseReference,
        actorUserId: actor.userId,
        reason: dto.reason,
      }),
    );
  }

  async reallocate(
    actor: Staff,
    id: string,
    dto: ReallocationDto,
  ): Promise<{ from: FrameDto; to: FrameDto }> {
    return this.dataSource.transaction(async (tx) => {
      await this.visible(tx, actor, id);
      await this.visible(tx, actor, dto.toFrameId);
      await this.ledger.reallocate(tx, {
        fromFrameId: id,
        toFrameId: dto.toFrameId,
        amount: dto.amount,
        caseReference: dto.caseReference,
        actorUserId: actor.userId,
        reason: dto.reason,
      });
      return {
        from: toDto(await tx.findOneByOrFail(BudgetFrame, { id })),
        to: toDto(await tx.findOneByOrFail(BudgetFrame, { id: dto.toFrameId })),
      };
    });
  }

  /** A commitment without an application: money straight to a named recipient by a recorded decision. */
  async directAllocation(
    actor: Staff,
    id: string,
    dto: DirectAllocationDto,
  ): Promise<FrameDto & { grantKey: string }> {
    const grantKey = `direct:${randomUUID()}`;
    const frame = await this.inFrame(actor, id, (tx) =>
      this.ledger.commit(tx, {
        frameId: id,
        grantKey,
        applicationId: null,
        recipient: dto.recipient,
        amount: dto.amount,
        caseReference: dto.decisionReference,
        actorUserId: actor.userId,
        reason: dto.reason,
      }),
    );
    return { ...frame, grantKey };
  }

  /** Pays out committed money of a grant that the lifecycle says is payable. */
  async disburse(actor: Staff, id: string, dto: GrantMoneyDto): Promise<FrameDto> {
    return this.inFrame(actor, id, async (tx) => {
      if (!dto.grantKey.startsWith('direct:')) {
        const application = await tx.findOneBy(Application, { id: dto.grantKey });
        if (!application || application.countyId !== actor.countyId) throw notFound('Grant');
        const scheme = this.schemes.forStored(application.schemeId);
        const { tags } = describeState(scheme.lifecycle, application.snapshot as unknown as StoredLifecycle);
        if (!tags.includes('payable')) {
          throw new DomainError(
            'conflict',
            'not_payable',
            `The grant cannot be paid while the application is ${application.state}`,
            {
              currentState: application.state,
            },
          );
        }
      }
      return this.ledger.disburse(tx, {
        frameId: id,
        grantKey: dto.grantKey,
        amount: dto.amount,
        actorUserId: actor.userId,
        reason: dto.reason,
      });
    });
  }

  async repay(actor: Staff, id: string, dto: GrantMoneyDto): Promise<FrameDto> {
    return this.inFrame(actor, id, (tx) =>
      this.ledger.repay(tx, {
        frameId: id,
        grantKey: dto.grantKey,
        amount: dto.amount,
        actorUserId: actor.userId,
        reason: dto.reason,
      }),
    );
  }

  async entries(actor: Staff, id: string, query: EntryQuery): Promise<EntryPageDto> {
    await this.visible(this.dataSource.manager, actor, id);
    const limit = query.limit ?? 100;
    const q = this.dataSource.manager.createQueryBuilder(LedgerEntry, 'e').where('e.frameId = :id', { id });
    if (query.kind) q.andWhere('e.kind = :kind', { kind: query.kind });
    if (query.after) {
      const [after] = decodeCursor<[string]>(query.after, 1);
      q.andWhere('e.id < :after', { after });
    }
    const rows = await q
      .orderBy('e.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((e) => ({
        id: e.id,
        kind: e.kind,
        direction: e.direction,
        amount: e.amount,
        currency: e.currency,
        movementId: e.movementId,
        grantKey: e.grantKey,
        applicationId: e.applicationId,
        caseReference: e.caseReference,
        reason: e.reason,
        actorUserId: e.actorUserId,
        createdAt: e.createdAt.toISOString(),
      })),
      nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null,
    };
  }

  async rebuild(actor: Staff, id: string): Promise<RebuildDto> {
    return this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      await this.visible(tx, actor, id);
      const running = await this.ledger.balances(tx, id);
      const rebuilt = await this.ledger.rebuild(tx, id);
      const consistent = (Object.keys(running) as Array<keyof Balances>).every(
        (k) => running[k] === rebuilt[k],
      );
      return { consistent, running, rebuilt };
    });
  }

  async alerts(actor: Staff, id: string): Promise<AlertDto[]> {
    await this.visible(this.dataSource.manager, actor, id);
    const alerts = await this.dataSource.manager.find(FrameAlert, {
      where: { frameId: id },
      order: { thresholdPercent: 'ASC' },
    });
    return alerts.map((a) => ({
      thresholdPercent: a.thresholdPercent,
      used: a.used,
      allocated: a.allocated,
      crossedAt: a.crossedAt.toISOString(),
    }));
  }

  private async visible(tx: EntityManager, actor: Staff, id: string): Promise<BudgetFrame> {
    return visibleOrNotFound(actor, await tx.findOneBy(BudgetFrame, { id }), ownership, 'Frame');
  }

  private async inFrame(
    actor: Staff,
    id: string,
    work: (tx: EntityManager) => Promise<unknown>,
  ): Promise<FrameDto> {
    return this.dataSource.transaction(async (tx) => {
      await this.visible(tx, actor, id);
      await work(tx);
      return toDto(await tx.findOneByOrFail(BudgetFrame, { id }));
    });
  }
}
