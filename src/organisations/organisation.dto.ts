import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Optional, IsVersion } from '@lib/common';
import { ORGANISATION_FORM_CODES, type OrganisationForm } from '@lib/common';

const NACE = /^\d{2}(\.\d{1,3})?$/;

/** Registering asks for the number only: everything else is read from the Brønnøysund register. */
export class RegisterOrganisationDto {
  @ApiProperty({ example: '921456786', description: 'Nine digits, MOD11 check digit; spaces allowed' })
  @IsString()
  @MaxLength(20)
  organisationNumber!: string;
}

/** The values of an organisation that come from the register, which no user may change. */
export const REGISTER_FIELDS = [
  'name',
  'form',
  'municipalityNumber',
  'industryCode',
  'employeeCount',
] as const;

/**
 * A change to an organisation. Its name, form, municipality, industry code and employee count come
 * from the Brønnøysund register: sending any of them is refused (422 `register_value`); use
 * `POST /organisations/{id}/refresh-register` to read them again.
 */
export class UpdateOrganisationDto {
  @ApiProperty({
    example: 1,
    description: 'The version the change is based on; a stale one is refused with 409',
  })
  @IsVersion()
  version!: number;

  @ApiPropertyOptional() @Optional() @IsString() @MinLength(2) @MaxLength(200) name?: string;

  @ApiPropertyOptional({ enum: ORGANISATION_FORM_CODES })
  @Optional()
  @IsIn(ORGANISATION_FORM_CODES)
  form?: OrganisationForm;

  @ApiPropertyOptional({ example: '5001' })
  @Optional()
  @Matches(/^\d{4}$/, { message: 'municipalityNumber must be four digits' })
  municipalityNumber?: string;

  @ApiPropertyOptional({ example: '25.110' })
  @Optional()
  @Matches(NACE, { message: 'industryCode must look like 25.110' })
  industryCode?: string;

  @ApiPropertyOptional({ minimum: 0 }) @Optional() @IsInt() @Min(0) @Max(1_000_000) employeeCount?: number;
}

export class OrganisationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '921456786' }) organisationNumber!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ORGANISATION_FORM_CODES }) form!: OrganisationForm;
  @ApiProperty({ example: '5001' }) municipalityNumber!: string;
  @ApiProperty({ example: '25.110' }) industryCode!: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'antallAnsatte; null when the register has none',
  })
  employeeCount!: number | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the values were read from the register (Enhetsregisteret)',
  })
  registerCheckedAt!: string | null;
  @ApiProperty({ description: 'konkurs, per the register' }) bankrupt!: boolean;
  @ApiProperty({ description: 'underAvvikling, per the register' }) underLiquidation!: boolean;
  @ApiProperty({ description: 'underTvangsavviklingEllerTvangsopplosning, per the register' })
  underForcedDissolution!: boolean;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'slettedato: deleted from the register on this date',
  })
  deletedOn!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, description: 'County whose staff handle it' }) countyId!:
    string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '86011117947',
    description: 'The account grants are paid to (kontonummer for utbetaling), 11 digits; null until set',
  })
  payoutAccount!: string | null;
  @ApiProperty() version!: number;
}

/** The account the organisation's grants are paid to. */
export class SetPayoutAccountDto {
  @ApiProperty({
    example: '8601 11 17947',
    description: 'A Norwegian account number: 11 digits with a MOD11 check digit; spaces and dots allowed',
  })
  @IsString()
  @MaxLength(20)
  accountNumber!: string;
}

export class OrganisationPageDto {
  @ApiProperty({ type: [OrganisationDto] }) items!: OrganisationDto[];
  @ApiProperty({ nullable: true, description: 'Pass as `after` for the next page; null on the last' })
  nextCursor!: string | null;
}
