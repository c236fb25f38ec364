import {
  toErrorSchema,
  type CustomValidator,
  type ErrorTransformer,
  type RJSFSchema,
  type UiSchema,
  type ValidationData,
  type ValidatorType,
} from '@rjsf/utils';

import { checkSchema, toValidationErrors, type RawError } from './schema-check';

/** RJSF's validator of the scheme forms, on `checkSchema` (no ajv, hence no eval: see schema-check.ts). */
class SchemeValidator implements ValidatorType {
  rawValidation<Result = RawError>(schema: RJSFSchema, formData?: unknown): { errors?: Result[] } {
    const errors: RawError[] = [];
    checkSchema(schema, formData, schema, errors);
    return { errors: errors as Result[] };
  }

  validateFormData(
    formData: unknown,
    schema: RJSFSchema,
    _customValidate?: CustomValidator,
    transformErrors?: ErrorTransformer,
    uiSchema?: UiSchema,
  ): ValidationData<unknown> {
    let errors = toValidationErrors(this.rawValidation<RawError>(schema, formData).errors ?? []);
    if (transformErrors) errors = transformErrors(errors, uiSchema);
    return { errors, errorSchema: toErrorSchema(errors) };
  }

  isValid(schema: RJSFSchema, formData: unknown, rootSchema: RJSFSchema): boolean {
    const errors: RawError[] = [];
    checkSchema(schema, formData, rootSchema, errors);
    return errors.length === 0;
  }
}

/** The one validator of the scheme forms. */
export const schemeValidator = new SchemeValidator();
