import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * BIO calls state who may apply with the kernel's eligibility rules, like every other scheme,
 * instead of BIO's own `eligibleOrganisationForms`, `minEmployees` and `countyCode`: stored BIO
 * calls are rewritten to the same rules in the same order (organisation forms, employees when a
 * minimum was set, county when one was given). A data migration; the schema does not change.
 */
export class BioCallEligibility1796252094754 implements MigrationInterface {
  name = 'BioCallEligibility1796252094754';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE "funding_call"
         SET "parameters" = ("parameters" - 'eligibleOrganisationForms' - 'minEmployees' - 'countyCode')
           || jsonb_build_object('eligibility',
                jsonb_build_array(jsonb_build_object('rule', 'organisation_form', 'forms', "parameters"->'eligibleOrganisationForms'))
                || CASE WHEN COALESCE(("parameters"->>'minEmployees')::int, 0) > 0
                        THEN jsonb_build_array(jsonb_build_object('rule', 'min_employees', 'count', ("parameters"->>'minEmployees')::int))
                        ELSE '[]'::jsonb END
                || CASE WHEN "parameters" ? 'countyCode'
                        THEN jsonb_build_array(jsonb_build_object('rule', 'county', 'countyCodes', jsonb_build_array("parameters"->'countyCode')))
                        ELSE '[]'::jsonb END)
       WHERE "scheme_id" = 'bio' AND "parameters" ? 'eligibleOrganisationForms'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Back to BIO's own fields; rule types the old shape cannot hold (employees_below, municipality)
    // are dropped; a call without a form rule gets an empty list, which must be edited before use.
    await queryRunner.query(`
      UPDATE "funding_call" AS c
         SET "parameters" = (c."parameters" - 'eligibility')
           || jsonb_build_object(
                'eligibleOrganisationForms', COALESCE(
                  (SELECT r->'forms' FROM jsonb_array_elements(c."parameters"->'eligibility') r WHERE r->>'rule' = 'organisation_form'),
                  '[]'::jsonb),
                'minEmployees', COALESCE(
                  (SELECT (r->>'count')::int FROM jsonb_array_elements(c."parameters"->'eligibility') r WHERE r->>'rule' = 'min_employees'),
                  0))
           || COALESCE(
                (SELECT jsonb_build_object('countyCode', r->'countyCodes'->0)
                   FROM jsonb_array_elements(c."parameters"->'eligibility') r WHERE r->>'rule' = 'county'),
                '{}'::jsonb)
       WHERE c."scheme_id" = 'bio' AND c."parameters" ? 'eligibility'`);
  }
}
