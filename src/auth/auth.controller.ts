import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@lib/common';
import { ApiProblems } from '@lib/common';
import type { Request, Response } from 'express';
import { ProfileDto } from '../users/profile.dto';
import { UsersService } from '../users/users.service';
import { AccessTokenDto, BrowserSessionDto, LoginDto } from './auth.dto';
import { CurrentActor, Public } from './auth.decorators';
import { AuthService } from './auth.service';
import { BrowserSessions, SESSION_COOKIE } from './browser-session';
import { LoginThrottlerGuard } from './login-throttler.guard';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly sessions: BrowserSessions,
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

  @Post('auth/session')
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @HttpCode(200)
  @ApiOperation({
    summary: `Sign in a browser with e-mail and password: sets the HttpOnly ${SESSION_COOKIE} cookie and a CSRF token`,
  })
  @ApiOkResponse({ type: BrowserSessionDto })
  @ApiProblems({
    401: 'Wrong e-mail address or password',
    429: 'Too many attempts (counted together with POST /auth/login); `Retry-After` says when',
  })
  async openSession(
    @Body() body: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BrowserSessionDto> {
    const { accessToken, expiresIn } = await this.auth.login(body.email, body.password);
    const csrfToken = this.sessions.open(request, response, accessToken, expiresIn);
    return { csrfToken, expiresIn };
  }

  @Delete('auth/session')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: "Sign the browser out: clears the session's cookies" })
  @ApiNoContentResponse({ description: 'Signed out (also when there was no session)' })
  @ApiProblems({ 403: 'A session cookie without its X-CSRF-Token header, or with a wrong one' })
  closeSession(@Req() request: Request, @Res({ passthrough: true }) response: Response): void {
    // Public, so that an expired session can still be cleared; another site still cannot sign you out.
    const session = this.sessions.sessionToken(request);
    if (session) this.sessions.assertCsrf(request, session);
    this.sessions.close(request, response);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The logged-in user, with county, roles and organisations' })
  @ApiOkResponse({ type: ProfileDto })
  me(@CurrentActor() actor: Actor): Promise<ProfileDto> {
    return this.users.profile(actor);
  }
}
