import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, DomainError } from '@lib/common';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '@lib/auth';
import type { IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { CreateStaffDto, StaffDto } from './staff.dto';
import { UserAccount } from './user.entity';

type StaffActor = Extract<Actor, { kind: 'staff' }>;

const toDto = (u: UserAccount): StaffDto => ({
  id: u.id,
  email: u.email,
  fullName: u.fullName,
  roles: u.roles,
  active: u.active,
});

/** A county's administrators manage that county's staff, and no other county's. */
@Injectable()
export class StaffService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly hasher: PasswordHasher,
  ) {}

  async list(actor: StaffActor): Promise<StaffDto[]> {
    const staff = await this.dataSource.manager.find(UserAccount, {
      where: { kind: 'staff', countyId: actor.countyId },
      order: { fullName: 'ASC', id: 'ASC' },
    });
    return staff.map(toDto);
  }

  async create(actor: StaffActor, dto: CreateStaffDto, key?: IdempotencyKey): Promise<StaffDto> {
    const email = dto.email.trim().toLowerCase();
    const passwordHash = await this.hasher.hash(dto.password);
    return this.idempotency.transaction(key, async (tx) => {
      if (await tx.existsBy(UserAccount, { email })) {
        throw new DomainError('conflict', 'email_taken', `A user with e-mail ${email} already exists`);
      }
      const user = await tx.save(
        tx.create(UserAccount, {
          email,
          fullName: dto.fullName.trim(),
          kind: 'staff',
          countyId: actor.countyId,
          roles: dto.roles,
          passwordHash,
        }),
      );
      return toDto(user);
    });
  }
}
