import { County } from '../counties/county.entity';
import { OrganisationMember } from '../organisations/organisation-member.entity';
import { Organisation } from '../organisations/organisation.entity';
import { UserAccount } from '../users/user.entity';

/** Every entity of the service, for the data source and the schema check. */
export const ENTITIES = [County, Organisation, OrganisationMember, UserAccount];
