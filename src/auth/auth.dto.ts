import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'saksbehandler@trondelag.example' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Demo-passord-2026' })
  @IsString()
  @MinLength(1)
  // Bounded so that hashing cannot be used to exhaust the server.
  @MaxLength(200)
  password!: string;
}

export class AccessTokenDto {
  @ApiProperty({ description: 'Signed JWT (HS256); send it as "Authorization: Bearer <token>"' })
  accessToken!: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType!: 'Bearer';

  @ApiProperty({ example: 900, description: 'Seconds until the token expires' })
  expiresIn!: number;
}

export class BrowserSessionDto {
  @ApiProperty({
    description:
      'Echo in the X-CSRF-Token header of every state-changing request (also in the grants_csrf cookie)',
  })
  csrfToken!: string;

  @ApiProperty({ example: 900, description: 'Seconds until the session expires' })
  expiresIn!: number;
}
