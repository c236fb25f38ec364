import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, ApiProblems } from '@lib/common';
import { Allow, CurrentActor } from '../auth/auth.decorators';
import { IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { CreateStaffDto, StaffDto } from './staff.dto';
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
  @ApiOperation({ summary: "The staff of the administrator's county" })
  @ApiOkResponse({ type: [StaffDto] })
  list(@CurrentActor() actor: StaffActor): Promise<StaffDto[]> {
    return this.staff.list(actor);
  }

  @Post()
  @ApiOperation({ summary: "Create a staff user in the administrator's county" })
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
}
