import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Actor, StaffRole } from '@lib/common';
import { DataSource } from 'typeorm';

interface ActorRow {
  id: string;
  email: string;
  kind: 'applicant' | 'staff';
  county_id: string | null;
  roles: StaffRole[];
  organisation_ids: string[];
}

/**
 * Loads the acting user on every request, so that a deactivated user, a removed role or a new
 * organisation membership takes effect at once rather than when a token expires.
 */
@Injectable()
export class ActorRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(userId: string): Promise<Actor | null> {
    const rows: ActorRow[] = await this.dataSource.query(
      `SELECT u.id, u.email, u.kind, u.county_id, u.roles,
              coalesce(array_agg(m.organisation_id) FILTER (WHERE m.organisation_id IS NOT NULL), '{}') AS organisation_ids
         FROM user_account u
         LEFT JOIN organisation_member m ON m.user_id = u.id
        WHERE u.id = $1 AND u.active
        GROUP BY u.id`,
      [userId],
    );
    const row = rows[0];
    if (!row) return null;
    return row.kind === 'staff'
      ? { kind: 'staff', userId: row.id, email: row.email, countyId: row.county_id!, roles: row.roles }
      : { kind: 'applicant', userId: row.id, email: row.email, organisationIds: row.organisation_ids };
  }
}
