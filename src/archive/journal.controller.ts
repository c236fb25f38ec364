import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, ApiProblems } from '@lib/common';
import { Allow, CurrentActor, Public } from '../auth/auth.decorators';
import {
  JournalCountyDto,
  JournalPageDto,
  JournalQuery,
  PublicJournalPageDto,
  PublicJournalQuery,
} from './journal.dto';
import { JournalService } from './journal.service';

type Staff = Extract<Actor, { kind: 'staff' }>;

/** The county's journal (postjournal): every incoming and outgoing document of its cases. */
@ApiTags('journal')
@ApiBearerAuth()
@Allow('case_officer', 'approver', 'finance', 'admin')
@ApiProblems({ 403: 'Not county staff' })
@Controller('journal')
export class JournalController {
  constructor(private readonly journal: JournalService) {}

  @Get()
  @ApiOperation({
    summary:
      "The county's registry entries (journalposter), newest first, by journal date and case, with their delivery to the archive",
  })
  @ApiOkResponse({ type: JournalPageDto })
  list(@CurrentActor() actor: Staff, @Query() query: JournalQuery) {
    return this.journal.list(actor, query);
  }
}

/** The public journal (offentlig journal): anyone may read it; what is screened is left out. */
@ApiTags('journal')
@Public()
@Controller('public/journal')
export class PublicJournalController {
  constructor(private readonly journal: JournalService) {}

  @Get()
  @ApiOperation({
    summary:
      "A county's public journal, newest first: private persons' names and the documents of screened entries are left out",
  })
  @ApiOkResponse({ type: PublicJournalPageDto })
  @ApiProblems({ 404: 'No such county' })
  list(@Query() query: PublicJournalQuery) {
    return this.journal.publicList(query);
  }

  @Get('counties')
  @ApiOperation({ summary: 'The counties whose public journals can be read, by name' })
  @ApiOkResponse({ type: [JournalCountyDto] })
  counties() {
    return this.journal.counties();
  }
}
