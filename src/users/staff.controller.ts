import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, ApiProblems } from '@lib/common';
import { Allow, CurrentActor, Public } from '../auth/auth.decorators';
import { IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import {
  AcceptedInvitationDto,
  AcceptInvitationDto,
  ChangeStaffRolesDto,
  CreateStaffDto,
  InviteStaffDto,
  StaffDto,
  StaffVersionDto,
} from './staff.dto';
import { StaffService } from './staff.service';

type StaffActor = Extract<Actor, { kind: 'staff' }>;

@ApiTags('staff')
@ApiBearerAuth()
@Allow('admin')
@ApiProblems({ 403: 'Not an administrator' })
@Controller('staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @ApiOperation({ summary: "The staff of the administrator's county, with their last recorded change" })
  @ApiOkResponse({ type: [StaffDto] })
  list(@CurrentActor() actor: StaffActor): Promise<StaffDto[]> {
    return this.staff.list(actor);
  }

  @Post()
  @ApiOperation({ summary: "Create a staff user with a password in the administrator's county" })
  @ApiCreatedResponse({ type: StaffDto })
  @ApiProblems({ 409: 'E-mail address taken' })
  create(
    @CurrentActor() actor: StaffActor,
    @Body() body: CreateStaffDto,
    // No hash of the password is kept with the key.
    @IdempotencyKey({ secret: ['password'] }) key: IdempotencyKey,
  ): Promise<StaffDto> {
    return this.staff.create(actor, body, key);
  }

  @Post('invitations')
  @ApiOperation({
    summary:
      "Invite a staff user to the administrator's county: they are e-mailed a single-use link, valid for 7 days, to choose their password",
  })
  @ApiCreatedResponse({ type: StaffDto })
  @ApiProblems({ 409: 'E-mail address taken' })
  invite(
    @CurrentActor() actor: StaffActor,
    @Body() body: InviteStaffDto,
    @IdempotencyKey() key: IdempotencyKey,
  ): Promise<StaffDto> {
    return this.staff.invite(actor, body, key);
  }

  @Post(':id/invitations')
  @ApiOperation({
    summary:
      'Send a staff user who has not chosen a password a new invitation link, valid for 7 days; earlier links stop working',
  })
  @ApiCreatedResponse({ type: StaffDto })
  @ApiProblems({
    404: "Unknown, or another county's",
    409: 'stale_version, or not_invitable: a password is chosen already, or the user is deactivated',
  })
  reinvite(
    @CurrentActor() actor: StaffActor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: StaffVersionDto,
    @IdempotencyKey() key: IdempotencyKey,
  ): Promise<StaffDto> {
    return this.staff.reinvite(actor, id, body, key);
  }

  @Patch(':id')
  @ApiOperation({ summary: "Set a staff user's roles (based on their current version)" })
  @ApiOkResponse({ type: StaffDto })
  @ApiProblems({
    404: "Unknown, or another county's",
    409: 'stale_version',
    422: 'own_admin_role: an administrator cannot remove their own admin role',
  })
  changeRoles(
    @CurrentActor() actor: StaffActor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ChangeStaffRolesDto,
    @IdempotencyKey() key: IdempotencyKey,
  ): Promise<StaffDto> {
    return this.staff.changeRoles(actor, id, body, key);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Deactivate a staff user: they cannot sign in, and their sessions and tokens stop working at once',
  })
  @ApiOkResponse({ type: StaffDto })
  @ApiProblems({
    404: "Unknown, or another county's",
    409: 'stale_version, or already_deactivated',
    422: 'deactivate_self: an administrator cannot deactivate themselves',
  })
  deactivate(
    @CurrentActor() actor: StaffActor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: StaffVersionDto,
    @IdempotencyKey() key: IdempotencyKey,
  ): Promise<StaffDto> {
    return this.staff.deactivate(actor, id, body, key);
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reactivate a deactivated staff user' })
  @ApiOkResponse({ type: StaffDto })
  @ApiProblems({ 404: "Unknown, or another county's", 409: 'stale_version, or already_active' })
  reactivate(
    @CurrentActor() actor: StaffActor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: StaffVersionDto,
    @IdempotencyKey() key: IdempotencyKey,
  ): Promise<StaffDto> {
    return this.staff.reactivate(actor, id, body, key);
  }
}

/** The invited person's side: no session yet, the link's token is the proof. */
@ApiTags('staff')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly staff: StaffService) {}

  @Post('accept')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Choose your password with the token of an invitation link; the link works once and until it expires',
  })
  @ApiOkResponse({ type: AcceptedInvitationDto })
  @ApiProblems({
    404: 'invitation_not_found: unknown link, or the user is deactivated',
    409: 'invitation_used, or invitation_expired',
  })
  accept(@Body() body: AcceptInvitationDto): Promise<AcceptedInvitationDto> {
    return this.staff.acceptInvitation(body);
  }
}
