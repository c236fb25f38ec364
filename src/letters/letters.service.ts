import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, norwegianDate, notFound, validatePayload, visibleOrNotFound } from '@lib/common';
import { decisionLetterTerms, migrateSnapshot, type LetterKind } from '@lib/engine';
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
  type DecisionLetterInputs,
  type LetterInstalment,
} from './decision-letter.template';
import { DecisionLetterDto } from './letter.dto';

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
   * The letter of the decision just recorded on the case (grant or rejection), inside the decision's
   * transaction (the `issueLetter` effect). A case without that decision is a broken machine.
   */
  async issueDecisionLetter(
    tx: EntityManager,
    kase: LifecycleCase,
    kind: LetterKind,
  ): Promise<DecisionLetter> {
    if (kind === 'appeal_outcome' || kind === 'appeal_forwarded')
      return this.issueAppealLetter(tx, kase, kind);
    const context = migrateSnapshot(this.schemes.forStored(kase.schemeId).lifecycle, kase.snapshot).state
      .context;
    const decision = context.decision;
    if (decision?.kind !== kind) throw new Error(`issueLetter ${kind}: the case holds no such decision`);
    const application = await tx.findOneByOrFail(Application, { id: kase.id });
    const scheme = this.schemes.forStored(application.schemeId);
    const call = await tx.findOneByOrFail(FundingCall, { id: application.callId });
    const county = await tx.findOneByOrFail(County, { id: application.countyId });
    const organisation = await tx.findOneByOrFail(Organisation, { id: application.organisationId });
    const terms = decisionLetterTerms(call.parameters, scheme);
    const decisionDate = norwegianDate(new Date(decision.at));
    let paymentPlan: LetterInstalment[] = [];
    if (decision.kind === 'grant') {
      const content = await validatePayload(scheme.applicationDto, application.content);
      if (content.ok)
        paymentPlan = scheme.paymentPlan(call.parameters, decision.amount, content.value).map((line) => ({
          label: line.label,
          amountOre: line.amount,
          on: line.on,
          date: line.date ?? null,
        }));
    }
    const inputs: DecisionLetterInputs = {
      version: application.caseNumber ? 2 : 1,
      kind: decision.kind,
      countyName: county.name,
      organisationName: organisation.name,
      organisationNumber: organisation.organisationNumber,
      reference: application.reference,
      ...(application.caseNumber ? { caseNumber: application.caseNumber } : {}),
      schemeName: scheme.name,
      callTitle: call.title,
      decidedAt: new Date(decision.at).toISOString(),
      decisionDate,
      amountOre: decision.kind === 'grant' ? decision.amount : null,
      paymentPlan,
      grounds: decision.grounds?.trim() || null,
      conditions: decision.kind === 'grant' ? [...(decision.conditions ?? [])] : [],
      legalBasis: terms.legalBasis,
      acceptanceLastDay:
        decision.kind === 'grant' && context.acceptanceDueAt
          ? norwegianDate(new Date(context.acceptanceDueAt))
          : null,
      appeal: terms.appealable ? { sendTo: county.name, lastDay: appealLastDay(decisionDate) } : null,
    };
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
      documentDate: new Date(decision.at),
      documents: [
        {
          role: 'H',
          title,
          fileName: `vedtak-${application.reference}-${decisionDate}.pdf`,
          mimeType: 'application/pdf',
          byteSize: letter.byteSize,
          sha256: letter.sha256,
          source: { kind: 'decision_letter', id: letter.id },
        },
      ],
    });
    return letter;
  }

  /**
   * The letter on an appeal (klage) just moved on: sent to the appeals board, or its outcome. A
   * reversal reads like a grant (amount, payment plan, acceptance, and a new right to appeal when the
   * county reversed its own decision); the appeals board's decisions are final.
   */
  private async issueAppealLetter(
    tx: EntityManager,
    kase: LifecycleCase,
    kind: 'appeal_outcome' | 'appeal_forwarded',
  ): Promise<DecisionLetter> {
    const context = migrateSnapshot(this.schemes.forStored(kase.schemeId).lifecycle, kase.snapshot).state
      .context;
    const appeal = context.appeal;
    const outcome = appeal?.outcome ?? null;
    if (!appeal || (kind === 'appeal_forwarded' ? !appeal.forwarded : !outcome))
      throw new Error(`issueLetter ${kind}: the case holds no such appeal step`);
    const application = await tx.findOneByOrFail(Application, { id: kase.id });
    const scheme = this.schemes.forStored(application.schemeId);
    const call = await tx.findOneByOrFail(FundingCall, { id: application.callId });
    const county = await tx.findOneByOrFail(County, { id: application.countyId });
    const organisation = await tx.findOneByOrFail(Organisation, { id: application.organisationId });
    const terms = decisionLetterTerms(call.parameters, scheme);
    const decidedAt = kind === 'appeal_forwarded' ? appeal.forwarded!.at : outcome!.at;
    const decisionDate = norwegianDate(new Date(decidedAt));
    const reversed = kind === 'appeal_outcome' && outcome?.kind === 'reversed' ? outcome : null;
    let paymentPlan: LetterInstalment[] = [];
    if (reversed) {
      const content = await validatePayload(scheme.applicationDto, application.content);
      if (content.ok)
        paymentPlan = scheme.paymentPlan(call.parameters, reversed.amount, content.value).map((line) => ({
          label: line.label,
          amountOre: line.amount,
          on: line.on,
          date: line.date ?? null,
        }));
    }
    const inputs: DecisionLetterInputs = {
      version: 1,
      kind,
      countyName: county.name,
      organisationName: organisation.name,
      organisationNumber: organisation.organisationNumber,
      reference: application.reference,
      schemeName: scheme.name,
      callTitle: call.title,
      decidedAt: new Date(decidedAt).toISOString(),
      decisionDate,
      amountOre: reversed ? reversed.amount : null,
      paymentPlan,
      grounds: kind === 'appeal_forwarded' ? null : outcome!.grounds.trim() || null,
      conditions: [],
      legalBasis: terms.legalBasis,
      acceptanceLastDay:
        reversed && context.acceptedAt === null && context.acceptanceDueAt
          ? norwegianDate(new Date(context.acceptanceDueAt))
          : null,
      // Only a new decision by the county may be appealed again; the board's decision is final.
      appeal:
        reversed?.decidedBy === 'first_instance' && terms.appealable
          ? { sendTo: county.name, lastDay: appealLastDay(decisionDate) }
          : null,
      appealCase: {
        lodgedDate: norwegianDate(new Date(appeal.lodgedAt)),
        late: appeal.late,
        against: appeal.against,
        result: kind === 'appeal_forwarded' ? 'forwarded' : outcome!.kind,
        decidedBy: kind === 'appeal_forwarded' ? 'first_instance' : outcome!.decidedBy,
        boardName: appealsBoardName(county.name),
        note: kind === 'appeal_forwarded' ? appeal.forwarded!.note : null,
      },
    };
    const bytes = await renderLetter(inputs);
    return tx.save(
      tx.create(DecisionLetter, {
        applicationId: application.id,
        kind: inputs.kind,
        inputs,
        sha256: sha256(bytes),
        byteSize: bytes.length,
        pdf: bytes,
      }),
    );
  }

  /** The case's letters, oldest first. */
  async list(actor: Actor, key: { id: string } | { reference: string }): Promise<DecisionLetterDto[]> {
    const application = await this.visibleCase(actor, key);
    const letters = await this.dataSource.manager.find(DecisionLetter, {
      where: { applicationId: application.id },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return letters.map((letter) => toDto(application, letter));
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
      select: { id: true, inputs: true, pdf: true },
    });
    if (!letter) throw notFound('Letter');
    return {
      bytes: letter.pdf,
      filename: `vedtak-${application.reference}-${letter.inputs.decisionDate}.pdf`,
    };
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
