import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem } from './problem';

/** Thrown by the validation pipe; carries one entry per invalid field. */
export class RequestValidationException extends BadRequestException {
  constructor(readonly fieldProblems: FieldProblem[]) {
    super('The request is not valid');
  }
}

/** Flattens class-validator's tree into `{ field, pointer, messages }`, one per invalid field. */
export function flattenValidationErrors(errors: ValidationError[], parents: string[] = []): FieldProblem[] {
  return errors.flatMap((error) => {
    // class-validator leaves `property` empty for a value of no known class (forbidUnknownValues).
    const path = error.property ? [...parents, error.property] : parents;
    const own: FieldProblem[] = error.constraints
      ? [
          {
            field: path.join('.'),
            pointer: '/' + path.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/'),
            messages: Object.values(error.constraints),
          },
        ]
      : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

/**
 * The one validation pipe: unknown fields are refused (not dropped), bodies become DTO instances,
 * and there is no implicit type conversion (`"false"` would become `true`; convert explicitly).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationException(flattenValidationErrors(errors)),
  });
}
