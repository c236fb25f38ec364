/** What other features use of applications beyond their services and entities: the case id in a path. */
export { CaseIdPipe } from './case-id.pipe';
