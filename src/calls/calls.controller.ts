import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, notFound, Problem } from '@lib/common';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { FundingCall } from './funding-call.entity';

export class CallDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) countyId!: string;
  @ApiProperty({ example: 'bio' }) schemeId!: string;
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty() title!: string;
  @ApiProperty() opensAt!: string;
  @ApiProperty({ nullable: true, description: 'null: rolling, open until the frame is used' }) closesAt!:
    string | null;
  @ApiProperty({ description: 'Open for submissions now' }) open!: boolean;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The round's rules (scheme parameters)",
  })
  parameters!: Record<string, unknown>;
}

const toDto = (call: FundingCall, now: Date): CallDto => ({
  id: call.id,
  countyId: call.countyId,
  schemeId: call.schemeId,
  year: call.year,
  title: call.title,
  opensAt: call.opensAt.toISOString(),
  closesAt: call.closesAt?.toISOString() ?? null,
  open: now >= call.opensAt && (call.closesAt === null || now <= call.closesAt),
  parameters: call.parameters,
});

/** Published calls (utlysninger) are public, like a county's "apply for a grant" page. */
@ApiTags('calls')
@Public()
@Controller('calls')
export class CallsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Published calls, newest first (no login needed)' })
  @ApiOkResponse({ type: [CallDto] })
  async list(): Promise<CallDto[]> {
    const calls = await this.dataSource.manager.find(FundingCall, {
      where: { status: 'published' },
      order: { opensAt: 'DESC', id: 'ASC' },
      take: 200,
    });
    const now = this.clock.now();
    return calls.map((c) => toDto(c, now));
  }

  @Get(':id')
  @ApiOkResponse({ type: CallDto })
  @ApiNotFoundResponse({ type: Problem })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<CallDto> {
    const call = await this.dataSource.manager.findOneBy(FundingCall, { id, status: 'published' });
    if (!call) throw notFound('Call');
    return toDto(call, this.clock.now());
  }
}
