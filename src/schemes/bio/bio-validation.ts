import { PAYLOAD_VALIDATOR_OPTIONS, validatePayload, type PayloadValidation } from '@lib/common';

/** The kernel's payload validation, under the names the BIO tests use. */
export const BIO_VALIDATOR_OPTIONS = PAYLOAD_VALIDATOR_OPTIONS;
export type BioValidationResult<T> = PayloadValidation<T>;
export const validateBioPayload = validatePayload;
