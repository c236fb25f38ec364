import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ProblemError } from '../../../api/problem';
import type { Organisation } from '../../../api/types';
import { formatAccountNumber, formatOrganisationNumber } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/nb';
import { FieldErrorSummary } from '../../../ui/field-error-summary';
import { PageHeading } from '../../../ui/page-heading';
import { LoadFailed, Loading } from '../../../ui/query-state';
import { organisationQueries, useSetPayoutAccount } from '../api/organisation-queries';
import { RegisterFacts } from './register-facts';

/** An applicant's organisations, each with the account its grants are paid to (kontonummer for utbetaling). */
export function PayoutAccountPage() {
  const { t } = useI18n();
  const organisations = useQuery(organisationQueries.mine());
  return (
    <>
      <PageHeading>{t('payoutAccount.title')}</PageHeading>
      <Paragraph>{t('payoutAccount.intro')}</Paragraph>
      {organisations.isPending ? (
        <Loading />
      ) : organisations.isError ? (
        <LoadFailed />
      ) : organisations.data.items.length === 0 ? (
        <Paragraph>{t('payoutAccount.noOrganisation')}</Paragraph>
      ) : (
        organisations.data.items.map((o) => <PayoutAccountForm key={o.id} organisation={o} />)
      )}
    </>
  );
}

/** One organisation's account: shown spaced, changed on submit; the server's MOD11 check decides. */
function PayoutAccountForm({ organisation }: { organisation: Organisation }) {
  const { t } = useI18n();
  const save = useSetPayoutAccount();
  const id = useId();
  const fieldId = `${id}-account`;
  const [value, setValue] = useState('');
  const [error, setError] = useState<MessageKey | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    setSaved(null);
    setFailed(false);
    if (!value.trim()) {
      setError('payoutAccount.missing');
      setAttempt((n) => n + 1);
      return;
    }
    save.mutate(
      { organisationId: organisation.id, accountNumber: value.trim(), key: crypto.randomUUID() },
      {
        onSuccess: (result) => {
          setError(null);
          setValue('');
          setSaved(result.payoutAccount);
        },
        onError: (e) => {
          if (e instanceof ProblemError && e.problem.code === 'invalid_account_number') {
            setError('payoutAccount.invalid');
            setAttempt((n) => n + 1);
          } else {
            setFailed(true);
          }
        },
      },
    );
  };

  return (
    <section aria-labelledby={`${id}-heading`}>
      <Heading level={2} data-size="sm" id={`${id}-heading`}>
        {organisation.name}
      </Heading>
      <Paragraph>
        {t('payoutAccount.orgNumber', { number: formatOrganisationNumber(organisation.organisationNumber) })}
      </Paragraph>
      <Paragraph>
        {organisation.payoutAccount
          ? t('payoutAccount.current', { account: formatAccountNumber(organisation.payoutAccount) })
          : t('payoutAccount.none')}
      </Paragraph>
      <RegisterFacts organisation={organisation} />
      <form noValidate onSubmit={submit}>
        <Textfield
          id={fieldId}
          label={t('payoutAccount.label')}
          description={t('payoutAccount.help')}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          error={error ? t(error) : undefined}
          inputMode="numeric"
          autoComplete="off"
          size={16}
        />
        {error && (
          <FieldErrorSummary
            key={attempt}
            heading={t('payoutAccount.errorHeading')}
            errors={[{ field: fieldId, message: error }]}
          />
        )}
        <div className="payout-account-buttons" style={{ marginTop: 'var(--ds-size-4)' }}>
          <Button type="submit" aria-disabled={save.isPending} loading={save.isPending}>
            {t('payoutAccount.save')}
          </Button>
        </div>
        <div role="status" aria-live="polite" aria-atomic="true">
          {saved && (
            <Alert data-color="success">
              {t('payoutAccount.saved', { account: formatAccountNumber(saved) })}
            </Alert>
          )}
          {failed && <Alert data-color="danger">{t('payoutAccount.failed')}</Alert>}
        </div>
      </form>
    </section>
  );
}
