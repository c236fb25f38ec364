import { Controller, Delete, HttpCode, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, ApiProblems } from '@lib/common';
import type { CookieOptions, Response } from 'express';
import { AppConfig, InjectConfig } from '../config/app-config';
import { Allow, CurrentActor, Public } from '../auth/auth.decorators';
import {
  DASHBOARD_COOKIE,
  DASHBOARD_PATH,
  DASHBOARD_ROUTE,
  DashboardSessions,
} from './queue-dashboard.session';

type StaffActor = Extract<Actor, { kind: 'staff' }>;

export class DashboardSessionDto {
  @ApiProperty({ example: `${DASHBOARD_PATH}/`, description: 'Open this page in the same browser' })
  url!: string;

  @ApiProperty({ example: 900, description: 'Seconds until the session cookie expires' })
  expiresIn!: number;
}

@ApiTags('admin')
@Controller(DASHBOARD_ROUTE)
export class QueueDashboardController {
  constructor(
    private readonly sessions: DashboardSessions,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @Post('session')
  @Allow('admin')
  @ApiBearerAuth()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Open a queue dashboard session: sets a short-lived HttpOnly cookie for the dashboard pages',
  })
  @ApiOkResponse({ type: DashboardSessionDto })
  @ApiProblems({ 403: 'Not an administrator' })
  async open(
    @CurrentActor() actor: StaffActor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DashboardSessionDto> {
    const token = await this.sessions.sign(actor.userId);
    const expiresIn = this.sessions.ttlSeconds;
    response.cookie(DASHBOARD_COOKIE, token, { ...this.cookieOptions(), maxAge: expiresIn * 1000 });
    return { url: `${DASHBOARD_PATH}/`, expiresIn };
  }

  @Delete('session')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Close the queue dashboard session (clears the cookie)' })
  @ApiNoContentResponse()
  close(@Res({ passthrough: true }) response: Response): void {
    response.clearCookie(DASHBOARD_COOKIE, this.cookieOptions());
  }

  /** Sent back only to the dashboard's own path, never readable by scripts nor sent cross-site. */
  private cookieOptions(): CookieOptions {
    return {
      httpOnly: true,
      sameSite: 'strict',
      path: DASHBOARD_PATH,
      // Plain http on a developer's machine; behind TLS in production.
      secure: this.config.env === 'production',
    };
  }
}
