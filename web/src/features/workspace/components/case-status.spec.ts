import { describe, expect, it } from '@jest/globals';
import { en } from '../../../i18n/en';
import { nb } from '../../../i18n/nb';
import { caseStateWords, STATUS_CHOICES } from './case-status';

describe('case status in words', () => {
  it('names a sub-state staff tell apart, else the top-level status', () => {
    expect(nb[caseStateWords('assessment', 'assessment.recommended')]).toBe('Innstilt, venter på beslutning');
    expect(en[caseStateWords('assessment', 'assessment.recommended')]).toBe('Recommended, awaiting decision');
    expect(nb[caseStateWords('applied', 'applied')]).toBe('Sendt inn');
    // A scheme's own sub-state that staff do not tell apart reads as its status.
    expect(nb[caseStateWords('assessment', 'assessment.site_visit')]).toBe('Under behandling');
  });

  it('offers every status filter once, each with words in both languages', () => {
    const values = STATUS_CHOICES.map((c) => c.value);
    expect(new Set(values).size).toBe(values.length);
    expect(values).not.toContain('draft');
    for (const choice of STATUS_CHOICES) {
      expect(nb[choice.text]).toBeTruthy();
      expect(en[choice.text]).toBeTruthy();
    }
  });
});
