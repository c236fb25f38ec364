import { ApiProperty } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { IsVersion, STAFF_ROLES, type StaffRole } from '@lib/common';

/** The password rules: as for every password of the service (argon2 bounds the length). */
const PASSWORD_MIN = 12;
const PASSWORD_MAX = 200;

export class InviteStaffDto {
  @ApiProperty({ example: 'ny.saksbehandler@trondelag.example' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Nina Ny' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  fullName!: string;

  @ApiProperty({ enum: STAFF_ROLES, isArray: true, minItems: 1 })
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(STAFF_ROLES, { each: true })
  roles!: StaffRole[];
}

export class CreateStaffDto extends InviteStaffDto {
  @ApiProperty({ description: 'Initial password, at least 12 characters', minLength: PASSWORD_MIN })
  @IsString()
  @MinLength(PASSWORD_MIN)
  @MaxLength(PASSWORD_MAX)
  password!: string;
}

export class ChangeStaffRolesDto {
  @ApiProperty({
    example: 1,
    description: 'The version the change is based on; a stale one is refused with 409',
  })
  @IsVersion()
  version!: number;

  @ApiProperty({ enum: STAFF_ROLES, isArray: true, minItems: 1 })
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(STAFF_ROLES, { each: true })
  roles!: StaffRole[];
}

export class StaffVersionDto {
  @ApiProperty({
    example: 1,
    description: 'The version the change is based on; a stale one is refused with 409',
  })
  @IsVersion()
  version!: number;
}

export class AcceptInvitationDto {
  @ApiProperty({ description: 'The token from the invitation link' })
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  token!: string;

  @ApiProperty({ description: 'The new password, at least 12 characters', minLength: PASSWORD_MIN })
  @IsString()
  @MinLength(PASSWORD_MIN)
  @MaxLength(PASSWORD_MAX)
  password!: string;
}

export class AcceptedInvitationDto {
  @ApiProperty({ description: 'The e-mail address to sign in with' })
  email!: string;
}

export class StaffChangeDto {
  @ApiProperty({
    enum: ['invited', 'reinvited', 'created', 'roles_changed', 'deactivated', 'reactivated', 'password_set'],
  })
  action!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ nullable: true, type: String, description: 'Who made the change (null: the system)' })
  byName!: string | null;
}

export class StaffDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ enum: STAFF_ROLES, isArray: true }) roles!: StaffRole[];
  @ApiProperty() active!: boolean;
  @ApiProperty({ description: 'Send it with a change; a stale one is refused with 409' }) version!: number;

  @ApiProperty({
    description:
      'Invited and not yet signed up: no password set, whether or not the invitation is still open',
  })
  invitationPending!: boolean;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'When the newest open invitation expires (null: none open)',
  })
  invitationExpiresAt!: string | null;

  @ApiProperty({ type: StaffChangeDto, nullable: true, description: 'The last recorded change' })
  lastChange!: StaffChangeDto | null;
}
