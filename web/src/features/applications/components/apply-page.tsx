import { Alert, Button, Field, Heading, Label, Link, Paragraph, Select } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import type { CallEligibility, OrganisationRef } from '../../../api/types';
import { ProblemError } from '../../../api/problem';
import { useI18n } from '../../../i18n/i18n';
import { applicationFormPath } from '../../../lib/paths';
import { PageHeading } from '../../../ui/page-heading';
import { LoadFailed, Loading } from '../../../ui/query-state';
import { eligibilityQueries, useStartApplication } from '../api/application-queries';
import { reasonText } from './eligibility-reason';

/**
 * Applicant capability 3: before the form, whether the organisation may apply under the call by the
 * call's own rules (organisation form, size, county), and why not; only then the start of a draft.
 */
export function ApplyPage({ organisations }: { organisations: readonly OrganisationRef[] }) {
  const { t } = useI18n();
  const { callId = '' } = useParams();
  const call = useQuery(eligibilityQueries.call(callId));
  const [organisationId, setOrganisationId] = useState(organisations[0]?.id ?? '');
  const selectId = useId();
  const notFound = call.error instanceof ProblemError && [400, 404].includes(call.error.status);
  return (
    <>
      <PageHeading>{t('apply.title')}</PageHeading>
      {call.isPending ? (
        <Loading />
      ) : notFound ? (
        <Paragraph>{t('apply.callNotFound')}</Paragraph>
      ) : call.isError ? (
        <LoadFailed />
      ) : (
        <>
          <Paragraph>{t('apply.intro', { call: call.data.title })}</Paragraph>
          {organisations.length === 0 ? (
            <Paragraph>{t('apply.noOrganisation')}</Paragraph>
          ) : (
            <>
              {organisations.length > 1 && (
                <Field>
                  <Label htmlFor={selectId}>{t('apply.organisation')}</Label>
                  <Select
                    id={selectId}
                    value={organisationId}
                    onChange={(event) => setOrganisationId(event.target.value)}
                    width="auto"
                  >
                    {organisations.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.name}
                      </option>
                    ))}
                  </Select>
                </Field>
              )}
              <Eligibility callId={call.data.id} organisationId={organisationId} />
            </>
          )}
        </>
      )}
      <Paragraph>
        <Link asChild>
          <RouterLink to="/">{t('apply.backToCalls')}</RouterLink>
        </Link>
      </Paragraph>
    </>
  );
}

function Eligibility({ callId, organisationId }: { callId: string; organisationId: string }) {
  const check = useQuery(eligibilityQueries.check(callId, organisationId));
  if (check.isPending) return <Loading />;
  if (check.isError) return <LoadFailed />;
  return check.data.eligible ? <Eligible result={check.data} /> : <NotEligible result={check.data} />;
}

function Eligible({ result }: { result: CallEligibility }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const start = useStartApplication();
  return (
    <section aria-labelledby="eligibility-result" className="eligibility">
      <Alert data-color="success">
        <Heading level={2} data-size="xs" id="eligibility-result">
          {t('apply.eligible', { organisation: result.organisationName })}
        </Heading>
        <Paragraph>{t('apply.eligibleNext')}</Paragraph>
      </Alert>
      {start.isError && <Alert data-color="danger">{t('apply.startFailed')}</Alert>}
      <div>
        <Button
          loading={start.isPending}
          disabled={start.isPending}
          onClick={() =>
            start.mutate(
              { callId: result.callId, organisationId: result.organisationId },
              { onSuccess: (created) => void navigate(applicationFormPath(created.reference)) },
            )
          }
        >
          {t('apply.start')}
        </Button>
      </div>
    </section>
  );
}

function NotEligible({ result }: { result: CallEligibility }) {
  const { t, language } = useI18n();
  return (
    <section aria-labelledby="eligibility-result" className="eligibility">
      <Alert data-color="warning">
        <Heading level={2} data-size="xs" id="eligibility-result">
          {t('apply.notEligible', { organisation: result.organisationName })}
        </Heading>
        <Paragraph>{result.reasons.length === 1 ? t('apply.reasonOne') : t('apply.reasons')}</Paragraph>
        <ul>
          {result.reasons.map((reason) => (
            <li key={reason.code}>{reasonText(reason, result.organisationName, t, language)}</li>
          ))}
        </ul>
        <Paragraph>{t('apply.notEligibleHelp')}</Paragraph>
      </Alert>
    </section>
  );
}
