import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { ProblemError } from '../../../api/problem';
import type { Organisation } from '../../../api/types';
import { formatNumber } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/nb';
import { useRefreshFromRegister } from '../api/organisation-queries';

/**
 * What the Brønnøysund register (Enhetsregisteret) says about the organisation, read-only, with when
 * it was fetched and a button to fetch it again.
 */
export function RegisterFacts({ organisation: o }: { organisation: Organisation }) {
  const { t, date, language } = useI18n();
  const refresh = useRefreshFromRegister();
  const id = useId();
  const [outcome, setOutcome] = useState<{ color: 'success' | 'danger'; text: MessageKey } | null>(null);
  const statuses: string[] = [
    o.bankrupt && t('orgRegister.status.bankrupt'),
    o.underLiquidation && t('orgRegister.status.underLiquidation'),
    o.underForcedDissolution && t('orgRegister.status.underForcedDissolution'),
    o.deletedOn && t('orgRegister.status.deleted', { date: date(o.deletedOn) }),
  ].filter((s): s is string => typeof s === 'string');

  const fetchAgain = () => {
    if (refresh.isPending) return;
    setOutcome(null);
    refresh.mutate(
      { organisationId: o.id, key: crypto.randomUUID() },
      {
        onSuccess: () => setOutcome({ color: 'success', text: 'orgRegister.refreshed' }),
        onError: (e) =>
          setOutcome({
            color: 'danger',
            text:
              e instanceof ProblemError && e.problem.code === 'register_unavailable'
                ? 'orgRegister.unavailable'
                : 'orgRegister.failed',
          }),
      },
    );
  };

  return (
    <section aria-labelledby={`${id}-register`}>
      <Heading level={3} data-size="xs" id={`${id}-register`}>
        {t('orgRegister.heading')}
      </Heading>
      <dl className="facts">
        <dt>{t('orgRegister.form')}</dt>
        <dd>{o.form}</dd>
        <dt>{t('orgRegister.municipality')}</dt>
        <dd>{o.municipalityNumber}</dd>
        <dt>{t('orgRegister.industry')}</dt>
        <dd>{o.industryCode}</dd>
        <dt>{t('orgRegister.employees')}</dt>
        <dd>
          {o.employeeCount === null
            ? t('orgRegister.employeesUnknown')
            : formatNumber(o.employeeCount, language)}
        </dd>
        <dt>{t('orgRegister.status')}</dt>
        <dd>{statuses.length ? statuses.join(', ') : t('orgRegister.status.active')}</dd>
      </dl>
      {statuses.length > 0 && <Alert data-color="warning">{t('orgRegister.inactive')}</Alert>}
      <Paragraph data-size="sm">
        {o.registerCheckedAt
          ? t('orgRegister.fetched', { date: date(o.registerCheckedAt) })
          : t('orgRegister.notFetched')}
      </Paragraph>
      <Button
        variant="secondary"
        aria-disabled={refresh.isPending}
        loading={refresh.isPending}
        onClick={fetchAgain}
      >
        {t('orgRegister.refresh')}
      </Button>
      <div role="status" aria-live="polite" aria-atomic="true">
        {outcome && <Alert data-color={outcome.color}>{t(outcome.text)}</Alert>}
      </div>
    </section>
  );
}
