import { Alert } from '@digdir/designsystemet-react';
import type { Ref } from 'react';
import './outcome-region.css';

/** What became of a command the user sent from a list: said in words, as success or failure. */
export interface Outcome {
  readonly ok: boolean;
  readonly text: string;
}

/**
 * A polite live region announcing a command's outcome. The page moves focus here when its dialog
 * closes (the region takes focus by script only), so keyboard and screen-reader users land on it.
 */
export function OutcomeRegion({ outcome, ref }: { outcome: Outcome | null; ref: Ref<HTMLDivElement> }) {
  return (
    <div
      ref={ref}
      className="outcome-region"
      role="status"
      aria-live="polite"
      aria-atomic="true"
      tabIndex={-1}
    >
      {outcome && <Alert data-color={outcome.ok ? 'success' : 'danger'}>{outcome.text}</Alert>}
    </div>
  );
}
