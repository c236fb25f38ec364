import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';
import { IsIsoDate, IsOre, NestedList, NestedObject, nok, Optional } from '@lib/common';
import {
  MENTOR_COST_CATEGORIES,
  MENTOR_GOAL_OUTCOMES,
  MENTOR_OWN_SHARE_KINDS,
  type MentorCostCategory,
  type MentorGoalOutcome,
  type MentorOwnShareKind,
} from './mentor-vocabulary';

/*
 * What an applicant fills in for the mentor and trainee scheme (søknad), and what it reports at the
 * end (sluttrapport): the fields of domain research §2.3 (Rogaland's list: the applicant's
 * competence, goals with main goal, sub-goals and expected results, target group and area,
 * implementation plan, coordination, time plan, budget, financing plan, own share; plus the mentor
 * recruitment plan, other public funding, economic activity and the leader's signature). The DTOs
 * check each field's shape; whether the whole is eligible under a call is for `checkMentorEligibility`.
 * Amounts are whole øre.
 */

export interface MentorGoals {
  /** Hovedmål. */
  readonly mainGoal: string;
  /** Delmål. */
  readonly subGoals: readonly string[];
  /** Forventede resultater. */
  readonly expectedResults: string;
}

export interface MentorTargetGroup {
  readonly description: string;
  /** The area the project covers (municipalities, region). */
  readonly area: string;
  /** Planned number of participants (mentees / trainees). */
  readonly participantCount: number;
}

export interface MentorMilestone {
  /** `YYYY-MM-DD`, inside the project period. */
  readonly date: string;
  readonly activity: string;
}

export interface MentorTimePlan {
  /** First day of the project, `YYYY-MM-DD`. */
  readonly startDate: string;
  /** Last day of the project, `YYYY-MM-DD`. */
  readonly endDate: string;
  readonly milestones: readonly MentorMilestone[];
}

export interface MentorCostLine {
  readonly category: MentorCostCategory;
  readonly description?: string;
  readonly amountOre: number;
}

/**
 * One part of the own share (egenandel). Cash, premises and other costs carry `amountOre`; staff
 * time carries `hours` and the person's `grossAnnualSalaryOre` and is valued at the call's hourly
 * rate. Salaries are per role, not per named person (data minimisation, domain research §4.4).
 */
export interface MentorOwnShareLine {
  readonly kind: MentorOwnShareKind;
  readonly description: string;
  /** Cash, premises and other costs: the value in øre. */
  readonly amountOre?: number;
  /** Staff time: hours, at most two decimals (37.5). */
  readonly hours?: number;
  /** Staff time: gross annual salary of the role, øre. */
  readonly grossAnnualSalaryOre?: number;
}

/** Other public funding applied for or granted to the project (disclosed; no double funding). */
export interface MentorPublicFundingLine {
  readonly source: string;
  readonly amountOre: number;
}

/** Financing plan (finansieringsplan): grant + own share + other public funding = the budget. */
export interface MentorFinancingPlan {
  readonly requestedGrantOre: number;
  readonly ownShare: readonly MentorOwnShareLine[];
  readonly otherPublicFunding: readonly MentorPublicFundingLine[];
}

/** Signed by the leader (forankret i ledelsen): the rådmann / kommunedirektør or general manager. */
export interface MentorLeaderSignature {
  readonly name: string;
  readonly position: string;
  readonly confirmed: boolean;
}

export interface MentorDeclarations {
  /** No cost in the budget is funded twice (Trøndelag's priority: no double funding). */
  readonly noDoubleFunding: boolean;
  /** The applicant carries on economic activity, so the grant may be state aid (§4.5). */
  readonly economicActivity: boolean;
  /** De minimis aid received in this and the two previous fiscal years, øre (0 when none). */
  readonly deMinimisReceivedOre: number;
  /** Staff time in the own share will be documented with timesheets (timelister). */
  readonly staffTimeDocumentedWithTimesheets: boolean;
  readonly leaderSignature: MentorLeaderSignature;
}

export interface MentorApplicationContent {
  readonly projectTitle: string;
  /** The applicant's competence for running the project. */
  readonly applicantCompetence: string;
  readonly goals: MentorGoals;
  readonly targetGroup: MentorTargetGroup;
  /** How mentors are recruited (plan for rekruttering av mentorer). */
  readonly mentorRecruitmentPlan: string;
  /** Implementation (gjennomføring), including coordination with partners. */
  readonly implementationPlan: string;
  readonly timePlan: MentorTimePlan;
  /** Budget (kostnadsplan), own share included at its value; several lines may share a category. */
  readonly costPlan: readonly MentorCostLine[];
  readonly financingPlan: MentorFinancingPlan;
  readonly declarations: MentorDeclarations;
}

/** How one goal went, in the final report. */
export interface MentorGoalResult {
  readonly goal: string;
  readonly outcome: MentorGoalOutcome;
  readonly result: string;
}

/** Final report (sluttrapport): results against goals, participants reached, actual costs and own share. */
export interface MentorFinalReport {
  readonly summary: string;
  /** One per goal of the application: the main goal and each sub-goal. */
  readonly goalResults: readonly MentorGoalResult[];
  readonly participantsReached: number;
  readonly mentorsRecruited: number;
  /** Actual costs (regnskap). */
  readonly actualCosts: readonly MentorCostLine[];
  /** The own share actually contributed, valued like in the application. */
  readonly actualOwnShare: readonly MentorOwnShareLine[];
  /** Other public funding actually received for the project, øre. */
  readonly otherPublicFundingOre: number;
  /** The own share is documented (accounts, and timesheets for staff time) and available for control. */
  readonly ownShareDocumented: boolean;
}

// ── DTO classes ─────────────────────────────────────────────────────────────────────────────

const AMOUNT_KINDS: readonly MentorOwnShareKind[] = ['cash', 'premises', 'other_costs'];
const STAFF_TIME_KINDS: readonly MentorOwnShareKind[] = ['staff_time'];

/** A field that belongs to own-share lines of some kinds only: present on another kind, it is refused. */
function OnlyForOwnShareKinds(kinds: readonly MentorOwnShareKind[]): PropertyDecorator {
  return ValidateBy({
    name: 'onlyForOwnShareKinds',
    constraints: [kinds],
    validator: {
      validate: (_value: unknown, args?: ValidationArguments) =>
        kinds.includes((args?.object as { kind?: MentorOwnShareKind }).kind as MentorOwnShareKind),
      defaultMessage: (args?: ValidationArguments) =>
        `${args?.property} belongs only to own-share lines of kind ${kinds.join(', ')}`,
    },
  });
}

/** Hours: positive, with at most two decimals. */
const isHours = (value: unknown): boolean =>
  typeof value === 'number' &&
  Number.isFinite(value) &&
  value > 0 &&
  value <= 100_000 &&
  Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;

function IsHours(): PropertyDecorator {
  return ValidateBy({
    name: 'isHours',
    validator: {
      validate: (value: unknown) => isHours(value),
      defaultMessage: (args?: ValidationArguments) =>
        `${args?.property} must be a number of hours above 0 with at most two decimals`,
    },
  });
}

export class MentorGoalsDto implements MentorGoals {
  @ApiProperty({ example: 'More immigrants in Trondheim get work that fits their qualifications' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  mainGoal!: string;

  @ApiProperty({
    type: [String],
    example: ['20 participants matched with a mentor', '10 trainee placements in local businesses'],
  })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(2000, { each: true })
  subGoals!: string[];

  @ApiProperty({ example: 'At least 8 participants in relevant work or education within a year' })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  expectedResults!: string;
}

export class MentorTargetGroupDto implements MentorTargetGroup {
  @ApiProperty({ example: 'Refugees with higher education who have finished the introduction programme' })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  description!: string;

  @ApiProperty({ example: 'Trondheim, Malvik and Melhus' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  area!: string;

  @ApiProperty({
    example: 20,
    minimum: 1,
    description: 'Planned participants; fewer than the call expects lowers the priority',
  })
  @IsInt()
  @Min(1)
  @Max(100_000)
  participantCount!: number;
}

export class MentorMilestoneDto implements MentorMilestone {
  @ApiProperty({ example: '2027-03-01', format: 'date' })
  @IsIsoDate()
  date!: string;

  @ApiProperty({ example: 'First mentor–mentee pairs matched' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  activity!: string;
}

export class MentorTimePlanDto implements MentorTimePlan {
  @ApiProperty({ example: '2027-01-04', format: 'date' })
  @IsIsoDate()
  startDate!: string;

  @ApiProperty({ example: '2027-12-17', format: 'date' })
  @IsIsoDate()
  endDate!: string;

  @NestedList(() => MentorMilestoneDto, { max: 50 })
  milestones!: MentorMilestoneDto[];
}

export class MentorCostLineDto implements MentorCostLine {
  @ApiProperty({ enum: MENTOR_COST_CATEGORIES, example: 'mentor_activities' })
  @IsIn(MENTOR_COST_CATEGORIES)
  category!: MentorCostCategory;

  @ApiPropertyOptional({ example: 'Mentor training, two evenings' })
  @Optional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiProperty({ example: nok(150_000), minimum: 0, description: 'Øre' })
  @IsOre()
  amountOre!: number;
}

export class MentorOwnShareLineDto implements MentorOwnShareLine {
  @ApiProperty({ enum: MENTOR_OWN_SHARE_KINDS, example: 'staff_time' })
  @IsIn(MENTOR_OWN_SHARE_KINDS)
  kind!: MentorOwnShareKind;

  @ApiProperty({ example: 'Project coordinator, 20 % position' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  description!: string;

  @ApiPropertyOptional({
    example: nok(40_000),
    minimum: 0,
    description: 'Øre; cash, premises and other_costs lines only',
  })
  @ValidateIf(
    (line: MentorOwnShareLineDto) => AMOUNT_KINDS.includes(line.kind) || line.amountOre !== undefined,
  )
  @IsOre()
  @OnlyForOwnShareKinds(AMOUNT_KINDS)
  amountOre?: number;

  @ApiPropertyOptional({ example: 100, description: 'staff_time lines only: hours, at most two decimals' })
  @ValidateIf(
    (line: MentorOwnShareLineDto) => STAFF_TIME_KINDS.includes(line.kind) || line.hours !== undefined,
  )
  @IsHours()
  @OnlyForOwnShareKinds(STAFF_TIME_KINDS)
  hours?: number;

  @ApiPropertyOptional({
    example: nok(650_000),
    minimum: 0,
    description: "staff_time lines only: the role's gross annual salary, øre",
  })
  @ValidateIf(
    (line: MentorOwnShareLineDto) =>
      STAFF_TIME_KINDS.includes(line.kind) || line.grossAnnualSalaryOre !== undefined,
  )
  @IsOre()
  @OnlyForOwnShareKinds(STAFF_TIME_KINDS)
  grossAnnualSalaryOre?: number;
}

export class MentorPublicFundingLineDto implements MentorPublicFundingLine {
  @ApiProperty({ example: 'NAV Trøndelag, tiltaksmidler' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  source!: string;

  @ApiProperty({ example: nok(110_000), minimum: 0, description: 'Øre' })
  @IsOre()
  amountOre!: number;
}

export class MentorFinancingPlanDto implements MentorFinancingPlan {
  @ApiProperty({ example: nok(300_000), minimum: 0, description: 'Øre' })
  @IsOre()
  requestedGrantOre!: number;

  @NestedList(() => MentorOwnShareLineDto, { max: 100 })
  ownShare!: MentorOwnShareLineDto[];

  @ApiProperty({ type: () => MentorPublicFundingLineDto, isArray: true, description: 'Empty when none' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MentorPublicFundingLineDto)
  otherPublicFunding!: MentorPublicFundingLineDto[];
}

export class MentorLeaderSignatureDto implements MentorLeaderSignature {
  @ApiProperty({ example: 'Morten Wolden' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'Kommunedirektør' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  position!: string;

  @ApiProperty({ example: true, description: 'The leader has read and signed the application' })
  @IsBoolean()
  confirmed!: boolean;
}

export class MentorDeclarationsDto implements MentorDeclarations {
  @ApiProperty({ example: true })
  @IsBoolean()
  noDoubleFunding!: boolean;

  @ApiProperty({ example: false })
  @IsBoolean()
  economicActivity!: boolean;

  @ApiProperty({ example: 0, minimum: 0, description: 'Øre; 0 when none' })
  @IsOre()
  deMinimisReceivedOre!: number;

  @ApiProperty({ example: true })
  @IsBoolean()
  staffTimeDocumentedWithTimesheets!: boolean;

  @NestedObject(() => MentorLeaderSignatureDto)
  leaderSignature!: MentorLeaderSignatureDto;
}

export class MentorApplicationDto implements MentorApplicationContent {
  @ApiProperty({ example: 'Mentor Trondheim 2027' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  projectTitle!: string;

  @ApiProperty({ example: 'The refugee service has run mentor projects since 2019' })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  applicantCompetence!: string;

  @NestedObject(() => MentorGoalsDto)
  goals!: MentorGoalsDto;

  @NestedObject(() => MentorTargetGroupDto)
  targetGroup!: MentorTargetGroupDto;

  @ApiProperty({ example: 'Mentors are recruited through the chamber of commerce and retired professionals' })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  mentorRecruitmentPlan!: string;

  @ApiProperty({ example: 'Monthly network meetings; coordination with NAV and the adult education centre' })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  implementationPlan!: string;

  @NestedObject(() => MentorTimePlanDto)
  timePlan!: MentorTimePlanDto;

  @NestedList(() => MentorCostLineDto, { min: 1, max: 100 })
  costPlan!: MentorCostLineDto[];

  @NestedObject(() => MentorFinancingPlanDto)
  financingPlan!: MentorFinancingPlanDto;

  @NestedObject(() => MentorDeclarationsDto)
  declarations!: MentorDeclarationsDto;
}

export class MentorGoalResultDto implements MentorGoalResult {
  @ApiProperty({ example: '20 participants matched with a mentor' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  goal!: string;

  @ApiProperty({ enum: MENTOR_GOAL_OUTCOMES, example: 'partly_achieved' })
  @IsIn(MENTOR_GOAL_OUTCOMES)
  outcome!: MentorGoalOutcome;

  @ApiProperty({ example: '17 pairs matched; three mentees moved away' })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  result!: string;
}

export class MentorFinalReportDto implements MentorFinalReport {
  @ApiProperty({ example: '17 mentor pairs; 9 participants in relevant work by December' })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  summary!: string;

  @ApiProperty({
    type: () => MentorGoalResultDto,
    isArray: true,
    description: 'The main goal and each sub-goal',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(21)
  @ValidateNested({ each: true })
  @Type(() => MentorGoalResultDto)
  goalResults!: MentorGoalResultDto[];

  @ApiProperty({ example: 17, minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(100_000)
  participantsReached!: number;

  @ApiProperty({ example: 15, minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(100_000)
  mentorsRecruited!: number;

  @NestedList(() => MentorCostLineDto, { min: 1, max: 100 })
  actualCosts!: MentorCostLineDto[];

  @NestedList(() => MentorOwnShareLineDto, { max: 100 })
  actualOwnShare!: MentorOwnShareLineDto[];

  @ApiProperty({ example: nok(110_000), minimum: 0, description: 'Øre' })
  @IsOre()
  otherPublicFundingOre!: number;

  @ApiProperty({ example: true, description: 'Accounts and timesheets are kept and available for control' })
  @IsBoolean()
  ownShareDocumented!: boolean;
}
