export const SIGN_IN_PATH = '/logg-inn';
/** Where a signed-in applicant starts. */
export const HOME_PATH = '/soknader';

/** The page the route guard sent the user from, to go back to after signing in. */
export interface SignInState {
  from?: string;
}
