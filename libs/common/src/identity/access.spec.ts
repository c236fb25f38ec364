import type { Actor } from './actor';
import { canSee, visibleOrNotFound } from './access';

const applicant: Actor = { kind: 'applicant', userId: 'u1', email: 'a@x', organisationIds: ['org-a'] };
const staff: Actor = {
  kind: 'staff',
  userId: 'u2',
  email: 's@x',
  countyId: 'county-1',
  roles: ['case_officer'],
};
const system: Actor = { kind: 'system', userId: null, reason: 'deadline' };

describe('ownership policy', () => {
  it('lets an applicant see only its organisations’ objects', () => {
    expect(canSee(applicant, { organisationId: 'org-a', countyId: 'county-1' })).toBe(true);
    expect(canSee(applicant, { organisationId: 'org-b', countyId: 'county-1' })).toBe(false);
    expect(canSee(applicant, { countyId: 'county-1' })).toBe(false);
  });

  it('lets staff see only their county’s objects', () => {
    expect(canSee(staff, { organisationId: 'org-b', countyId: 'county-1' })).toBe(true);
    expect(canSee(staff, { organisationId: 'org-b', countyId: 'county-2' })).toBe(false);
    expect(canSee(staff, { organisationId: 'org-b', countyId: null })).toBe(false);
  });

  it('lets the system see everything', () => {
    expect(canSee(system, {})).toBe(true);
  });

  it('answers someone else’s object exactly like a missing one', () => {
    const other = { id: 'x', organisationId: 'org-b' };
    const refuse = (object: typeof other | null) => () =>
      visibleOrNotFound(applicant, object, (o) => o, 'Thing');
    expect(refuse(other)).toThrow('Thing was not found');
    expect(refuse(null)).toThrow('Thing was not found');
  });
});
