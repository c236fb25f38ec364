import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, norwegianDate, notFound, validatePayload, visibleOrNotFound } from '@lib/common';
import {
  decisionLetterTerms,
  grantedAmount,
  migrateSnapshot,
  repaymentDueDate,
  type LetterKind,
} from '@lib/engine';
import { settlementOf } from '@lib/ledger';
import { DataSource, EntityManager } from 'typeorm';
import { Application } from '../applications/application.entity';
import { JournalService } from '../archive/journal.service';
import { FundingCall } from '../calls/funding-call.entity';
import { County } from '../counties/county.entity';
import { Organisation } from '../organisations/organisation.entity';
import type { LifecycleCase } from '../runtime';
import { SchemeRegistry } from '../schemes/scheme-registry';
import { DecisionLetter } from './decision-letter.entity';
import {
  appealLastDay,
  appealsBoardName,
  letterTitle,
  renderLetter,
  sha256,
  type LetterAppeal,
  type LetterClaim,
  type LetterInputs,
  type LetterInputsVersion,
  type LetterInstalment,
  type LetterParties,
} from './decision-letter.template';
import { DecisionLetterDto } from './letter.dto';

/** The downloaded file's name begins with what the letter is. */
const FILE_NAMES: Record<LetterKind, string> = {
  grant: 'vedtak',
  rejection: 'vedtak',
  cancellation: 'vedtak',
  settlement: 'vedtak',
  appeal_outcome: 'vedtak',
  appeal_forwarded: 'vedtak',
  repayment_claim: 'tilbakebetalingskrav',
  extension_granted: 'utsatt-frist',
  extension_refused: 'utsatt-frist',
};

/** Who sees a case's letters: its organisation, and its county's staff once it is sent (as the case). */
const ownership = (a: Application) => ({
  organisationId: a.organisationId,
  countyId: a.status === 'draft' ? null : a.countyId,
});

/**
 * Decision letters (vedtaksbrev): written in the transaction of the decision from what the case,
 * call, county and organisation say then, stored with their inputs and the PDF's SHA-256, and drawn
 * again on request.
 */
@Injectable()
export class LettersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly schemes: SchemeRegistry,
    private readonly journal: JournalService,
  ) {}

  /**
   * The letter of the decision just recorded on the case, inside the decision's transaction (the
   * `issueLetter` effect), before the decision's money moves: a settlement or heving that claims money
   * back also writes the claim's own letter. Every letter is journalled as an outgoing document of the
   * case. A case without that decision is a broken machine.
   */
  async issueDecisionLetter(
    tx: EntityManager,
    kase: LifecycleCase,
    kind: LetterKind,
    at: Date,
  ): Promise<DecisionLetter[]> {
    const context = migrateSnapshot(this.schemes.forStored(kase.schemeId).lifecycle, kase.snapshot).state
      .context;
    const application = await tx.findOneByOrFail(Application, { id: kase.id });
    const scheme = this.schemes.forStored(application.schemeId);
    const call = await tx.findOneByOrFail(FundingCall, { id: application.callId });
    const county = await tx.findOneByOrFail(County, { id: application.countyId });
    const organisation = await tx.findOneByOrFail(Organisation, { id: application.organisationId });
    const terms = decisionLetterTerms(call.parameters, scheme);
    // Version 2 letters carry the case number (saksnummer); a case without one writes version 1 as before.
    const version: LetterInputsVersion = application.caseNumber ? 2 : 1;
    const parties = (decidedAt: Date): LetterParties => ({
      countyName: county.name,
      organisationName: organisation.name,
      organisationNumber: organisation.organisationNumber,
      reference: application.reference,
      ...(application.caseNumber ? { caseNumber: application.caseNumber } : {}),
      schemeName: scheme.name,
      callTitle: call.title,
      decidedAt: decidedAt.toISOString(),
      decisionDate: norwegianDate(decidedAt),
    });
    const appeal = (decisionDate: string): LetterAppeal | null =>
      terms.appealable ? { sendTo: county.name, lastDay: appealLastDay(decisionDate) } : null;
    const claimOf = (amountOre: number, decisionDate: string): LetterClaim | null =>
      amountOre > 0
        ? {
            amountOre,
            dueDate: repaymentDueDate(call.parameters, decisionDate),
            account: county.paymentAccount,
            message: application.reference,
          }
        : null;
    const unreachable = (what: string) => new Error(`issueLetter ${kind}: the case holds no ${what}`);
    const paymentPlanOf = async (amountOre: number): Promise<LetterInstalment[]> => {
      const content = await validatePayload(scheme.applicationDto, application.content);
      return content.ok
        ? scheme.paymentPlan(call.parameters, amountOre, content.value).map((line) => ({
            label: line.label,
            amountOre: line.amount,
            on: line.on,
            date: line.date ?? null,
          }))
        : [];
    };

    const letters: LetterInputs[] = [];
    switch (kind) {
      case 'cancellation': {
        const cancellation = context.cancellation;
        if (!cancellation?.decidedAt) throw unreachable('decided cancellation');
        const head = parties(new Date(cancellation.decidedAt));
        const money = await grantMoney(tx, application.id);
        const claim = claimOf(cancellation.repaymentAmount, head.decisionDate);
        letters.push({
          version,
          kind,
          ...head,
          grantedOre: grantedAmount(context),
          paidOre: money.paid,
          // The decision releases everything still outstanding.
          releasedOre: money.released + money.outstanding,
          grounds: cancellation.grounds,
          claim,
          legalBasis: terms.legalBasis,
          appeal: appeal(head.decisionDate),
        });
        if (claim)
          letters.push({
            version,
            kind: 'repayment_claim',
            ...head,
            cause: 'cancellation',
            claim,
            legalBasis: terms.legalBasis,
          });
        break;
      }
      case 'settlement': {
        const finalPayableOre = context.finalPayableAmount;
        if (finalPayableOre === null) throw unreachable('final amount');
        const head = parties(at);
        const money = await grantMoney(tx, application.id);
        const outcome = settlementOf(money.paid, money.outstanding, finalPayableOre);
        const claim = claimOf(outcome.overpaid, head.decisionDate);
        letters.push({
          version,
          kind,
          ...head,
          grantedOre: grantedAmount(context),
          approvedCostsOre: await approvedFinalCosts(tx, application.id),
          finalPayableOre,
          paidOre: money.paid,
          toPayOre: outcome.toPay,
          releasedOre: money.released + outcome.release,
          claim,
          legalBasis: terms.legalBasis,
          appeal: appeal(head.decisionDate),
        });
        if (claim)
          letters.push({
            version,
            kind: 'repayment_claim',
            ...head,
            cause: 'settlement',
            claim,
            legalBasis: terms.legalBasis,
          });
        break;
      }
      case 'extension_granted':
      case 'extension_refused': {
        const extension = context.extension;
        const outcome = extension?.outcome;
        if (!extension || outcome?.kind !== (kind === 'extension_granted' ? 'granted' : 'refused'))
          throw unreachable('such answer to an extension request');
        const day = (instant: string) => norwegianDate(new Date(instant));
        const previous = extension.previousDueAt ?? context.finalReportDueAt ?? extension.requestedDueAt;
        letters.push({
          version,
          kind,
          ...parties(new Date(outcome.at)),
          previousDueDate: day(previous),
          requestedDueDate: day(extension.requestedDueAt),
          newDueDate: outcome.kind === 'granted' ? day(outcome.dueAt) : null,
          grounds: outcome.grounds?.trim() || null,
          legalBasis: terms.legalBasis,
        });
        break;
      }
      case 'repayment_claim':
        throw new Error('issueLetter repayment_claim: a claim letter goes with its settlement or heving');
      case 'appeal_outcome':
      case 'appeal_forwarded': {
        // The letter on an appeal (klage) just moved on: sent to the appeals board, or its outcome. A
        // reversal reads like a grant (amount, payment plan, acceptance, and a new right to appeal when
        // the county reversed its own decision); the appeals board's decisions are final.
        const appealCase = context.appeal;
        const outcome = appealCase?.outcome ?? null;
        const forwarded = appealCase?.forwarded ?? null;
        if (!appealCase || (kind === 'appeal_forwarded' ? !forwarded : !outcome))
          throw unreachable('such appeal step');
        const head = parties(new Date(kind === 'appeal_forwarded' ? forwarded!.at : outcome!.at));
        const reversed = kind === 'appeal_outcome' && outcome?.kind === 'reversed' ? outcome : null;
        letters.push({
          version,
          kind,
          ...head,
          amountOre: reversed ? reversed.amount : null,
          paymentPlan: reversed ? await paymentPlanOf(reversed.amount) : [],
          grounds: kind === 'appeal_forwarded' ? null : outcome!.grounds.trim() || null,
          conditions: [],
          legalBasis: terms.legalBasis,
          acceptanceLastDay:
            reversed && context.acceptedAt === null && context.acceptanceDueAt
              ? norwegianDate(new Date(context.acceptanceDueAt))
              : null,
          // Only a new decision by the county may be appealed again; the board's decision is final.
          appeal: reversed?.decidedBy === 'first_instance' ? appeal(head.decisionDate) : null,
          appealCase: {
            lodgedDate: norwegianDate(new Date(appealCase.lodgedAt)),
            late: appealCase.late,
            against: appealCase.against,
            result: kind === 'appeal_forwarded' ? 'forwarded' : outcome!.kind,
            decidedBy: kind === 'appeal_forwarded' ? 'first_instance' : outcome!.decidedBy,
            boardName: appealsBoardName(county.name),
            note: kind === 'appeal_forwarded' ? forwarded!.note : null,
          },
        });
        break;
      }
      default: {
        const decision = context.decision;
        if (decision?.kind !== kind) throw unreachable('such decision');
        const head = parties(new Date(decision.at));
        letters.push({
          version,
          kind: decision.kind,
          ...head,
          amountOre: decision.kind === 'grant' ? decision.amount : null,
          paymentPlan: decision.kind === 'grant' ? await paymentPlanOf(decision.amount) : [],
          grounds: decision.grounds?.trim() || null,
          conditions: decision.kind === 'grant' ? [...(decision.conditions ?? [])] : [],
          legalBasis: terms.legalBasis,
          acceptanceLastDay:
            decision.kind === 'grant' && context.acceptanceDueAt
              ? norwegianDate(new Date(context.acceptanceDueAt))
              : null,
          appeal: appeal(head.decisionDate),
        });
      }
    }
    const issued: DecisionLetter[] = [];
    for (const inputs of letters) {
      const bytes = await renderLetter(inputs);
      const letter = await tx.save(
        tx.create(DecisionLetter, {
          applicationId: application.id,
          kind: inputs.kind,
          inputs,
          sha256: sha256(bytes),
          byteSize: bytes.length,
          pdf: bytes,
        }),
      );
      // The letter is an outgoing document of the case, sent as it is written.
      const title = letterTitle(letter.kind);
      await this.journal.record(tx, {
        applicationId: application.id,
        type: 'U',
        event: 'decision_letter',
        sourceId: letter.id,
        title,
        documentDate: new Date(inputs.decidedAt),
        documents: [
          {
            role: 'H',
            title,
            fileName: letterFileName(application, inputs),
            mimeType: 'application/pdf',
            byteSize: letter.byteSize,
            sha256: letter.sha256,
            source: { kind: 'decision_letter', id: letter.id },
          },
        ],
      });
      issued.push(letter);
    }
    return issued;
  }

  /**
   * The case's letters, oldest first; letters written in one transaction (a settlement and its claim)
   * share their time, and a claim's letter follows the decision it comes from.
   */
  async list(actor: Actor, key: { id: string } | { reference: string }): Promise<DecisionLetterDto[]> {
    const application = await this.visibleCase(actor, key);
    const letters = await this.dataSource.manager.find(DecisionLetter, {
      where: { applicationId: application.id },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const rank = (letter: DecisionLetter) => (letter.kind === 'repayment_claim' ? 1 : 0);
    return letters
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || rank(a) - rank(b))
      .map((letter) => toDto(application, letter));
  }

  /** One letter's PDF, as it was sent. */
  async pdf(
    actor: Actor,
    key: { id: string } | { reference: string },
    letterId: string,
  ): Promise<{ bytes: Buffer; filename: string }> {
    const application = await this.visibleCase(actor, key);
    const letter = await this.dataSource.manager.findOne(DecisionLetter, {
      where: { id: letterId, applicationId: application.id },
      select: { id: true, kind: true, inputs: true, pdf: true },
    });
    if (!letter) throw notFound('Letter');
    return { bytes: letter.pdf, filename: letterFileName(application, letter.inputs) };
  }

  private async visibleCase(actor: Actor, key: { id: string } | { reference: string }): Promise<Application> {
    return visibleOrNotFound(
      actor,
      await this.dataSource.manager.findOneBy(Application, key),
      ownership,
      'Application',
    );
  }
}

/** The letter's file name, as it is downloaded and journalled. */
const letterFileName = (application: Application, inputs: LetterInputs) =>
  `${FILE_NAMES[inputs.kind]}-${application.reference}-${inputs.decisionDate}.pdf`;

function toDto(application: Application, letter: DecisionLetter): DecisionLetterDto {
  return {
    id: letter.id,
    kind: letter.kind,
    title: letterTitle(letter.kind),
    decisionDate: letter.inputs.decisionDate,
    createdAt: letter.createdAt.toISOString(),
    sha256: letter.sha256,
    byteSize: letter.byteSize,
    pdfPath: `/api/v1/applications/${application.reference}/letters/${letter.id}/pdf`,
  };
}

/** The grant's money on the ledger, all frames together, read in the decision's transaction (øre). */
async function grantMoney(
  tx: EntityManager,
  applicationId: string,
): Promise<{ outstanding: number; paid: number; released: number }> {
  const [row] = await tx.query<Array<{ outstanding: string; paid: string; released: string }>>(
    `SELECT coalesce(sum(committed - released - disbursed - carried_out), 0) AS outstanding,
            coalesce(sum(disbursed - repaid), 0) AS paid, coalesce(sum(released), 0) AS released
       FROM grant_position WHERE application_id = $1`,
    [applicationId],
  );
  return { outstanding: Number(row.outstanding), paid: Number(row.paid), released: Number(row.released) };
}

/** The costs stated in the approved final payout request, when the settlement comes from one (øre). */
async function approvedFinalCosts(tx: EntityManager, applicationId: string): Promise<number | null> {
  const [row] = await tx.query<Array<{ costs: Array<{ accumulatedOre: number }> }>>(
    `SELECT costs FROM payout_request WHERE application_id = $1 AND kind = 'final' AND status = 'approved'
      ORDER BY number DESC LIMIT 1`,
    [applicationId],
  );
  return row ? row.costs.reduce((sum, line) => sum + line.accumulatedOre, 0) : null;
}
