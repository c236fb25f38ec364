import { Details } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n/i18n';

/** A chart's figures as a real table, behind a disclosure under the chart; `label` names the table. */
export function FiguresDisclosure({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Details>
      <Details.Summary>{t('finance.table.show')}</Details.Summary>
      <Details.Content>
        <div className="frames-scroll" role="region" aria-label={label} tabIndex={0}>
          {children}
        </div>
      </Details.Content>
    </Details>
  );
}
