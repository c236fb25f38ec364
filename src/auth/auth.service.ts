import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { DomainError } from '@lib/common';
import { Repository } from 'typeorm';
import { PasswordHasher } from '@lib/auth';
import { AppConfig, InjectConfig } from '../config/app-config';
import { UserAccount } from '../users/user.entity';
import { AccessTokenDto } from './auth.dto';

/**
 * Password login. The rest of the service sees only the token's subject, so an OpenID Connect
 * provider (ID-porten for applicants, the county's SSO for staff) can replace this class alone.
 */
@Injectable()
export class AuthService {
  private readonly logger = new Logger('Security');

  constructor(
    @InjectRepository(UserAccount) private readonly users: Repository<UserAccount>,
    private readonly jwt: JwtService,
    private readonly hasher: PasswordHasher,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async login(email: string, password: string): Promise<AccessTokenDto> {
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
    const passwordOk = await this.hasher.verify(user?.active ? user.passwordHash : null, password);
    if (!user || !user.active || !passwordOk) {
      this.logger.warn({ event: 'login_failed', email: email.trim().toLowerCase() });
      throw new DomainError('unauthenticated', 'invalid_credentials', 'Wrong e-mail address or password');
    }
    this.logger.log({ event: 'login_succeeded', userId: user.id });
    const expiresIn = this.config.auth.jwtTtlSeconds;
    const accessToken = await this.jwt.signAsync({ sub: user.id }, { expiresIn });
    return { accessToken, tokenType: 'Bearer', expiresIn };
  }
}
