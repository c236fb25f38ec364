import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { STAFF_ROLES, type StaffRole } from '@lib/common';

export class CountyRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '50' }) code!: string;
  @ApiProperty({ example: 'Trøndelag fylkeskommune' }) name!: string;
}

export class OrganisationRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '921456786' }) organisationNumber!: string;
  @ApiProperty({ example: 'Fjordverk Mekaniske AS' }) name!: string;
}

/** The logged-in user as `GET /me` shows it. */
export class ProfileDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ enum: ['applicant', 'staff'] }) kind!: 'applicant' | 'staff';
  @ApiPropertyOptional({ type: CountyRefDto, nullable: true }) county!: CountyRefDto | null;
  @ApiProperty({ enum: STAFF_ROLES, isArray: true }) roles!: StaffRole[];
  @ApiProperty({ type: [OrganisationRefDto] }) organisations!: OrganisationRefDto[];
}
