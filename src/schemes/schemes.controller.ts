import { Controller, Get, Module, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '@lib/common';
import type { SchemeDefinition } from '@lib/engine';
import { Public } from '../auth/auth.decorators';
import { SchemeRegistry } from './scheme-registry';
import { jsonSchemaOf, type JsonSchema } from './scheme-schemas';

/** A text for users, in bokmål (the default) and English. */
export class LocalizedTextDto {
  @ApiProperty({ example: 'Tilskudd til opplæring av egne ansatte.' }) nb!: string;
  @ApiProperty({ example: 'Grants for training your own employees.' }) en!: string;
}

export class SchemeDto {
  @ApiProperty({ example: 'bio' }) id!: string;
  @ApiProperty({ example: 'BIO', description: 'Prefix of case references (saksnummer)' })
  referencePrefix!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: LocalizedTextDto, description: 'What the scheme is for (formål), for applicants' })
  purpose!: LocalizedTextDto;
  @ApiProperty({ type: LocalizedTextDto, description: 'Who may apply (målgruppe), for applicants' })
  applicants!: LocalizedTextDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "JSON Schema of a call's parameters",
  })
  parametersSchema!: JsonSchema;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'JSON Schema of the application form',
  })
  applicationSchema!: JsonSchema;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'JSON Schema of the final report' })
  reportSchema!: JsonSchema;
}

const toDto = (scheme: SchemeDefinition): SchemeDto => ({
  id: scheme.id,
  referencePrefix: scheme.referencePrefix,
  name: scheme.name,
  description: scheme.description,
  purpose: scheme.presentation.purpose,
  applicants: scheme.presentation.applicants,
  parametersSchema: jsonSchemaOf(scheme.callParametersDto),
  applicationSchema: jsonSchemaOf(scheme.applicationDto),
  reportSchema: jsonSchemaOf(scheme.reportDto),
});

/**
 * The installed schemes, with JSON Schemas generated from the same DTOs the API validates with,
 * so that a form renderer draws exactly what the server accepts. Public, like the calls.
 */
@ApiTags('schemes')
@Public()
@Controller('schemes')
export class SchemesController {
  constructor(private readonly schemes: SchemeRegistry) {}

  @Get()
  @ApiOperation({ summary: 'The funding schemes, with their parameter, application and report schemas' })
  @ApiOkResponse({ type: [SchemeDto] })
  list(): SchemeDto[] {
    return this.schemes.all().map(toDto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One funding scheme, with its parameter, application and report schemas' })
  @ApiOkResponse({ type: SchemeDto })
  @ApiProblems({ 404: 'No scheme with this id' })
  get(@Param('id') id: string): SchemeDto {
    return toDto(this.schemes.get(id));
  }
}

/** The schemes' public API (where HTTP is served). */
@Module({ controllers: [SchemesController] })
export class SchemesApiModule {}
