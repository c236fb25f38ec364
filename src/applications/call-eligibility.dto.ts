import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { ELIGIBILITY_RULE_TYPES, type EligibilityRule } from '@lib/engine';

export class EligibilityQuery {
  @ApiProperty({ format: 'uuid', description: 'The organisation that would apply (you must act for it)' })
  @IsUUID()
  organisationId!: string;
}

export const ELIGIBILITY_REASON_CODES = [
  'organisation_form_not_eligible',
  'too_few_employees',
  'too_many_employees',
  'outside_county',
  'outside_municipalities',
] as const;
export type EligibilityReasonCode = (typeof ELIGIBILITY_REASON_CODES)[number];

/** One of the call's rules the organisation does not meet, with both sides for a sentence in any language. */
export class EligibilityReasonDto {
  @ApiProperty({ enum: ELIGIBILITY_REASON_CODES, example: 'organisation_form_not_eligible' })
  code!: EligibilityReasonCode;

  @ApiProperty({ enum: ELIGIBILITY_RULE_TYPES, example: 'organisation_form' })
  rule!: EligibilityRule['rule'];

  @ApiProperty({
    description: 'The reason in English, for developers; show a text of your own for the code',
    example: 'Organisation form KOMM may not apply; allowed: AS, ENK',
  })
  message!: string;

  @ApiProperty({
    description:
      "The organisation's value in the register: its form, employee count, county's name or municipality number",
    example: 'KOMM',
  })
  actual!: string;

  @ApiProperty({
    type: [String],
    description:
      'What the call asks for: the forms allowed, the employee count, the counties by name, or the municipality numbers',
    example: ['AS', 'ENK'],
  })
  required!: string[];
}

/** Whether an organisation may apply under a call, before it fills in a form. */
export class CallEligibilityDto {
  @ApiProperty({ format: 'uuid' })
  callId!: string;

  @ApiProperty({ format: 'uuid' })
  organisationId!: string;

  @ApiProperty({ example: 'Fjordverk Mekaniske AS' })
  organisationName!: string;

  @ApiProperty({ description: "True when the organisation meets every one of the call's rules" })
  eligible!: boolean;

  @ApiProperty({ type: [EligibilityReasonDto], description: 'Every rule not met; empty when eligible' })
  reasons!: EligibilityReasonDto[];
}
