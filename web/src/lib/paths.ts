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

/** Finance (økonomi): the county's budget frames (rammer) per scheme and year. */
export const FINANCE_ROUTE = 'okonomi';
export const FINANCE_PATH = `/${FINANCE_ROUTE}`;

/** One frame: its totals, charts and thresholds. */
export const FRAME_ROUTE = 'okonomi/rammer/:frameId';
export const framePath = (frameId: string) => `/okonomi/rammer/${encodeURIComponent(frameId)}`;

/** A frame's ledger (posteringer), filterable, with its CSV download. */
export const FRAME_LEDGER_ROUTE = 'okonomi/rammer/:frameId/posteringer';
export const frameLedgerPath = (frameId: string) => `${framePath(frameId)}/posteringer`;

/** Changes to a frame that need a political case reference: top-up, reallocation, direct allocation. */
export const FRAME_CHANGES_ROUTE = 'okonomi/rammer/:frameId/endringer';
export const frameChangesPath = (frameId: string) => `${framePath(frameId)}/endringer`;

/** What may be paid now, from which finance books disbursements. */
export const PAYMENTS_DUE_ROUTE = 'okonomi/utbetalinger';
export const PAYMENTS_DUE_PATH = `/${PAYMENTS_DUE_ROUTE}`;

/** One payment run (utbetalingsliste): its items, approval and files. */
export const PAYMENT_RUN_ROUTE = 'okonomi/utbetalinger/kjoringer/:runId';
export const paymentRunPath = (runId: string) =>
  `/okonomi/utbetalinger/kjoringer/${encodeURIComponent(runId)}`;

/** An applicant's organisation: its details and the account its grants are paid to. */
export const MY_ORGANISATION_ROUTE = 'organisasjon';
export const MY_ORGANISATION_PATH = `/${MY_ORGANISATION_ROUTE}`;

/** Repayment claims (tilbakebetalingskrav), whose repayment finance registers. */
export const CLAIMS_ROUTE = 'okonomi/krav';
export const CLAIMS_PATH = `/${CLAIMS_ROUTE}`;

/** Administrators: the county's calls (utlysninger), drafts and published. */
export const ADMIN_CALLS_ROUTE = 'admin/utlysninger';
export const ADMIN_CALLS_PATH = `/${ADMIN_CALLS_ROUTE}`;

/** A new draft call. */
export const NEW_CALL_ROUTE = 'admin/utlysninger/ny';
export const NEW_CALL_PATH = `/${NEW_CALL_ROUTE}`;

/** One call for the administrator: edit the draft, preview it as applicants will see it, publish. */
export const ADMIN_CALL_ROUTE = 'admin/utlysninger/:callId';
export const adminCallPath = (callId: string) => `/admin/utlysninger/${encodeURIComponent(callId)}`;

/** Administrators: the county's staff, their roles, invitations and deactivation. */
export const ADMIN_STAFF_ROUTE = 'admin/ansatte';
export const ADMIN_STAFF_PATH = `/${ADMIN_STAFF_ROUTE}`;

/** One staff member for the administrator: their roles, deactivation and reactivation. */
export const ADMIN_STAFF_MEMBER_ROUTE = 'admin/ansatte/:userId';
export const adminStaffMemberPath = (userId: string) => `/admin/ansatte/${encodeURIComponent(userId)}`;

/** Public: the page an invitation e-mail links to, where a new staff member chooses a password. */
export const INVITATION_ROUTE = 'invitasjon/:token';

/** The county's journal (postjournal): every incoming and outgoing document of its cases. */
export const JOURNAL_ROUTE = 'journal';
export const JOURNAL_PATH = `/${JOURNAL_ROUTE}`;

/** The public journal (offentlig journal), readable without signing in. */
export const PUBLIC_JOURNAL_ROUTE = 'offentlig-journal';
