import { Injectable, Module } from '@nestjs/common';
import { AppConfig, InjectConfig } from '../config/app-config';
import { LocalDiskStorage, type AttachmentStorage } from './attachment-storage';

/** Reads the bytes of attachments already kept, for those that pass them on (the archive). */
@Injectable()
export class AttachmentFilesService {
  private readonly storage: AttachmentStorage;

  constructor(@InjectConfig() config: AppConfig) {
    this.storage = new LocalDiskStorage(config.attachments.directory);
  }

  async read(storageKey: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.storage.get(storageKey)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
}

@Module({ providers: [AttachmentFilesService], exports: [AttachmentFilesService] })
export class AttachmentFilesModule {}
