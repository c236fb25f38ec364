import { norwegianDate } from '@lib/common';
import type { EntityManager } from 'typeorm';
import type { Application } from './application.entity';

/**
 * Case numbers (saksnummer): `2026/BIO/0123`, the year the case was opened (saksår, the year of
 * submission in Norway), the scheme's short code and a sequence number that runs from 1 without gaps
 * in each county, scheme and year. At least four digits; more when a year has more cases.
 */
export function formatCaseNumber(year: number, code: string, sequence: number): string {
  return `${year}/${code}/${String(sequence).padStart(4, '0')}`;
}

/** What a search by case number names: the whole number, the code and number, or the number alone. */
export interface CaseNumberSearch {
  readonly year: number | null;
  readonly code: string | null;
  readonly sequence: number;
}

/** A case number to search for: `2026/BIO/0123`, `BIO/123` or `123`, any letter case, leading zeros or not. */
export const CASE_NUMBER_SEARCH = /^(?:(?:(\d{4})\/)?([A-Za-z][A-Za-z0-9]{1,9})\/)?0*([1-9]\d{0,8})$/;

/** What a case-number search names; null for text that is not one. */
export function parseCaseNumberSearch(text: string): CaseNumberSearch | null {
  const match = CASE_NUMBER_SEARCH.exec(text.trim());
  if (!match) return null;
  const sequence = Number(match[3]);
  return {
    year: match[1] ? Number(match[1]) : null,
    code: match[2] ? match[2].toUpperCase() : null,
    sequence,
  };
}

/** The year a case opened at `at` belongs to: the calendar year in Norway. */
export const caseYear = (at: Date): number => Number(norwegianDate(at).slice(0, 4));

/**
 * Gives a submitted application its case number, inside the submission's transaction: the counter
 * row of its county, scheme and year is created or counted up and stays locked until the transaction
 * ends, so concurrent submissions wait for each other and one that is rolled back leaves no gap.
 * An application that already has a number keeps it.
 */
export async function assignCaseNumber(
  tx: EntityManager,
  application: Application,
  code: string,
  at: Date,
): Promise<void> {
  if (application.caseNumber !== null) return;
  const year = caseYear(at);
  const [{ last_number: sequence }] = await tx.query<Array<{ last_number: number }>>(
    `INSERT INTO case_number_counter (county_id, scheme_id, year, last_number) VALUES ($1, $2, $3, 1)
     ON CONFLICT (county_id, scheme_id, year)
       DO UPDATE SET last_number = case_number_counter.last_number + 1
     RETURNING last_number`,
    [application.countyId, application.schemeId, year],
  );
  application.caseYear = year;
  application.caseSequence = sequence;
  application.caseNumber = formatCaseNumber(year, code, sequence);
}
