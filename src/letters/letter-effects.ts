import { Injectable, OnModuleInit } from '@nestjs/common';
import { EffectRunner } from '../runtime';
import { LettersService } from './letters.service';

/** `issueLetter` effects become decision letters in the transition's transaction. */
@Injectable()
export class LetterEffects implements OnModuleInit {
  constructor(
    private readonly effects: EffectRunner,
    private readonly letters: LettersService,
  ) {}

  onModuleInit(): void {
    this.effects.register('issueLetter', async (effect, { tx, application, at }) => {
      await this.letters.issueDecisionLetter(tx, application, effect.letter, at);
    });
  }
}
