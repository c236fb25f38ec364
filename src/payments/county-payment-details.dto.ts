import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

/** The county's own payment details: what its payment files say it pays from, and who it is. */
export class CountyPaymentDetailsDto {
  @ApiProperty({ example: 'Trøndelag fylkeskommune' }) countyName!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '86011117947',
    description: 'The account grants are paid from (11 digits): the debtor account of payment files',
  })
  paymentAccount!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '817920632',
    description: "The county's organisation number (9 digits): the initiating party of payment files",
  })
  organisationNumber!: string | null;
}

export class SetCountyPaymentDetailsDto {
  @ApiProperty({
    example: '8601 11 17947',
    description: 'A Norwegian account number: 11 digits with a MOD11 check digit; spaces and dots allowed',
  })
  @IsString()
  @MaxLength(20)
  paymentAccount!: string;

  @ApiProperty({
    example: '817 920 632',
    description: 'A Norwegian organisation number: 9 digits with a MOD11 check digit; spaces allowed',
  })
  @IsString()
  @MaxLength(20)
  organisationNumber!: string;
}
