import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The final report's follow-up days move from the call's columns into its parameters, beside the
 * other parameters every call has (window, eligibility, days to accept, delegation threshold): each
 * call's `reminder_days`, `overdue_escalation_days` and `overdue_lapse_proposal_days` are copied to
 * `reminderDays`, `overdueEscalationDays` and `overdueLapseProposalDays` in `parameters`, and the
 * columns are dropped. `down()` restores the columns from the parameters (the old defaults where a
 * call's parameters lack them) and takes the fields out again.
 */
export class CallFollowUpInParameters1796282364837 implements MigrationInterface {
  name = 'CallFollowUpInParameters1796282364837';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE "funding_call"
         SET "parameters" = "parameters" || jsonb_build_object(
               'reminderDays', to_jsonb("reminder_days"),
               'overdueEscalationDays', "overdue_escalation_days",
               'overdueLapseProposalDays', "overdue_lapse_proposal_days")`);
    await queryRunner.query(`ALTER TABLE "funding_call" DROP COLUMN "reminder_days"`);
    await queryRunner.query(`ALTER TABLE "funding_call" DROP COLUMN "overdue_escalation_days"`);
    await queryRunner.query(`ALTER TABLE "funding_call" DROP COLUMN "overdue_lapse_proposal_days"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "funding_call" ADD "reminder_days" integer array NOT NULL DEFAULT '{60,14,1}'`,
    );
    await queryRunner.query(
      `ALTER TABLE "funding_call" ADD "overdue_escalation_days" integer NOT NULL DEFAULT '14'`,
    );
    await queryRunner.query(
      `ALTER TABLE "funding_call" ADD "overdue_lapse_proposal_days" integer NOT NULL DEFAULT '42'`,
    );
    await queryRunner.query(`
      UPDATE "funding_call"
         SET "reminder_days" = CASE WHEN jsonb_typeof("parameters"->'reminderDays') = 'array'
               THEN ARRAY(SELECT d::int FROM jsonb_array_elements_text("parameters"->'reminderDays') d)
               ELSE "reminder_days" END,
             "overdue_escalation_days" = COALESCE(("parameters"->>'overdueEscalationDays')::int, "overdue_escalation_days"),
             "overdue_lapse_proposal_days" = COALESCE(("parameters"->>'overdueLapseProposalDays')::int, "overdue_lapse_proposal_days"),
             "parameters" = "parameters" - 'reminderDays' - 'overdueEscalationDays' - 'overdueLapseProposalDays'`);
  }
}
