import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, Clock, norwegianDate, validatePayload, visibleOrNotFound } from '@lib/common';
import { interimReportKind, migrateSnapshot } from '@lib/engine';
import { DataSource } from 'typeorm';
import { Application } from '../applications/application.entity';
import { ownership } from '../applications/applications.service';
import { FundingCall } from '../calls/funding-call.entity';
import { APPROVED_INTERIM_REPORTS_SQL } from '../interim-reports/interim-report.entity';
import { SchemeRegistry } from '../schemes/scheme-registry';
import { PaymentPlanDto } from '../settlement/repayment-claims.dto';
import { SettlementService } from '../settlement/settlement.service';
import { dueInstalments, settledPlan } from './due-instalments';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A grant's payment plan as it stands: each instalment with what was paid towards it and what is
 * left, whether its gate is open; what was released to the frame and claimed back. The applicant's
 * organisation and the county's staff read it; anyone else is told there is no such case.
 */
@Injectable()
export class PaymentPlanService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly schemes: SchemeRegistry,
    private readonly settlement: SettlementService,
    private readonly clock: Clock,
  ) {}

  async get(actor: Actor, key: string): Promise<PaymentPlanDto> {
    const tx = this.dataSource.manager;
    const application = visibleOrNotFound(
      actor,
      await tx.findOneBy(
        Application,
        UUID.test(key) ? { id: key.toLowerCase() } : { reference: key.toUpperCase() },
      ),
      ownership,
      'Application',
    );
    const scheme = this.schemes.forStored(application.schemeId);
    const context = migrateSnapshot(scheme.lifecycle, application.snapshot).state.context;
    const standing = await this.settlement.standing(tx, application.id);
    const [claimed] = await tx.query<Array<{ amount: string }>>(
      `SELECT coalesce(sum(amount), 0) AS amount FROM repayment_claim WHERE application_id = $1`,
      [application.id],
    );
    const granted = application.grantedAmount ?? 0;
    const call = await tx.findOneByOrFail(FundingCall, { id: application.callId });
    const content = await validatePayload(scheme.applicationDto, application.content);
    const planned =
      content.ok && application.grantedAmount !== null
        ? scheme.paymentPlan(call.parameters, granted, content.value)
        : [];
    const plan = settledPlan(planned, context.finalPayableAmount);
    const [interim] = await tx.query<Array<{ approved: Record<string, string> }>>(
      `SELECT ${APPROVED_INTERIM_REPORTS_SQL('$1')} AS approved`,
      [application.id],
    );
    const reportApprovedAt = context.finalPayableAmount !== null ? context.endedAt : null;
    const interimApprovedAt = interim?.approved ?? {};
    const due = dueInstalments(plan, standing.paid, standing.outstanding, {
      acceptedAt: context.acceptedAt,
      reportApprovedAt,
      today: norwegianDate(this.clock.now()),
      interimApprovedAt,
    });
    let paidLeft = Math.max(0, standing.paid);
    const instalments = plan.map((instalment, i) => {
      const paid = Math.min(paidLeft, instalment.amount);
      paidLeft -= paid;
      const open = due.find((d) => d.number === i + 1);
      return {
        number: i + 1,
        label: instalment.label,
        on: instalment.on,
        date: instalment.date ?? null,
        after: instalment.after
          ? {
              key: instalment.after,
              title: interimReportKind(scheme, instalment.after)?.title ?? {
                nb: instalment.after,
                en: instalment.after,
              },
              approved: instalment.after in interimApprovedAt || reportApprovedAt !== null,
            }
          : null,
        amount: instalment.amount,
        paid,
        remaining: instalment.amount - paid,
        dueNow: open !== undefined,
        dueSince: open?.dueSince ?? null,
      };
    });
    return {
      caseReference: application.reference,
      grantedAmount: granted,
      finalPayableAmount: context.finalPayableAmount,
      instalments,
      paidAmount: standing.paid,
      outstandingAmount: standing.outstanding,
      releasedAmount: standing.released,
      claimedAmount: Number(claimed?.amount ?? 0),
      openClaimAmount: standing.openClaimAmount,
    };
  }
}
