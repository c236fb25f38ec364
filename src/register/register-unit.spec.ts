import { CachedOrganisationRegister } from './cached-organisation-register';
import { OfflineOrganisationRegister } from './offline-organisation-register';
import { RegisterUnavailableError, unitFromRegister, type OrganisationRegister } from './register-unit';
import { ManualClock } from '@lib/common';
import { DEMO_ORGANISATIONS } from '../seed/demo-data';

/** The register's answer for Digitaliseringsdirektoratet, shortened (the NAV fixture). */
const DIGDIR = {
  organisasjonsnummer: '991825827',
  navn: 'DIGITALISERINGSDIREKTORATET',
  organisasjonsform: { kode: 'ORGL', beskrivelse: 'Organisasjonsledd' },
  registreringsdatoEnhetsregisteret: '2007-10-15',
  naeringskode1: { kode: '84.110', beskrivelse: 'Generell offentlig administrasjon' },
  antallAnsatte: 433,
  harRegistrertAntallAnsatte: true,
  overordnetEnhet: '932384469',
  forretningsadresse: {
    adresse: ['Lørenfaret 1C'],
    postnummer: '0585',
    poststed: 'OSLO',
    kommune: 'OSLO',
    kommunenummer: '0301',
    landkode: 'NO',
  },
  konkurs: false,
  underAvvikling: false,
  underTvangsavviklingEllerTvangsopplosning: false,
};

describe('the register JSON, mapped', () => {
  it('reads a live unit', () => {
    expect(unitFromRegister(200, DIGDIR)).toEqual({
      organisationNumber: '991825827',
      name: 'DIGITALISERINGSDIREKTORATET',
      form: 'ORGL',
      employeeCount: 433,
      municipalityNumber: '0301',
      industryCode: '84.110',
      bankrupt: false,
      underLiquidation: false,
      underForcedDissolution: false,
      deletedOn: null,
    });
  });

  it('keeps an absent employee count as null, also when the flag says one is registered', () => {
    const { antallAnsatte: _n, ...without } = DIGDIR;
    expect(unitFromRegister(200, without)).toMatchObject({ employeeCount: null });
  });

  it('reads the status flags', () => {
    expect(
      unitFromRegister(200, {
        ...DIGDIR,
        konkurs: true,
        underAvvikling: true,
        underTvangsavviklingEllerTvangsopplosning: true,
      }),
    ).toMatchObject({ bankrupt: true, underLiquidation: true, underForcedDissolution: true });
  });

  it('takes the postal address municipality when there is no business address', () => {
    const { forretningsadresse, ...rest } = DIGDIR;
    expect(
      unitFromRegister(200, { ...rest, postadresse: { ...forretningsadresse, kommunenummer: '5001' } }),
    ).toMatchObject({ municipalityNumber: '5001' });
  });

  it('reads a deleted unit: 200 with slettedato and a reduced body', () => {
    expect(
      unitFromRegister(200, {
        organisasjonsnummer: '912000044',
        navn: 'SLETTET AS',
        organisasjonsform: { kode: 'AS' },
        slettedato: '2024-03-01',
      }),
    ).toMatchObject({
      deletedOn: '2024-03-01',
      municipalityNumber: null,
      industryCode: null,
      employeeCount: null,
    });
  });

  it('maps 410 to removed and 404 to unknown', () => {
    expect(unitFromRegister(410, { organisasjonsnummer: '912000052', slettedato: '2023-11-15' })).toBe(
      'removed',
    );
    expect(unitFromRegister(404, null)).toBe('unknown');
  });

  it('takes any other answer as the register being unavailable', () => {
    expect(() => unitFromRegister(500, null)).toThrow(RegisterUnavailableError);
    expect(() => unitFromRegister(200, { navn: 'no number' })).toThrow(RegisterUnavailableError);
  });
});

describe('the offline register', () => {
  it('knows every demo organisation with the seed values', async () => {
    const register = new OfflineOrganisationRegister();
    for (const demo of DEMO_ORGANISATIONS) {
      expect(await register.lookup(demo.organisationNumber)).toMatchObject({
        name: demo.name,
        form: demo.form,
        municipalityNumber: demo.municipalityNumber,
        industryCode: demo.industryCode,
        employeeCount: demo.employeeCount,
        deletedOn: null,
      });
    }
  });

  it('answers deleted, removed and unknown units as the register does', async () => {
    const register = new OfflineOrganisationRegister();
    expect(await register.lookup('912000044')).toMatchObject({ deletedOn: '2024-03-01' });
    expect(await register.lookup('912000052')).toBe('removed');
    expect(await register.lookup('912000141')).toBe('unknown');
  });
});

describe('the cached register', () => {
  it('keeps an answer for its time, and asks again after it or when asked for a fresh one', async () => {
    let asked = 0;
    const inner: OrganisationRegister = { lookup: () => Promise.resolve((asked++, 'unknown')) };
    const clock = new ManualClock(new Date('2026-02-02T09:00:00Z'));
    const cached = new CachedOrganisationRegister(inner, clock, 60_000);
    await cached.lookup('912000141');
    await cached.lookup('912000141');
    expect(asked).toBe(1);
    await cached.lookup('912000141', { fresh: true });
    expect(asked).toBe(2);
    clock.set(new Date('2026-02-02T09:01:00Z'));
    await cached.lookup('912000141');
    expect(asked).toBe(3);
  });

  it('does not keep failures', async () => {
    let calls = 0;
    const inner: OrganisationRegister = {
      lookup: () =>
        calls++ === 0 ? Promise.reject(new RegisterUnavailableError('down')) : Promise.resolve('unknown'),
    };
    const cached = new CachedOrganisationRegister(inner, new ManualClock(new Date()), 60_000);
    await expect(cached.lookup('912000141')).rejects.toThrow(RegisterUnavailableError);
    expect(await cached.lookup('912000141')).toBe('unknown');
  });
});
