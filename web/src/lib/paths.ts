// Paths one feature links to and another serves; the routes in app/app.tsx match them.

/** Where a signed-in applicant sees their organisation's applications. */
export const MY_APPLICATIONS_PATH = '/soknader';

/** The eligibility check before applying under a call, and the start of the application. */
export const APPLY_ROUTE = 'utlysninger/:callId/sok';
export const applyPath = (callId: string) => `/utlysninger/${encodeURIComponent(callId)}/sok`;

/** An applicant's case page, by its case reference (saksnummer); e-mails link here too. */
export const CASE_ROUTE = 'soknader/:reference';
export const casePath = (reference: string) => `/soknader/${encodeURIComponent(reference)}`;

/** The county staff's work queue. */
export const WORK_QUEUE_ROUTE = 'saksbehandling';

/** The applicant's form of a draft application, step by step, saved as they type. */
export const APPLICATION_FORM_ROUTE = 'soknader/:reference/skjema';
export const applicationFormPath = (reference: string) => `${casePath(reference)}/skjema`;

/** The final report (sluttrapport) of a granted case. */
export const REPORT_FORM_ROUTE = 'soknader/:reference/sluttrapport';
export const reportFormPath = (reference: string) => `${casePath(reference)}/sluttrapport`;

/** A case on the county's side (saksbehandling), by its case reference; the work queue links here. */
export const STAFF_CASE_ROUTE = 'saksbehandling/saker/:reference';
export const staffCasePath = (reference: string) => `/saksbehandling/saker/${encodeURIComponent(reference)}`;
