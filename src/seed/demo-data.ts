import type { StaffRole } from '@lib/common';
import type { CallOpening, CallParameters } from '@lib/engine';
import type { EntityManager } from 'typeorm';
import { PasswordHasher } from '@lib/auth';
import { BudgetFrame } from '../budget/budget-frame.entity';
import { LedgerService } from '../budget/ledger.service';
import { AuditRepository } from '../audit/audit.repository';
import { scheduleCallAnnouncements } from '../deadlines/deadline-effects';
import { FundingCall } from '../calls/funding-call.entity';
import { County } from '../counties/county.entity';
import { bioPlugin } from '../schemes/bio';
import { PLUGINS } from '../schemes/scheme-registry';
import type { OrganisationForm } from '@lib/common';
import { OrganisationMember } from '../organisations/organisation-member.entity';
import { Organisation } from '../organisations/organisation.entity';
import { UserAccount } from '../users/user.entity';

/** The one password of every demo user. Documented in the README; never seeded in production. */
export const DEMO_PASSWORD = 'Demo-passord-2026';

/** The seeded BIO frame for 2026: 23 300 000 NOK. */
export const DEMO_BIO_FRAME_ORE = bioPlugin.demoCalls[0].frame.allocationOre;

/**
 * The counties, with their organisation number and the account their grants are paid from (the
 * debtor of their payment files). The accounts are made up; each passes the MOD11 check.
 */
export const DEMO_COUNTY = {
  code: '50',
  name: 'Trøndelag fylkeskommune',
  organisationNumber: '817920632',
  paymentAccount: '86011117947',
} as const;

/** A second county, so that tenancy shows and schemes whose rules differ by county can be tried. */
export const DEMO_OTHER_COUNTY = {
  code: '11',
  name: 'Rogaland fylkeskommune',
  organisationNumber: '971045698',
  paymentAccount: '12345678903',
} as const;

export const DEMO_STAFF: ReadonlyArray<{ email: string; fullName: string; roles: StaffRole[] }> = [
  { email: 'saksbehandler@trondelag.example', fullName: 'Siri Saksbehandler', roles: ['case_officer'] },
  { email: 'godkjenner@trondelag.example', fullName: 'Geir Godkjenner', roles: ['approver'] },
  { email: 'okonomi@trondelag.example', fullName: 'Åse Økonomi', roles: ['finance'] },
  { email: 'admin@trondelag.example', fullName: 'Arne Admin', roles: ['admin'] },
];

export const DEMO_OTHER_STAFF: ReadonlyArray<{ email: string; fullName: string; roles: StaffRole[] }> = [
  { email: 'saksbehandler@rogaland.example', fullName: 'Randi Saksbehandler', roles: ['case_officer'] },
  { email: 'godkjenner@rogaland.example', fullName: 'Rune Godkjenner', roles: ['approver'] },
  { email: 'okonomi@rogaland.example', fullName: 'Ragnhild Økonomi', roles: ['finance'] },
  { email: 'admin@rogaland.example', fullName: 'Roar Admin', roles: ['admin'] },
];

/** The demo organisations, as the bundled offline register sample has them (src/register). */
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
  {
    organisationNumber: '942110464',
    name: 'Trondheim kommune',
    form: 'KOMM',
    municipalityNumber: '5001',
    industryCode: '84.110',
    employeeCount: 14_000,
    user: { email: 'tove@trondheim.example', fullName: 'Tove Kommune' },
  },
  {
    organisationNumber: '964965226',
    name: 'Stavanger kommune',
    form: 'KOMM',
    municipalityNumber: '1103',
    industryCode: '84.110',
    employeeCount: 9_000,
    user: { email: 'sverre@stavanger.example', fullName: 'Sverre Kommune' },
  },
];

/**
 * Seeds two counties with one staff user per role, applicant organisations with a user each, and
 * every registered scheme's demo calls with their frames, if the database holds no county yet.
 * Returns whether it seeded. The frames' allocations are stamped `bookedAt` (a test's or the demo's
 * clock, by default now), so that the frames' months follow that clock.
 */
export async function seedDemoDataIfEmpty(
  manager: EntityManager,
  { bookedAt }: { bookedAt?: Date } = {},
): Promise<boolean> {
  return manager.transaction(async (tx) => {
    // Two processes starting together must not both seed.
    await tx.query('LOCK TABLE county IN SHARE ROW EXCLUSIVE MODE');
    if ((await tx.count(County)) > 0) return false;
    const passwordHash = await new PasswordHasher().hash(DEMO_PASSWORD);
    const counties = new Map<string, County>();
    for (const [data, staff] of [
      [DEMO_COUNTY, DEMO_STAFF],
      [DEMO_OTHER_COUNTY, DEMO_OTHER_STAFF],
    ] as const) {
      const county = await tx.save(tx.create(County, data));
      counties.set(county.code, county);
      for (const person of staff) {
        await tx.save(
          tx.create(UserAccount, { ...person, kind: 'staff', countyId: county.id, passwordHash }),
        );
      }
    }
    for (const { user, ...organisation } of DEMO_ORGANISATIONS) {
      const countyId = counties.get(organisation.municipalityNumber.slice(0, 2))!.id;
      const org = await tx.save(
        tx.create(Organisation, { ...organisation, countyId, registerCheckedAt: bookedAt ?? new Date() }),
      );
      const account = await tx.save(
        tx.create(UserAccount, { ...user, kind: 'applicant', countyId: null, roles: [], passwordHash }),
      );
      await tx.save(tx.create(OrganisationMember, { userId: account.id, organisationId: org.id }));
    }
    const now = new Date();
    for (const { scheme, demoCalls } of PLUGINS) {
      for (const demo of demoCalls) {
        const county = counties.get(demo.countyCode)!;
        const frame = await tx.save(
          tx.create(BudgetFrame, {
            countyId: county.id,
            schemeId: scheme.id,
            year: demo.year,
            name: demo.frame.name,
            currency: 'NOK',
            status: 'open',
          }),
        );
        await new LedgerService(new AuditRepository()).allocate(tx, {
          frameId: frame.id,
          kind: 'allocation',
          amount: demo.frame.allocationOre,
          caseReference: demo.frame.caseReference ?? null,
          actorUserId: null,
          at: bookedAt ?? now,
          reason: demo.frame.reason,
        });
        const window = scheme.callWindow(demo.parameters);
        const call = await tx.save(
          tx.create(FundingCall, {
            frameId: frame.id,
            countyId: county.id,
            schemeId: scheme.id,
            year: demo.year,
            title: demo.title,
            status: 'published',
            opensAt: new Date(window.opensAt),
            closesAt: window.closesAt ? new Date(window.closesAt) : null,
            parameters: JSON.parse(JSON.stringify(demo.parameters)) as CallParameters<CallOpening>,
            publishedAt: new Date(window.opensAt),
          }),
        );
        await scheduleCallAnnouncements(tx, call, now);
      }
    }
    return true;
  });
}
