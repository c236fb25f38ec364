import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  assertVersion,
  Clock,
  DAY_MS,
  DomainError,
  notFound,
  STAFF_ROLES,
  type StaffRole,
} from '@lib/common';
import { DataSource, type EntityManager } from 'typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { PasswordHasher } from '@lib/auth';
import { AppConfig, InjectConfig } from '../config/app-config';
import { County } from '../counties/county.entity';
import type { IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { NotificationService } from '../notifications/notification.service';
import { StaffAuditRepository, type StaffAuditAction } from './staff-audit.repository';
import { StaffInvitation } from './staff-invitation.entity';
import {
  AcceptedInvitationDto,
  AcceptInvitationDto,
  ChangeStaffRolesDto,
  CreateStaffDto,
  InviteStaffDto,
  StaffDto,
  StaffVersionDto,
} from './staff.dto';
import { UserAccount } from './user.entity';

type StaffActor = Extract<Actor, { kind: 'staff' }>;

/** How long an invitation link works. */
export const INVITATION_TTL_DAYS = 7;
const INVITATION_TTL_MS = INVITATION_TTL_DAYS * DAY_MS;

/** The web app's page that takes an invitation's token (web/src/lib/paths.ts, INVITATION_ROUTE). */
export const invitationUrl = (publicUrl: string, token: string) =>
  `${publicUrl.replace(/\/+$/, '')}/invitasjon/${encodeURIComponent(token)}`;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The roles in the words of the invitation e-mail (bokmål). */
const ROLE_WORDS: Record<StaffRole, string> = {
  case_officer: 'saksbehandler',
  approver: 'godkjenner',
  finance: 'økonomimedarbeider',
  admin: 'administrator',
};
const inWords = (roles: readonly StaffRole[]) => {
  const words = roles.map((r) => ROLE_WORDS[r]);
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} og ${words.at(-1)}` : (words[0] ?? '');
};

const OSLO_DATE_TIME = new Intl.DateTimeFormat('nb-NO', {
  timeZone: 'Europe/Oslo',
  dateStyle: 'short',
  timeStyle: 'short',
});

interface StaffRow {
  id: string;
  email: string;
  full_name: string;
  roles: StaffRole[];
  active: boolean;
  version: number;
  has_password: boolean;
  invitation_expires_at: Date | null;
  last_action: string | null;
  last_at: Date | null;
  last_by: string | null;
}

const STAFF_QUERY = `
  SELECT u.id, u.email, u.full_name, u.roles, u.active, u.version,
         (u.password_hash IS NOT NULL) AS has_password,
         inv.expires_at AS invitation_expires_at,
         last.action AS last_action, last.occurred_at AS last_at, actor.full_name AS last_by
    FROM user_account u
    LEFT JOIN LATERAL (
      SELECT i.expires_at FROM staff_invitation i
       WHERE i.user_id = u.id AND i.used_at IS NULL AND i.expires_at > $2
       ORDER BY i.expires_at DESC LIMIT 1) inv ON true
    LEFT JOIN LATERAL (
      SELECT a.action, a.occurred_at, a.actor_user_id FROM staff_audit_record a
       WHERE a.user_id = u.id ORDER BY a.seq DESC LIMIT 1) last ON true
    LEFT JOIN user_account actor ON actor.id = last.actor_user_id
   WHERE u.kind = 'staff' AND u.county_id = $1`;

const toDto = (r: StaffRow): StaffDto => ({
  id: r.id,
  email: r.email,
  fullName: r.full_name,
  roles: r.roles,
  active: r.active,
  version: r.version,
  invitationPending: !r.has_password,
  invitationExpiresAt: r.invitation_expires_at ? new Date(r.invitation_expires_at).toISOString() : null,
  lastChange:
    r.last_action && r.last_at
      ? { action: r.last_action, at: new Date(r.last_at).toISOString(), byName: r.last_by }
      : null,
});

/**
 * A county's administrators manage that county's staff, and no other county's: invite them (they
 * choose their own password from a link in an e-mail), change their roles, deactivate and reactivate
 * them. Every change is written to the user's audit trail in the same transaction.
 */
@Injectable()
export class StaffService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly hasher: PasswordHasher,
    private readonly audit: StaffAuditRepository,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async list(actor: StaffActor): Promise<StaffDto[]> {
    const rows: StaffRow[] = await this.dataSource.query(`${STAFF_QUERY} ORDER BY u.full_name, u.id`, [
      actor.countyId,
      this.clock.now(),
    ]);
    return rows.map(toDto);
  }

  /** Creates a staff user with a password the administrator chose (an API client's way). */
  async create(actor: StaffActor, dto: CreateStaffDto, key?: IdempotencyKey): Promise<StaffDto> {
    const passwordHash = await this.hasher.hash(dto.password);
    return this.idempotency.transaction(key, async (tx) => {
      const user = await this.insert(tx, actor, dto, passwordHash);
      await this.record(tx, actor, user.id, 'created', {
        email: user.email,
        fullName: user.fullName,
        roles: user.roles,
      });
      return this.one(tx, actor, user.id);
    });
  }

  /**
   * Creates a staff user without a usable password and e-mails them a single-use link, valid for
   * a week, to choose one. Only a hash of the link's token is stored.
   */
  async invite(actor: StaffActor, dto: InviteStaffDto, key?: IdempotencyKey): Promise<StaffDto> {
    return this.idempotency.transaction(key, async (tx) => {
      const user = await this.insert(tx, actor, dto, null);
      const expiresAt = await this.sendInvitation(tx, actor, user);
      await this.record(tx, actor, user.id, 'invited', {
        email: user.email,
        fullName: user.fullName,
        roles: user.roles,
        invitationExpiresAt: expiresAt.toISOString(),
      });
      return this.one(tx, actor, user.id);
    });
  }

  /**
   * Sends a staff user who has not chosen a password yet a new invitation link (the old one expired
   * or was lost); any earlier link stops working.
   */
  async reinvite(
    actor: StaffActor,
    id: string,
    dto: StaffVersionDto,
    key?: IdempotencyKey,
  ): Promise<StaffDto> {
    return this.idempotency.transaction(key, async (tx) => {
      const user = await this.locked(tx, actor, id);
      assertVersion('staff user', user.version, dto.version);
      const { hasPassword } = await tx
        .createQueryBuilder(UserAccount, 'u')
        .select('u.password_hash IS NOT NULL', 'hasPassword')
        .where('u.id = :id', { id })
        .getRawOne<{ hasPassword: boolean }>()
        .then((row) => row ?? { hasPassword: false });
      if (hasPassword || !user.active) {
        throw new DomainError(
          'conflict',
          'not_invitable',
          hasPassword
            ? 'The staff user has chosen a password already'
            : 'The staff user is deactivated: reactivate them first',
        );
      }
      const now = this.clock.now();
      await tx
        .createQueryBuilder()
        .update(StaffInvitation)
        .set({ expiresAt: now })
        .where('user_id = :id AND used_at IS NULL AND expires_at > :now', { id, now })
        .execute();
      const expiresAt = await this.sendInvitation(tx, actor, user);
      // Raises the version (an update does): a page from before the new link is refused as stale.
      await tx.update(UserAccount, { id }, { updatedAt: now });
      await this.record(tx, actor, user.id, 'reinvited', { invitationExpiresAt: expiresAt.toISOString() });
      return this.one(tx, actor, user.id);
    });
  }

  /** Sets a staff user's roles; an administrator cannot take away their own admin role. */
  async changeRoles(
    actor: StaffActor,
    id: string,
    dto: ChangeStaffRolesDto,
    key?: IdempotencyKey,
  ): Promise<StaffDto> {
    return this.idempotency.transaction(key, async (tx) => {
      const user = await this.locked(tx, actor, id);
      assertVersion('staff user', user.version, dto.version);
      if (user.id === actor.userId && !dto.roles.includes('admin')) {
        throw new DomainError(
          'unprocessable',
          'own_admin_role',
          'You cannot remove your own admin role; ask another administrator',
        );
      }
      const before = user.roles;
      user.roles = [...dto.roles].sort(byRoleOrder);
      await tx.save(user);
      await this.record(tx, actor, user.id, 'roles_changed', { roles: { from: before, to: user.roles } });
      return this.one(tx, actor, user.id);
    });
  }

  /** Deactivates a staff user: they cannot sign in, and their sessions stop working at once. */
  deactivate(actor: StaffActor, id: string, dto: StaffVersionDto, key?: IdempotencyKey): Promise<StaffDto> {
    return this.setActive(actor, id, dto, false, key);
  }

  reactivate(actor: StaffActor, id: string, dto: StaffVersionDto, key?: IdempotencyKey): Promise<StaffDto> {
    return this.setActive(actor, id, dto, true, key);
  }

  /** Sets the password with an invitation's token; the token works once and until it expires. */
  async acceptInvitation(dto: AcceptInvitationDto): Promise<AcceptedInvitationDto> {
    const passwordHash = await this.hasher.hash(dto.password);
    return this.dataSource.transaction(async (tx) => {
      const invitation = await tx.findOne(StaffInvitation, {
        where: { tokenHash: hashToken(dto.token) },
        lock: { mode: 'pessimistic_write' },
      });
      const user =
        invitation &&
        (await tx.findOne(UserAccount, {
          where: { id: invitation.userId },
          lock: { mode: 'pessimistic_write' },
        }));
      if (!invitation || !user || !user.active) {
        throw new DomainError('not_found', 'invitation_not_found', 'This invitation link is not valid');
      }
      if (invitation.usedAt) {
        throw new DomainError(
          'conflict',
          'invitation_used',
          'This invitation link has been used already: sign in with your password',
        );
      }
      const now = this.clock.now();
      if (invitation.expiresAt.getTime() <= now.getTime()) {
        throw new DomainError(
          'conflict',
          'invitation_expired',
          'This invitation link has expired: ask your administrator for a new one',
        );
      }
      await tx.update(StaffInvitation, { id: invitation.id }, { usedAt: now });
      await tx.update(UserAccount, { id: user.id }, { passwordHash });
      await this.audit.append(tx, {
        userId: user.id,
        actorUserId: user.id,
        action: 'password_set',
        changes: { invitation: true },
        occurredAt: now.toISOString(),
      });
      return { email: user.email };
    });
  }

  /** A new single-use token (only its hash kept) and the e-mail with its link; returns when it expires. */
  private async sendInvitation(tx: EntityManager, actor: StaffActor, user: UserAccount): Promise<Date> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.clock.now().getTime() + INVITATION_TTL_MS);
    await tx.insert(StaffInvitation, {
      userId: user.id,
      tokenHash: hashToken(token),
      invitedByUserId: actor.userId,
      expiresAt,
    });
    const county = await tx.findOneByOrFail(County, { id: actor.countyId });
    const admin = await tx.findOneByOrFail(UserAccount, { id: actor.userId });
    await this.notifications.notifyUser(tx, { id: user.id, email: user.email }, 'staff_invitation', {
      name: user.fullName,
      invitedBy: admin.fullName,
      county: county.name,
      roles: inWords(user.roles),
      link: invitationUrl(this.config.mail.publicUrl, token),
      expiresAt: OSLO_DATE_TIME.format(expiresAt),
    });
    return expiresAt;
  }

  private setActive(
    actor: StaffActor,
    id: string,
    dto: StaffVersionDto,
    active: boolean,
    key?: IdempotencyKey,
  ): Promise<StaffDto> {
    return this.idempotency.transaction(key, async (tx) => {
      const user = await this.locked(tx, actor, id);
      assertVersion('staff user', user.version, dto.version);
      if (!active && user.id === actor.userId) {
        throw new DomainError(
          'unprocessable',
          'deactivate_self',
          'You cannot deactivate yourself; ask another administrator',
        );
      }
      if (user.active === active) {
        throw new DomainError(
          'conflict',
          active ? 'already_active' : 'already_deactivated',
          active ? 'The staff user is active already' : 'The staff user is deactivated already',
        );
      }
      user.active = active;
      await tx.save(user);
      await this.record(tx, actor, user.id, active ? 'reactivated' : 'deactivated', { active });
      return this.one(tx, actor, user.id);
    });
  }

  private async insert(
    tx: EntityManager,
    actor: StaffActor,
    dto: InviteStaffDto,
    passwordHash: string | null,
  ): Promise<UserAccount> {
    const email = dto.email.trim().toLowerCase();
    if (await tx.existsBy(UserAccount, { email })) {
      throw new DomainError('conflict', 'email_taken', `A user with e-mail ${email} already exists`);
    }
    return tx.save(
      tx.create(UserAccount, {
        email,
        fullName: dto.fullName.trim(),
        kind: 'staff',
        countyId: actor.countyId,
        roles: [...dto.roles].sort(byRoleOrder),
        passwordHash,
      }),
    );
  }

  /** The county's staff user, locked for the change; another county's (or an applicant) is 404. */
  private async locked(tx: EntityManager, actor: StaffActor, id: string): Promise<UserAccount> {
    const user = await tx.findOne(UserAccount, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!user || user.kind !== 'staff' || user.countyId !== actor.countyId) throw notFound('Staff user');
    return user;
  }

  private async one(tx: EntityManager, actor: StaffActor, id: string): Promise<StaffDto> {
    const rows: StaffRow[] = await tx.query(`${STAFF_QUERY} AND u.id = $3`, [
      actor.countyId,
      this.clock.now(),
      id,
    ]);
    return toDto(rows[0]);
  }

  private record(
    tx: EntityManager,
    actor: StaffActor,
    userId: string,
    action: StaffAuditAction,
    changes: Record<string, unknown>,
  ) {
    return this.audit.append(tx, {
      userId,
      actorUserId: actor.userId,
      action,
      changes,
      occurredAt: this.clock.now().toISOString(),
    });
  }
}

const byRoleOrder = (a: StaffRole, b: StaffRole) => STAFF_ROLES.indexOf(a) - STAFF_ROLES.indexOf(b);
