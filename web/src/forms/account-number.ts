// The account number check of the server (MOD11, libs/common), shared so a field shows the same
// verdict before it is sent.
export { isNorwegianAccountNumber } from '../../../libs/common/src/identity/bank-account';
