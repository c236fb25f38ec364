import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795425854352 implements MigrationInterface {
  name = 'Foundation1795425854352';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "county" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(2) NOT NULL, "name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "county_code_format" CHECK ("code" ~ '^[0-9]{2}$'), CONSTRAINT "county_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "county_code_key" ON "county"  ("code") `);
    await queryRunner.query(
      `CREATE TABLE "user_account" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "full_name" text NOT NULL, "password_hash" text, "kind" text NOT NULL, "county_id" uuid, "roles" text array NOT NULL DEFAULT '{}', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "user_account_email_lower" CHECK ("email" = lower("email")), CONSTRAINT "user_account_applicant_no_roles" CHECK ("kind" = 'staff' OR cardinality("roles") = 0), CONSTRAINT "user_account_roles_known" CHECK ("roles" <@ ARRAY['case_officer', 'approver', 'finance', 'admin']::text[]), CONSTRAINT "user_account_staff_has_county" CHECK (("kind" = 'staff') = ("county_id" IS NOT NULL)), CONSTRAINT "user_account_kind" CHECK ("kind" IN ('applicant', 'staff')), CONSTRAINT "user_account_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "user_account_county_idx" ON "user_account"  ("county_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "user_account_email_key" ON "user_account"  ("email") `);
    await queryRunner.query(
      `CREATE TABLE "organisation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_number" character(9) NOT NULL, "name" text NOT NULL, "form" text NOT NULL, "municipality_number" character(4) NOT NULL, "industry_code" character varying(6) NOT NULL, "employee_count" integer NOT NULL, "county_id" uuid, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "organisation_employee_count_positive" CHECK ("employee_count" >= 0), CONSTRAINT "organisation_form_known" CHECK ("form" IN ('AS', 'ASA', 'ENK', 'ANS', 'DA', 'SA', 'NUF', 'STI', 'FLI', 'KOMM', 'FYLK', 'KF', 'IKS', 'ORGL', 'STAT')), CONSTRAINT "organisation_industry_code_format" CHECK ("industry_code" ~ '^[0-9]{2}(\\.[0-9]{1,3})?$'), CONSTRAINT "organisation_municipality_format" CHECK ("municipality_number" ~ '^[0-9]{4}$'), CONSTRAINT "organisation_number_format" CHECK ("organisation_number" ~ '^[0-9]{9}$'), CONSTRAINT "organisation_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "organisation_county_name_idx" ON "organisation"  ("county_id", "name", "id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "organisation_number_key" ON "organisation"  ("organisation_number") `,
    );
    await queryRunner.query(
      `CREATE TABLE "organisation_member" ("user_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "organisation_member_pkey" PRIMARY KEY ("user_id", "organisation_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "organisation_member_organisation_idx" ON "organisation_member"  ("organisation_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "user_account" ADD CONSTRAINT "user_account_county_fk" FOREIGN KEY ("county_id") REFERENCES "county"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation" ADD CONSTRAINT "organisation_county_fk" FOREIGN KEY ("county_id") REFERENCES "county"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_member" ADD CONSTRAINT "organisation_member_user_fk" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_member" ADD CONSTRAINT "organisation_member_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "organisation_member" DROP CONSTRAINT "organisation_member_organisation_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_member" DROP CONSTRAINT "organisation_member_user_fk"`,
    );
    await queryRunner.query(`ALTER TABLE "organisation" DROP CONSTRAINT "organisation_county_fk"`);
    await queryRunner.query(`ALTER TABLE "user_account" DROP CONSTRAINT "user_account_county_fk"`);
    await queryRunner.query(`DROP INDEX "public"."organisation_member_organisation_idx"`);
    await queryRunner.query(`DROP TABLE "organisation_member"`);
    await queryRunner.query(`DROP INDEX "public"."organisation_number_key"`);
    await queryRunner.query(`DROP INDEX "public"."organisation_county_name_idx"`);
    await queryRunner.query(`DROP TABLE "organisation"`);
    await queryRunner.query(`DROP INDEX "public"."user_account_email_key"`);
    await queryRunner.query(`DROP INDEX "public"."user_account_county_idx"`);
    await queryRunner.query(`DROP TABLE "user_account"`);
    await queryRunner.query(`DROP INDEX "public"."county_code_key"`);
    await queryRunner.query(`DROP TABLE "county"`);
  }
}
