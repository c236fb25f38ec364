import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, notFound } from '@lib/common';
import { DataSource } from 'typeorm';
import { County } from '../counties/county.entity';
import { Organisation } from '../organisations/organisation.entity';
import { UserAccount } from './user.entity';
import { ProfileDto } from './profile.dto';

@Injectable()
export class UsersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async profile(actor: Actor): Promise<ProfileDto> {
    if (actor.kind === 'system') throw notFound('User');
    const user = await this.dataSource.manager.findOneBy(UserAccount, { id: actor.userId });
    if (!user) throw notFound('User');
    const county = user.countyId
      ? await this.dataSource.manager.findOneBy(County, { id: user.countyId })
      : null;
    const organisations =
      actor.kind === 'applicant' && actor.organisationIds.length
        ? await this.dataSource.manager
            .createQueryBuilder(Organisation, 'o')
            .where('o.id IN (:...ids)', { ids: actor.organisationIds })
            .orderBy('o.name')
            .getMany()
        : [];
    return {
      id: user.id,
      email: user.email,
      fullName: user.fullName,
      kind: user.kind,
      county: county && { id: county.id, code: county.code, name: county.name },
      roles: user.roles,
      organisations: organisations.map((o) => ({
        id: o.id,
        organisationNumber: o.organisationNumber,
        name: o.name,
      })),
    };
  }
}
