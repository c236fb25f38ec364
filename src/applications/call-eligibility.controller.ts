import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, ApiProblems, notFound } from '@lib/common';
import { checkEligibilityRules, type EligibilityRule, type SchemeOrganisation } from '@lib/engine';
import { DataSource, In } from 'typeorm';
import { Allow, CurrentActor } from '../auth/auth.decorators';
import { FundingCall } from '../calls/funding-call.entity';
import { County } from '../counties/county.entity';
import { Organisation } from '../organisations/organisation.entity';
import { loadSchemeOrganisation } from './application-events';
import {
  CallEligibilityDto,
  EligibilityQuery,
  type EligibilityReasonCode,
  type EligibilityReasonDto,
} from './call-eligibility.dto';

/**
 * Before the form: may this organisation apply under this call? The call's own eligibility rules
 * (the kernel's rule types) against the organisation as the register has it, the same check as on
 * submission, so that an applicant learns why not before filling in a whole form.
 */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('calls')
export class CallEligibilityController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get(':id/eligibility')
  @Allow('applicant')
  @ApiOperation({
    summary: "Whether one of your organisations meets a published call's eligibility rules, and if not why",
  })
  @ApiOkResponse({ type: CallEligibilityDto })
  @ApiProblems({
    400: 'organisationId missing or not a UUID',
    403: 'Not an applicant',
    404: 'No published call with this id, or not an organisation you act for',
  })
  async check(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: EligibilityQuery,
  ): Promise<CallEligibilityDto> {
    if (actor.kind !== 'applicant' || !actor.organisationIds.includes(query.organisationId))
      throw notFound('Organisation');
    const manager = this.dataSource.manager;
    const call = await manager.findOneBy(FundingCall, { id, status: 'published' });
    if (!call) throw notFound('Call');
    const organisation = await manager.findOneBy(Organisation, { id: query.organisationId });
    if (!organisation) throw notFound('Organisation');
    const applicant = await loadSchemeOrganisation(manager, organisation.id);

    const rules = call.parameters.eligibility ?? [];
    const failed = rules.flatMap((rule) =>
      checkEligibilityRules([rule], applicant).map((reason) => ({ rule, reason })),
    );
    const countyCodes = [
      ...new Set(
        failed.flatMap(({ rule }) =>
          rule.rule === 'county' ? [...rule.countyCodes, countyOf(applicant)] : [],
        ),
      ),
    ];
    const counties = countyCodes.length ? await manager.findBy(County, { code: In(countyCodes) }) : [];
    const countyName = (code: string) => counties.find((c) => c.code === code)?.name ?? code;

    const reasons = failed.map(({ rule, reason }): EligibilityReasonDto => ({
      code: reason.code as EligibilityReasonCode,
      rule: rule.rule,
      message: reason.message,
      ...sides(rule, applicant, countyName),
    }));
    return {
      callId: call.id,
      organisationId: organisation.id,
      organisationName: organisation.name,
      eligible: reasons.length === 0,
      reasons,
    };
  }
}

const countyOf = (o: SchemeOrganisation) => o.countyCode ?? o.municipalityNumber.slice(0, 2);

/** The organisation's value and what the rule asks for, as words a sentence can hold. */
function sides(
  rule: EligibilityRule,
  o: SchemeOrganisation,
  countyName: (code: string) => string,
): { actual: string; required: string[] } {
  switch (rule.rule) {
    case 'organisation_form':
      return { actual: o.form, required: [...rule.forms] };
    case 'min_employees':
    case 'employees_below':
      return { actual: String(o.employeeCount), required: [String(rule.count)] };
    case 'county':
      return { actual: countyName(countyOf(o)), required: rule.countyCodes.map(countyName) };
    case 'municipality':
      return { actual: o.municipalityNumber, required: [...rule.municipalityNumbers] };
  }
}
