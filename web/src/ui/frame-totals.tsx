import { Heading } from '@digdir/designsystemet-react';
import { useId, type ReactNode } from 'react';
import type { Frame } from '../api/types';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/nb';
import './frame-totals.css';

export type FrameTotal = 'allocated' | 'committed' | 'disbursed' | 'available';

const TOTALS: readonly FrameTotal[] = ['allocated', 'committed', 'disbursed', 'available'];

const LEDGER_WORDS: Record<FrameTotal, MessageKey> = {
  allocated: 'frameTotals.allocated',
  committed: 'frameTotals.committed',
  disbursed: 'frameTotals.disbursed',
  available: 'frameTotals.available',
};

interface FrameTotalsProps {
  frame: Pick<Frame, FrameTotal>;
  /** Names the totals as a region with a level-2 heading; without it, the figures alone. */
  heading?: string;
  /** The terms, where a page uses other words than the ledger's (the frame page its list's columns). */
  labels?: Record<FrameTotal, MessageKey>;
  /** `cards` for the frame's own page, where the totals lead; `row` where they are context. */
  layout?: 'cards' | 'row';
  /** More about the totals, below them in the same region. */
  children?: ReactNode;
}

/** A frame's four totals (allocated, committed, disbursed, available) in kroner, as terms and figures. */
export function FrameTotals({
  frame,
  heading,
  labels = LEDGER_WORDS,
  layout = 'row',
  children,
}: FrameTotalsProps) {
  const { t, kroner } = useI18n();
  const headingId = useId();
  const figures = (
    <dl className={`frame-totals frame-totals-${layout}`}>
      {TOTALS.map((total) => (
        <div key={total}>
          <dt>{t(labels[total])}</dt>
          <dd>{kroner(frame[total])}</dd>
        </div>
      ))}
    </dl>
  );
  if (heading === undefined) return figures;
  return (
    <section aria-labelledby={headingId} className="frame-totals-section">
      <Heading level={2} data-size={layout === 'cards' ? 'sm' : 'xs'} id={headingId}>
        {heading}
      </Heading>
      {figures}
      {children}
    </section>
  );
}
