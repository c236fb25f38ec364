import { ApiProperty } from '@nestjs/swagger';

/** A text for users, in bokmål (the default) and English. */
export class LocalizedTextDto {
  @ApiProperty({ example: 'Tilskudd til opplæring av egne ansatte.' }) nb!: string;
  @ApiProperty({ example: 'Grants for training your own employees.' }) en!: string;
}
