import type { StaffRole } from '@lib/common';
import type { EntityManager } from 'typeorm';
import { PasswordHasher } from '../auth/password-hasher';
import { BudgetFrame } from '../budget/budget-frame.entity';
import { LedgerService } from '../budget/ledger.service';
import { scheduleCallAnnouncements } from '../deadlines/deadline-effects';
import { FundingCall } from '../calls/funding-call.entity';
import { County } from '../counties/county.entity';
import { BIO_SCHEME_ID, TRONDELAG_BIO_CALL_PARAMETERS } from '../schemes/bio';
import type { OrganisationForm } from '../organisations/organisation-form';
import { OrganisationMember } from '../organisations/organisation-member.entity';
import { Organisation } from '../organisations/organisation.entity';
import { UserAccount } from '../users/user.entity';

/** The one password of every demo user. Documented in the README; never seeded in production. */
export const DEMO_PASSWORD = 'Demo-passord-2026';

/** The seeded BIO frame for 2026: 23 300 000 NOK. */
export const DEMO_BIO_FRAME_ORE = 2_330_000_000;

export const DEMO_COUNTY = { code: '50', name: 'Trøndelag fylkeskommune' } as const;

export const DEMO_STAFF: ReadonlyArray<{ email: string; fullName: string; roles: StaffRole[] }> = [
  { email: 'saksbehandler@trondelag.example', fullName: 'Siri Saksbehandler', roles: ['case_officer'] },
  { email: 'godkjenner@trondelag.example', fullName: 'Geir Godkjenner', roles: ['approver'] },
  { email: 'okonomi@trondelag.example', fullName: 'Åse Økonomi', roles: ['finance'] },
  { email: 'admin@trondelag.example', fullName: 'Arne Admin', roles: ['admin'] },
];

export const DEMO_ORGANISATIONS: ReadonlyArray<{
  organisationNumber: string;
  name: string;
  form: OrganisationForm;
  municipalityNumber: string;
  industryCode: string;
  employeeCount: number;
  user: { email: string; fullName: string };
}> = [
  {
    organisationNumber: '921456786',
    name: 'Fjordverk Mekaniske AS',
    form: 'AS',
    municipalityNumber: '5001', // Trondheim
    industryCode: '25.110',
    employeeCount: 42,
    user: { email: 'kari@fjordverk.example', fullName: 'Kari Nordmann' },
  },
  {
    organisationNumber: '931567896',
    name: 'Innherred Treindustri AS',
    form: 'AS',
    municipalityNumber: '5037', // Levanger
    industryCode: '16.100',
    employeeCount: 85,
    user: { email: 'ola@innherred-tre.example', fullName: 'Ola Nordmann' },
  },
];

/**
 * Seeds a county with one staff user per role and two applicant organisations with a user each,
 * if the database holds no county yet. Returns whether it seeded.
 */
export async function seedDemoDataIfEmpty(manager: EntityManager): Promise<boolean> {
  return manager.transaction(async (tx) => {
    // Two processes starting together must not both seed.
    await tx.query('LOCK TABLE county IN SHARE ROW EXCLUSIVE MODE');
    if ((await tx.count(County)) > 0) return false;
    const passwordHash = await new PasswordHasher().hash(DEMO_PASSWORD);
    const county = await tx.save(tx.create(County, DEMO_COUNTY));
    for (const staff of DEMO_STAFF) {
      await tx.save(tx.create(UserAccount, { ...staff, kind: 'staff', countyId: county.id, passwordHash }));
    }
    for (const { user, ...organisation } of DEMO_ORGANISATIONS) {
      const org = await tx.save(tx.create(Organisation, { ...organisation, countyId: county.id }));
      const account = await tx.save(
        tx.create(UserAccount, { ...user, kind: 'applicant', countyId: null, roles: [], passwordHash }),
      );
      await tx.save(tx.create(OrganisationMember, { userId: account.id, organisationId: org.id }));
    }
    // Trøndelag's BIO frame: 23.3 MNOK, as granted in 2020 (domain research §2.1.5).
    const frame = await tx.save(
      tx.create(BudgetFrame, {
        countyId: county.id,
        schemeId: BIO_SCHEME_ID,
        year: 2026,
        name: 'BIO 2026',
        currency: 'NOK',
        status: 'open',
      }),
    );
    await new LedgerService().allocate(tx, {
      frameId: frame.id,
      kind: 'allocation',
      amount: DEMO_BIO_FRAME_ORE,
      caseReference: 'FT 2025/42',
      actorUserId: null,
      reason: 'Budget 2026: competence measures, BIO',
    });
    const call = await tx.save(
      tx.create(FundingCall, {
        frameId: frame.id,
        countyId: county.id,
        schemeId: BIO_SCHEME_ID,
        year: 2026,
        title: 'Bedriftsintern opplæring (BIO) 2026 – Trøndelag',
        status: 'published',
        opensAt: new Date(TRONDELAG_BIO_CALL_PARAMETERS.window.opensAt),
        closesAt: TRONDELAG_BIO_CALL_PARAMETERS.window.closesAt
          ? new Date(TRONDELAG_BIO_CALL_PARAMETERS.window.closesAt)
          : null,
        parameters: JSON.parse(JSON.stringify(TRONDELAG_BIO_CALL_PARAMETERS)) as Record<string, unknown>,
        publishedAt: new Date(TRONDELAG_BIO_CALL_PARAMETERS.window.opensAt),
      }),
    );
    await scheduleCallAnnouncements(tx, call, new Date());
    return true;
  });
}
