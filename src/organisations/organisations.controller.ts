import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, ApiProblems, PageQuery } from '@lib/common';
import { Allow, CurrentActor } from '../auth/auth.decorators';
import { IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import {
  OrganisationDto,
  OrganisationPageDto,
  RegisterOrganisationDto,
  SetPayoutAccountDto,
  UpdateOrganisationDto,
} from './organisation.dto';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @ApiOperation({ summary: 'Applicants: their own organisations. Staff: the organisations in their county' })
  @ApiOkResponse({ type: OrganisationPageDto })
  list(@CurrentActor() actor: Actor, @Query() page: PageQuery): Promise<OrganisationPageDto> {
    return this.organisations.list(actor, page.limit, page.after);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One organisation you act for (or, for staff, of your county)' })
  @ApiOkResponse({ type: OrganisationDto })
  @ApiProblems({ 404: 'Unknown, or not yours to see' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<OrganisationDto> {
    return this.organisations.get(actor, id);
  }

  @Post()
  @Allow('applicant')
  @ApiOperation({
    summary:
      'Register an organisation you act for by its number; its values are read from the Brønnøysund register, and you become its member',
  })
  @ApiCreatedResponse({ type: OrganisationDto })
  @ApiProblems({
    409: 'Already registered',
    422: 'Organisation number fails the MOD11 check; organisation_not_in_register; organisation_deleted (deleted or removed from the register); organisation_form_not_supported',
    503: 'register_unavailable: the register did not answer in time',
  })
  register(
    @CurrentActor() actor: Extract<Actor, { kind: 'applicant' }>,
    @Body() body: RegisterOrganisationDto,
    @IdempotencyKey() key: IdempotencyKey,
  ): Promise<OrganisationDto> {
    return this.organisations.register(actor, body, key);
  }

  @Patch(':id')
  @Allow('applicant')
  @ApiOperation({
    summary:
      "Change your organisation's details (based on its current version); values from the register are refused",
  })
  @ApiOkResponse({ type: OrganisationDto })
  @ApiProblems({ 409: 'Stale version', 422: 'register_value: a value that comes from the register was sent' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateOrganisationDto,
    @IdempotencyKey() key: IdempotencyKey,
  ): Promise<OrganisationDto> {
    return this.organisations.update(actor, id, body, key);
  }

  @Post(':id/refresh-register')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Read the organisation again from the Brønnøysund register (Enhetsregisteret); its members or staff of its county',
  })
  @ApiOkResponse({ type: OrganisationDto })
  @ApiProblems({
    404: 'Unknown, or not yours',
    422: 'organisation_not_in_register: the register no longer knows the number',
    503: 'register_unavailable: the register did not answer in time',
  })
  refreshRegister(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @IdempotencyKey() key: IdempotencyKey,
  ): Promise<OrganisationDto> {
    return this.organisations.refreshFromRegister(actor, id, key);
  }

  @Put(':id/payout-account')
  @Allow('applicant')
  @ApiOperation({
    summary: "Set the account your organisation's grants are paid to (kontonummer for utbetaling)",
  })
  @ApiOkResponse({ type: OrganisationDto })
  @ApiProblems({
    404: 'Unknown, or not yours',
    422: 'invalid_account_number: not 11 digits, or the MOD11 check digit is wrong',
  })
  setPayoutAccount(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SetPayoutAccountDto,
    @IdempotencyKey() key: IdempotencyKey,
  ): Promise<OrganisationDto> {
    return this.organisations.setPayoutAccount(actor, id, body, key);
  }
}
