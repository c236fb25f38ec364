import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, ApiProblems } from '@lib/common';
import type { Request } from 'express';
import type { CaseKey } from '../applications/applications.service';
import { CaseIdPipe } from '../applications';
import { Allow, CurrentActor } from '../auth/auth.decorators';
import { type AppConfig, InjectConfig } from '../config/app-config';
import { IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { ALLOWED_ATTACHMENT_TYPES } from './attachment-content';
import {
  AttachmentDto,
  AttachmentKindQuery,
  AttachmentListDto,
  AttachmentOwnerQuery,
  AttachmentUploadDto,
} from './attachment.dto';
import { AttachmentsService } from './attachments.service';
import { readMultipartFile } from './multipart-file';

const CaseParam = () =>
  ApiParam({
    name: 'id',
    type: String,
    description: 'The application id (uuid) or its case reference (saksnummer), e.g. BIO-2026-000123',
  });

/** A download's Content-Disposition: the name as uploaded, in ASCII and in UTF-8 (RFC 6266). */
const disposition = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/**
 * Attachments (vedlegg) on an application, its answers, payout requests and interim reports: uploaded
 * by the applicant, read by them and the county's staff. The query names what they go with.
 */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications/:id/attachments')
export class AttachmentsController {
  constructor(
    private readonly attachments: AttachmentsService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @Get()
  @CaseParam()
  @ApiOperation({
    summary:
      "The attachments of the application (and its answers), or of one payout request, interim report or answer, and the kinds its call allows there",
  })
  @ApiOkResponse({ type: AttachmentListDto })
  @ApiProblems({
    400: 'More than one owner named, or a malformed one',
    404: 'Unknown, or not yours to see',
  })
  list(
    @CurrentActor() actor: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Query() query: AttachmentOwnerQuery,
  ) {
    return this.attachments.list(actor, id, query);
  }

  @Post()
  @CaseParam()
  @Allow('applicant')
  @ApiOperation({
    summary:
      'Upload one attachment (multipart, field "file") to the application, or to a payout request, interim report or answer; its type is read from the content: PDF, PNG, JPEG, DOCX or XLSX',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: AttachmentUploadDto })
  @ApiCreatedResponse({ type: AttachmentDto })
  @ApiProblems({
    403: 'Your role may not do this',
    404: 'Unknown, or not yours to see',
    409: 'The application, payout request, interim report or answer does not take attachments now',
    413: 'The file is larger than allowed',
    415: 'Not multipart, or the content is not an allowed type',
    422: 'The call does not allow this kind, or the virus scan found something',
  })
  async upload(
    @CurrentActor() actor: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Query() query: AttachmentKindQuery,
    @Req() request: Request,
    @IdempotencyKey() key: IdempotencyKey,
  ) {
    // Refused before the body is read where that is possible: not a case of theirs, or a kind the call has not.
    const { kind, ...owner } = query;
    await this.attachments.assertMayUpload(actor, id, kind, owner);
    const body = await readMultipartFile(request, this.config.attachments.maxBytes);
    try {
      return await this.attachments.upload(actor, id, kind, body.file, key, owner);
    } finally {
      // Answered only once the whole request is read, so the client is not cut off mid-upload.
      body.discard();
      await body.finished;
    }
  }

  @Get(':attachmentId')
  @CaseParam()
  @ApiOperation({ summary: 'Download an attachment, with the type read from its content' })
  @ApiProduces(...Object.keys(ALLOWED_ATTACHMENT_TYPES))
  @ApiOkResponse({ description: 'The file as uploaded', schema: { type: 'string', format: 'binary' } })
  @ApiProblems({ 404: 'Unknown, or not yours to see' })
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
  ) {
    const file = await this.attachments.download(actor, id, attachmentId);
    return new StreamableFile(file.content, {
      type: file.mediaType,
      disposition: disposition(file.fileName),
      length: file.sizeBytes,
    });
  }

  @Delete(':attachmentId')
  @HttpCode(204)
  @CaseParam()
  @Allow('applicant')
  @ApiOperation({ summary: 'Delete an attachment not yet sent with what it goes with' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems({
    403: 'Your role may not do this',
    404: 'Unknown, or not yours to see',
    409: 'Already sent, or what it goes with is not open for changes',
  })
  async remove(
    @CurrentActor() actor: Actor,
    @Param('id', CaseIdPipe) id: CaseKey,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
    @IdempotencyKey() key: IdempotencyKey,
  ) {
    await this.attachments.delete(actor, id, attachmentId, key);
  }
}
