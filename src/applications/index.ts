/** What other features use of applications beyond their services and entities: the case id in a path, and the impartiality check. */
export { CaseIdPipe } from './case-id.pipe';
/** The check before staff act on a case: impartiality declared (habilitet), never partial. */
export { assertMayActOnCase } from './impartiality';
