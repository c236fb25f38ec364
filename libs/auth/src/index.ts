/**
 * Auth primitives of the kernel, without Nest I/O: password hashing and the checks a signed token must
 * pass. The auth feature (src/auth) logs users in and guards routes with them; staff administration and
 * the queue dashboard's session use them too.
 */
export * from './password-hasher';
export * from './token-claims';
