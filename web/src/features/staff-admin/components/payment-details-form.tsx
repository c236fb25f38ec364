import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ProblemError } from '../../../api/problem';
import { isNorwegianAccountNumber } from '../../../forms/account-number';
import { isOrganisationNumber } from '../../../forms/organisation-number';
import { formatAccountNumber, formatOrganisationNumber } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n';
import { LoadFailed, Loading } from '../../../ui/query-state';
import { paymentDetailsQueries, useSetPaymentDetails } from '../api/payment-details-queries';
import { FormErrors, Notice, type FieldError } from './form-parts';

const ACCOUNT = 'county-payment-account';
const ORGANISATION = 'county-organisation-number';

/**
 * The county's paying account (what payment files pay from) and organisation number, with the MOD11
 * checks of the server run on submit; a confirmation says runs approved from now on use them.
 */
export function PaymentDetailsForm() {
  const { t } = useI18n();
  const details = useQuery(paymentDetailsQueries.current());
  return (
    <section aria-labelledby="county-payment-details" className="staff-admin-section">
      <Heading level={2} data-size="sm" id="county-payment-details">
        {t('countyPaymentDetails.heading')}
      </Heading>
      <Paragraph>{t('countyPaymentDetails.intro')}</Paragraph>
      {details.isPending ? (
        <Loading />
      ) : details.isError ? (
        <LoadFailed />
      ) : (
        <DetailsForm
          paymentAccount={details.data.paymentAccount ?? ''}
          organisationNumber={details.data.organisationNumber ?? ''}
        />
      )}
    </section>
  );
}

function DetailsForm(saved: { paymentAccount: string; organisationNumber: string }) {
  const { t } = useI18n();
  const save = useSetPaymentDetails();
  const [account, setAccount] = useState(
    saved.paymentAccount ? formatAccountNumber(saved.paymentAccount) : '',
  );
  const [organisation, setOrganisation] = useState(
    saved.organisationNumber ? formatOrganisationNumber(saved.organisationNumber) : '',
  );
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState(false);
  const keys = useRef(new Map<string, string>());
  useEffect(() => setDone(false), [account, organisation]);

  const fail = (found: FieldError[]) => {
    setErrors(found);
    setAttempt((n) => n + 1);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    setDone(false);
    const found: FieldError[] = [];
    if (account.trim() === '') found.push({ field: ACCOUNT, message: 'countyPaymentDetails.accountMissing' });
    else if (!isNorwegianAccountNumber(account))
      found.push({ field: ACCOUNT, message: 'countyPaymentDetails.accountInvalid' });
    if (organisation.trim() === '')
      found.push({ field: ORGANISATION, message: 'countyPaymentDetails.organisationMissing' });
    else if (!isOrganisationNumber(organisation))
      found.push({ field: ORGANISATION, message: 'countyPaymentDetails.organisationInvalid' });
    if (found.length > 0) return fail(found);
    setErrors([]);
    const body = { paymentAccount: account.trim(), organisationNumber: organisation.trim() };
    const intent = `${body.paymentAccount}|${body.organisationNumber}`;
    const key = keys.current.get(intent) ?? crypto.randomUUID();
    keys.current.set(intent, key);
    save.mutate(
      { ...body, key },
      {
        onSuccess: () => setDone(true),
        onError: (error) => {
          const code = error instanceof ProblemError ? error.problem.code : undefined;
          fail([
            code === 'invalid_organisation_number'
              ? { field: ORGANISATION, message: 'countyPaymentDetails.organisationInvalid' }
              : code === 'invalid_account_number'
                ? { field: ACCOUNT, message: 'countyPaymentDetails.accountInvalid' }
                : { field: ACCOUNT, message: 'app.error' },
          ]);
        },
      },
    );
  };

  const errorFor = (field: string) => {
    const found = errors.find((e) => e.field === field);
    return found ? t(found.message) : undefined;
  };

  return (
    <form noValidate onSubmit={submit} className="staff-admin-form">
      <Textfield
        id={ACCOUNT}
        label={t('countyPaymentDetails.account')}
        description={t('countyPaymentDetails.accountHelp')}
        inputMode="numeric"
        autoComplete="off"
        value={account}
        onChange={(event) => setAccount(event.target.value)}
        error={errorFor(ACCOUNT)}
      />
      <Textfield
        id={ORGANISATION}
        label={t('countyPaymentDetails.organisation')}
        description={t('countyPaymentDetails.organisationHelp')}
        inputMode="numeric"
        autoComplete="off"
        value={organisation}
        onChange={(event) => setOrganisation(event.target.value)}
        error={errorFor(ORGANISATION)}
      />
      {errors.length > 0 && <FormErrors key={attempt} errors={errors} />}
      {done && <Notice color="success">{t('countyPaymentDetails.saved')}</Notice>}
      <div>
        <Button type="submit" loading={save.isPending}>
          {t('countyPaymentDetails.submit')}
        </Button>
      </div>
    </form>
  );
}
