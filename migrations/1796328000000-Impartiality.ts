import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Impartiality (habilitet, forvaltningsloven §§ 6–8): a member of staff declares on a case whether
 * they are impartial before acting on it. The declarations are append-only like the case history: a
 * declaration of partiality (inhabilitet) stands for good. Each county says whether its staff must
 * declare (on by default).
 */
export class Impartiality1796328000000 implements MigrationInterface {
  name = 'Impartiality1796328000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "impartiality_declaration" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "user_id" uuid NOT NULL, "verdict" text NOT NULL, "ground" text, "explanation" text, "declared_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "impartiality_declaration_verdict" CHECK ("verdict" IN ('impartial', 'partial')), CONSTRAINT "impartiality_declaration_ground" CHECK ("ground" IN ('party', 'related_to_party', 'represents_party', 'party_organisation', 'special_circumstances')), CONSTRAINT "impartiality_declaration_grounds_when_partial" CHECK (("verdict" = 'partial') = ("ground" IS NOT NULL) AND ("verdict" = 'partial' OR "explanation" IS NULL)), CONSTRAINT "impartiality_declaration_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "impartiality_declaration_case_idx" ON "impartiality_declaration" ("application_id", "user_id", "declared_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "impartiality_declaration" ADD CONSTRAINT "impartiality_declaration_application_fk" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "impartiality_declaration" ADD CONSTRAINT "impartiality_declaration_user_fk" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "impartiality_declaration_append_only" BEFORE UPDATE OR DELETE ON "impartiality_declaration" FOR EACH ROW EXECUTE FUNCTION "refuse_append_only_change"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "impartiality_declaration_no_truncate" BEFORE TRUNCATE ON "impartiality_declaration" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_append_only_change"()`,
    );
    await queryRunner.query(
      `REVOKE UPDATE, DELETE, TRUNCATE ON "impartiality_declaration" FROM "grants_service"`,
    );
    await queryRunner.query(
      `ALTER TABLE "county" ADD "impartiality_required" boolean NOT NULL DEFAULT true`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "county" DROP COLUMN "impartiality_required"`);
    await queryRunner.query(
      `DROP TRIGGER "impartiality_declaration_no_truncate" ON "impartiality_declaration"`,
    );
    await queryRunner.query(
      `DROP TRIGGER "impartiality_declaration_append_only" ON "impartiality_declaration"`,
    );
    await queryRunner.query(`DROP TABLE "impartiality_declaration"`);
  }
}
