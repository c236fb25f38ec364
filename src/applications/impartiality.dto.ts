import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { Optional } from '@lib/common';
import {
  IMPARTIALITY_VERDICTS,
  PARTIALITY_GROUNDS,
  type ImpartialityVerdict,
  type PartialityGround,
} from './impartiality-declaration.entity';

/** A declaration of impartiality on a case (habilitetserklæring), forvaltningsloven §§ 6–8. */
export class DeclareImpartialityDto {
  @ApiProperty({ enum: IMPARTIALITY_VERDICTS, description: 'impartial (habil) or partial (inhabil)' })
  @IsIn(IMPARTIALITY_VERDICTS)
  verdict!: ImpartialityVerdict;

  @ApiPropertyOptional({
    enum: PARTIALITY_GROUNDS,
    description:
      'Required when partial, absent when impartial: the ground in § 6 (party; related to a party; represents a party; leads or sits on the board of a party organisation; special circumstances)',
  })
  @Optional()
  @IsIn(PARTIALITY_GROUNDS)
  ground?: PartialityGround;

  @ApiPropertyOptional({
    description: 'Only when partial; required for special circumstances: the declarant’s own words',
    example: 'My brother-in-law is the general manager of the applicant',
  })
  @Optional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  explanation?: string;
}

/** One declaration on the case, as the county's staff read it. */
export class ImpartialityDeclarationDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ example: 'Siri Saksbehandler' }) name!: string;
  @ApiProperty({ enum: IMPARTIALITY_VERDICTS }) verdict!: ImpartialityVerdict;
  @ApiProperty({ enum: PARTIALITY_GROUNDS, nullable: true }) ground!: PartialityGround | null;
  @ApiProperty({ type: String, nullable: true }) explanation!: string | null;
  @ApiProperty({ format: 'date-time' }) declaredAt!: string;
}

/** Impartiality on a case: whether the county asks for it, the reader's own standing and every declaration. */
export class CaseImpartialityDto {
  @ApiProperty({ description: "Whether the county's staff must declare themselves impartial before acting" })
  required!: boolean;
  @ApiProperty({
    enum: IMPARTIALITY_VERDICTS,
    nullable: true,
    description: "The reader's current declaration on the case; null if none",
  })
  mine!: ImpartialityVerdict | null;
  @ApiProperty({ type: [ImpartialityDeclarationDto], description: 'Every declaration on the case, oldest first' })
  declarations!: ImpartialityDeclarationDto[];
}
