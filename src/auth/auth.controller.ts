import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@lib/common';
import { ApiProblems } from '@lib/common';
import { ProfileDto } from '../users/profile.dto';
import { UsersService } from '../users/users.service';
import { AccessTokenDto, LoginDto } from './auth.dto';
import { CurrentActor, Public } from './auth.decorators';
import { AuthService } from './auth.service';
import { LoginThrottlerGuard } from './login-throttler.guard';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('auth/login')
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with e-mail and password; returns a signed access token' })
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiProblems({
    401: 'Wrong e-mail address or password',
    429: 'Too many attempts for this address and e-mail, or from this address; `Retry-After` says when to try again',
  })
  login(@Body() body: LoginDto): Promise<AccessTokenDto> {
    return this.auth.login(body.email, body.password);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The logged-in user, with county, roles and organisations' })
  @ApiOkResponse({ type: ProfileDto })
  me(@CurrentActor() actor: Actor): Promise<ProfileDto> {
    return this.users.profile(actor);
  }
}
