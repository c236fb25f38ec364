import { ApiProperty } from '@nestjs/swagger';
import { LETTER_KINDS, type LetterKind } from './decision-letter.template';

/** A letter on a case, as the case pages list it; the PDF is at `pdfPath`. */
export class DecisionLetterDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: LETTER_KINDS })
  kind!: LetterKind;

  @ApiProperty({ example: 'Tilsagn om tilskudd' })
  title!: string;

  @ApiProperty({ example: '2026-03-02', description: 'The decision date in Norway' })
  decisionDate!: string;

  @ApiProperty({ example: '2026-03-02T10:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ description: 'Hex SHA-256 of the PDF' })
  sha256!: string;

  @ApiProperty({ example: 23_000 })
  byteSize!: number;

  @ApiProperty({
    example: '/api/v1/applications/BIO-2026-000123/letters/0b0c…/pdf',
    description: 'Where to download the PDF',
  })
  pdfPath!: string;
}
