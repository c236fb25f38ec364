import { Controller, Get, Module, Param } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { ApiProblems } from '@lib/common';
import type { FormWidget, SchemeDefinition } from '@lib/engine';
import { Public } from '../auth/auth.decorators';
import { LocalizedTextDto } from './localized-text.dto';
import { SchemeRegistry } from './scheme-registry';
import { jsonSchemaOf, type JsonSchema } from './scheme-schemas';

export { LocalizedTextDto };

const FORM_WIDGETS: readonly FormWidget[] = ['kroner', 'percent', 'date', 'textarea', 'radio'];

export class FormConditionDto {
  @ApiProperty({ example: 'kind', description: 'Another field of the same object' }) field!: string;
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'boolean' }], example: 'staff_time' })
  equals!: string | boolean;
}

@ApiExtraModels(LocalizedTextDto)
export class FormFieldUiDto {
  @ApiProperty({ type: LocalizedTextDto }) label!: LocalizedTextDto;
  @ApiPropertyOptional({ type: LocalizedTextDto }) help?: LocalizedTextDto;
  @ApiPropertyOptional({
    enum: FORM_WIDGETS,
    description:
      'kroner: an amount in øre typed as kroner; percent: basis points typed as per cent; date: YYYY-MM-DD typed as dd.mm.åååå',
  })
  widget?: FormWidget;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(LocalizedTextDto) },
    description: "A choice's values in words",
  })
  options?: Record<string, LocalizedTextDto>;
  @ApiPropertyOptional({ type: LocalizedTextDto, description: "A list's entry, in words" })
  itemLabel?: LocalizedTextDto;
  @ApiPropertyOptional({ type: FormConditionDto, description: 'Asked only when this holds' })
  visibleWhen?: FormConditionDto;
}

export class FormStepDto {
  @ApiProperty({ type: LocalizedTextDto }) title!: LocalizedTextDto;
  @ApiProperty({ type: [String], example: ['restructuringNeed', 'trainingPlan'] }) fields!: string[];
}

@ApiExtraModels(FormFieldUiDto)
export class FormLayoutDto {
  @ApiProperty({ type: [FormStepDto] }) steps!: FormStepDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(FormFieldUiDto) },
    description: 'Per field path (`a.b`, list entries `a[]`, `a[].b`): words and kind of input',
  })
  fields!: Record<string, FormFieldUiDto>;
}

/** An interim (status) report the scheme may ask for during a project, and how it is asked. */
export class InterimReportFormDto {
  @ApiProperty({ example: 'yearly', description: 'Its key; instalments waiting for it name it' })
  key!: string;
  @ApiProperty({ type: LocalizedTextDto, example: { nb: 'Årsrapport', en: 'Yearly report' } })
  title!: LocalizedTextDto;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'JSON Schema of the report' })
  schema!: JsonSchema;
  @ApiProperty({ type: FormLayoutDto, description: 'How the report is asked: steps and words' })
  form!: FormLayoutDto;
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
  @ApiProperty({ type: FormLayoutDto, description: 'How the application form is asked: steps and words' })
  applicationForm!: FormLayoutDto;
  @ApiProperty({ type: FormLayoutDto, description: 'How the final report is asked: steps and words' })
  reportForm!: FormLayoutDto;
  @ApiProperty({
    type: FormLayoutDto,
    description: "How a call's parameters are asked of the county's administrator: steps and words",
  })
  callForm!: FormLayoutDto;
  @ApiProperty({
    type: [InterimReportFormDto],
    description: 'Interim (status) reports the scheme asks for during a project; empty when none',
  })
  interimReports!: InterimReportFormDto[];
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
  applicationForm: scheme.presentation.applicationForm as FormLayoutDto,
  reportForm: scheme.presentation.reportForm as FormLayoutDto,
  callForm: scheme.presentation.callForm as FormLayoutDto,
  interimReports: (scheme.interimReports ?? []).map((kind) => ({
    key: kind.key,
    title: kind.title,
    schema: jsonSchemaOf(kind.dto),
    form: kind.form as FormLayoutDto,
  })),
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
