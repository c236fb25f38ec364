import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, ApiProblems, CSV_CONTENT_TYPE } from '@lib/common';
import { Allow, CurrentActor } from '../auth/auth.decorators';
import { IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { CreatePaymentRunDto, PaymentRunDto, PaymentRunPageDto, PaymentRunQuery } from './payment-runs.dto';
import { PaymentRunsService, type PaymentFile } from './payment-runs.service';

type Staff = Extract<Actor, { kind: 'staff' }>;

const XML_CONTENT_TYPE = 'application/xml; charset=utf-8';
const download = (file: PaymentFile, type: string) =>
  new StreamableFile(file.content, { type, disposition: `attachment; filename="${file.fileName}"` });

/** Payment runs (utbetalingslister): due payments paid together, approved once, exported for the bank. */
@ApiTags('finance')
@ApiBearerAuth()
@Allow('finance')
@ApiProblems({ 403: 'Not finance' })
@Controller('payments/runs')
export class PaymentRunsController {
  constructor(private readonly runs: PaymentRunsService) {}

  @Get()
  @ApiOperation({ summary: "The county's payment runs, newest first, 50 a page" })
  @ApiOkResponse({ type: PaymentRunPageDto })
  list(@CurrentActor() actor: Staff, @Query() query: PaymentRunQuery) {
    return this.runs.list(actor, query);
  }

  @Post()
  @ApiOperation({
    summary: 'Make a draft run of due payments, as listed, for a requested execution date (a business day)',
  })
  @ApiCreatedResponse({ type: PaymentRunDto })
  @ApiProblems({
    409: 'run_items_not_due: items not due now or for another amount (each named); county_payment_account_missing',
    422: 'payee_account_missing: payees without a valid account (each named); execution date not a business day or past',
  })
  create(
    @CurrentActor() actor: Staff,
    @Body() body: CreatePaymentRunDto,
    @IdempotencyKey() key: IdempotencyKey,
  ) {
    return this.runs.create(actor, body, key);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One payment run with its items' })
  @ApiOkResponse({ type: PaymentRunDto })
  @ApiProblems({ 404: 'No such run in your county' })
  get(@CurrentActor() actor: Staff, @Param('id', ParseUUIDPipe) id: string) {
    return this.runs.get(actor, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Approve a draft run: book every item as a disbursement, all or nothing; an approved run is returned as it is',
  })
  @ApiOkResponse({ type: PaymentRunDto })
  @ApiProblems({
    404: 'No such run in your county',
    409: 'run_items_not_due: items no longer due (each named), nothing booked',
    422: 'payee_account_missing: payees without a valid account now (each named), nothing booked',
  })
  approve(
    @CurrentActor() actor: Staff,
    @Param('id', ParseUUIDPipe) id: string,
    @IdempotencyKey() key: IdempotencyKey,
  ) {
    return this.runs.approve(actor, id, key);
  }

  @Get(':id/pain001.xml')
  @ApiOperation({ summary: 'The approved run as an ISO 20022 pain.001.001.03 credit transfer file' })
  @ApiOkResponse({
    description: 'pain.001.001.03 XML, the same bytes every time',
    content: { [XML_CONTENT_TYPE]: { schema: { type: 'string' } } },
  })
  @ApiProblems({ 404: 'No such run in your county', 409: 'run_not_approved' })
  async creditTransfer(@CurrentActor() actor: Staff, @Param('id', ParseUUIDPipe) id: string) {
    return download(await this.runs.creditTransferFile(actor, id), XML_CONTENT_TYPE);
  }

  @Get(':id/items.csv')
  @ApiOperation({
    summary:
      "The approved run's items as CSV (UTF-8 with BOM, ';', kroner with decimal comma, Norwegian headers)",
  })
  @ApiOkResponse({
    description: 'CSV, one row per item',
    content: { [CSV_CONTENT_TYPE]: { schema: { type: 'string' } } },
  })
  @ApiProblems({ 404: 'No such run in your county', 409: 'run_not_approved' })
  async csv(@CurrentActor() actor: Staff, @Param('id', ParseUUIDPipe) id: string) {
    return download(await this.runs.csvFile(actor, id), CSV_CONTENT_TYPE);
  }
}
