/** A unit as the Brønnøysund register's `GET /enheter/{orgnr}` answers it (a live one by default). */
export function registerRecord(
  organisationNumber: string,
  unit: {
    name?: string;
    form?: string;
    municipalityNumber?: string;
    industryCode?: string;
    /** null: the register publishes no count (the field is absent). */
    employeeCount?: number | null;
    bankrupt?: boolean;
    underLiquidation?: boolean;
    underForcedDissolution?: boolean;
  } = {},
): Record<string, unknown> {
  const employees = unit.employeeCount === undefined ? 42 : unit.employeeCount;
  return {
    organisasjonsnummer: organisationNumber,
    navn: unit.name ?? `Testbedrift ${organisationNumber} AS`,
    organisasjonsform: { kode: unit.form ?? 'AS', beskrivelse: 'Aksjeselskap' },
    registreringsdatoEnhetsregisteret: '2015-02-01',
    naeringskode1: { kode: unit.industryCode ?? '25.110', beskrivelse: 'Produksjon av metallkonstruksjoner' },
    ...(employees === null
      ? { harRegistrertAntallAnsatte: false }
      : { antallAnsatte: employees, harRegistrertAntallAnsatte: true }),
    forretningsadresse: {
      adresse: ['Testveien 1'],
      postnummer: '7010',
      poststed: 'TRONDHEIM',
      kommune: 'TRONDHEIM',
      kommunenummer: unit.municipalityNumber ?? '5001',
      landkode: 'NO',
    },
    konkurs: unit.bankrupt ?? false,
    underAvvikling: unit.underLiquidation ?? false,
    underTvangsavviklingEllerTvangsopplosning: unit.underForcedDissolution ?? false,
  };
}
