import { Button, Field, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import type { PublicCall, Scheme } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';
import { applyPath } from '../../../lib/paths';
import { CallCard } from '../../../ui/call-card';
import { PageHeading } from '../../../ui/page-heading';
import { LoadFailed, Loading } from '../../../ui/query-state';
import { callQueries, schemeQueries } from '../api/call-queries';

const ALL = '';

/** Applicant capability 1: the open calls, county by county, readable without signing in. */
export function OpenCallsPage() {
  const { t } = useI18n();
  const calls = useQuery(callQueries.list());
  const schemes = useQuery(schemeQueries.list());
  return (
    <>
      <PageHeading>{t('calls.title')}</PageHeading>
      <Paragraph>{t('calls.intro')}</Paragraph>
      {calls.isPending || schemes.isPending ? (
        <Loading />
      ) : calls.isError || schemes.isError ? (
        <LoadFailed />
      ) : (
        <OpenCalls calls={calls.data.filter((call) => call.open)} schemes={schemes.data} />
      )}
    </>
  );
}

function OpenCalls({ calls, schemes }: { calls: PublicCall[]; schemes: Scheme[] }) {
  const { t, language } = useI18n();
  const [county, setCounty] = useState(ALL);
  const [scheme, setScheme] = useState(ALL);
  const schemeById = useMemo(() => new Map(schemes.map((s) => [s.id, s])), [schemes]);
  const collator = useMemo(() => new Intl.Collator(language === 'nb' ? 'nb' : 'en-GB'), [language]);
  const counties = [...new Set(calls.map((c) => c.countyName))].sort(collator.compare);
  const offered = schemes.filter((s) => calls.some((c) => c.schemeId === s.id));
  const shown = calls.filter(
    (c) => (county === ALL || c.countyName === county) && (scheme === ALL || c.schemeId === scheme),
  );
  const byCounty = counties
    .map((name) => ({
      name,
      calls: shown.filter((c) => c.countyName === name).sort((a, b) => collator.compare(a.title, b.title)),
    }))
    .filter((group) => group.calls.length > 0);

  if (calls.length === 0) return <Paragraph>{t('calls.none')}</Paragraph>;
  return (
    <>
      <div className="filters">
        <Filter
          label={t('calls.county')}
          value={county}
          onChange={setCounty}
          allLabel={t('calls.allCounties')}
        >
          {counties.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Filter>
        <Filter
          label={t('calls.scheme')}
          value={scheme}
          onChange={setScheme}
          allLabel={t('calls.allSchemes')}
        >
          {offered.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </Filter>
      </div>
      <Paragraph role="status" data-size="sm">
        {shown.length === 1 ? t('calls.countOne') : t('calls.count', { count: shown.length })}
      </Paragraph>
      {byCounty.map((group, index) => (
        <section key={group.name} aria-labelledby={`county-${index}`} className="county">
          <Heading level={2} data-size="md" id={`county-${index}`}>
            {group.name}
          </Heading>
          <ul className="call-list">
            {group.calls.map((call) => (
              <li key={call.id}>
                <CallCard
                  call={call}
                  scheme={schemeById.get(call.schemeId)}
                  action={(headingId) => (
                    // The card's title describes the link, so each "Søk" says which call it is for.
                    <Button asChild data-size="sm" data-color="accent">
                      <RouterLink to={applyPath(call.id)} aria-describedby={headingId}>
                        {t('calls.apply')}
                      </RouterLink>
                    </Button>
                  )}
                />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function Filter(props: {
  label: string;
  value: string;
  allLabel: string;
  onChange(value: string): void;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <Field>
      <Label htmlFor={id}>{props.label}</Label>
      <Select
        id={id}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        width="auto"
      >
        <option value={ALL}>{props.allLabel}</option>
        {props.children}
      </Select>
    </Field>
  );
}
