import {
  Button,
  Checkbox,
  Field,
  Label,
  Link,
  Paragraph,
  Search,
  Select,
  Table,
  ValidationMessage,
  Tag,
} from '@digdir/designsystemet-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import type { ApplicationListItem, ApplicationSort, Profile, Scheme } from '../../../api/types';
import { formatNumber, formatOrganisationNumber } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n';
import { staffCasePath } from '../../../lib/paths';
import { PageHeading } from '../../../ui/page-heading';
import { LoadFailed, Loading } from '../../../ui/query-state';
import { workQueueLookups, workQueueQueries, type WorkQueueFilters } from '../api/work-queue-queries';
import { caseStateWords, STATUS_CHOICES } from './case-status';
import './work-queue.css';

/** An appeal (klage) lodged and not yet ended: the queue marks the case "Klage". */
const hasOpenAppeal = (row: ApplicationListItem) => {
  const appeal = row.case.appeal as { outcome: unknown } | null | undefined;
  return appeal !== null && appeal !== undefined && appeal.outcome === null;
};

const ALL = '';
const SORTS: readonly ApplicationSort[] = ['newest', 'oldest', 'amount_desc', 'amount_asc'];
const REFERENCE = /^[A-Za-z0-9-]+$/;
/** A case number, whole or in part: `2026/BIO/0123`, `BIO/123` or `123` (as the API takes it). */
const CASE_NUMBER = /^(?:(?:\d{4}\/)?[A-Za-z][A-Za-z0-9]{1,9}\/)?0*[1-9]\d{0,8}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.find((v) => v === value);

/** The filters in the address, each only if it is one the API accepts (an edited address is ignored). */
function filtersFrom(params: URLSearchParams): WorkQueueFilters {
  const text = (name: string, pattern: RegExp) => {
    const value = params.get(name);
    return value && value.length <= 40 && pattern.test(value) ? value : undefined;
  };
  const filters: WorkQueueFilters = {
    schemeId: text('schemeId', /^[a-z0-9_-]+$/),
    callId: text('callId', UUID),
    status: oneOf(
      STATUS_CHOICES.map((c) => c.value),
      params.get('status'),
    ),
    assigned: oneOf(['me', 'none'] as const, params.get('assigned')),
    awaitingMyDecision: oneOf(['true'] as const, params.get('awaitingMyDecision')),
    sort: oneOf(SORTS, params.get('sort')),
    referencePrefix: text('referencePrefix', REFERENCE),
    caseNumber: text('caseNumber', CASE_NUMBER),
  };
  for (const key of Object.keys(filters) as Array<keyof WorkQueueFilters>)
    if (filters[key] === undefined) delete filters[key];
  return filters;
}

/**
 * The county's work queue for case officers and approvers: every submitted case with the
 * organisation, scheme, amount, where it stands and for how long, and who has it; filters, orders,
 * a case-reference search, and further pages on request.
 */
export function WorkQueuePage({ profile }: { profile: Profile }) {
  const { t } = useI18n();
  // The choices are kept in the address too, so going back from a case finds the queue as it was
  // left; the page's own state answers at once (an input never springs back while the address changes).
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState(() => filtersFrom(params));
  const schemes = useQuery(workQueueLookups.schemes());
  const calls = useQuery(workQueueLookups.calls());
  const queue = useInfiniteQuery(workQueueQueries.list(filters));
  const set = (change: Partial<WorkQueueFilters>) => {
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...filters, ...change }))
      if (typeof value === 'string' && value !== '') next.set(key, value);
    setFilters(filtersFrom(next));
    setParams(next, { replace: true });
  };
  const countyCalls = (calls.data ?? []).filter((c) => c.countyId === profile.county?.id);
  const isApprover = profile.roles.includes('approver');

  return (
    <>
      <PageHeading>{t('workspace.title')}</PageHeading>
      <Paragraph>{t('workspace.intro', { county: profile.county?.name ?? '' })}</Paragraph>
      <section aria-label={t('workspace.filters')} className="filters work-queue-filters">
        <FilterSelect
          label={t('workspace.scheme')}
          value={filters.schemeId ?? ALL}
          onChange={(v) => set({ schemeId: v || undefined })}
        >
          <option value={ALL}>{t('workspace.allSchemes')}</option>
          {(schemes.data ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          label={t('workspace.call')}
          value={filters.callId ?? ALL}
          onChange={(v) => set({ callId: v || undefined })}
        >
          <option value={ALL}>{t('workspace.allCalls')}</option>
          {countyCalls.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          label={t('workspace.status')}
          value={filters.status ?? ALL}
          onChange={(v) =>
            set({
              status: oneOf(
                STATUS_CHOICES.map((c) => c.value),
                v,
              ),
            })
          }
        >
          <option value={ALL}>{t('workspace.allStatuses')}</option>
          {STATUS_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {t(choice.text)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          label={t('workspace.assignment')}
          value={filters.assigned ?? ALL}
          onChange={(v) => set({ assigned: v === 'me' || v === 'none' ? v : undefined })}
        >
          <option value={ALL}>{t('workspace.assignment.all')}</option>
          <option value="me">{t('workspace.assignment.me')}</option>
          <option value="none">{t('workspace.assignment.none')}</option>
        </FilterSelect>
        <FilterSelect
          label={t('workspace.sort')}
          value={filters.sort ?? 'newest'}
          onChange={(v) => set({ sort: v === 'newest' ? undefined : oneOf(SORTS, v) })}
        >
          {SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`workspace.sort.${sort}`)}
            </option>
          ))}
        </FilterSelect>
        {isApprover && (
          <Checkbox
            label={t('workspace.awaitingMyDecision')}
            checked={filters.awaitingMyDecision === 'true'}
            onChange={(event) => set({ awaitingMyDecision: event.target.checked ? 'true' : undefined })}
          />
        )}
        <ReferenceSearch
          initial={filters.caseNumber ?? filters.referencePrefix ?? ''}
          onSearch={(search) => set(search)}
        />
      </section>
      {queue.isPending || schemes.isPending ? (
        <Loading />
      ) : queue.isError || schemes.isError ? (
        <LoadFailed />
      ) : (
        <QueueTable
          rows={queue.data.pages.flatMap((p) => p.items)}
          schemes={schemes.data}
          more={
            queue.hasNextPage ? (
              <Button
                variant="secondary"
                loading={queue.isFetchingNextPage}
                onClick={() => void queue.fetchNextPage()}
              >
                {t('workspace.more')}
              </Button>
            ) : null
          }
        />
      )}
    </>
  );
}

function FilterSelect(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <Field>
      <Label htmlFor={id}>{props.label}</Label>
      <Select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)} width="auto">
        {props.children}
      </Select>
    </Field>
  );
}

type Search = Pick<WorkQueueFilters, 'caseNumber' | 'referencePrefix'>;

/**
 * What the search field asks for: a case number (`2026/BIO/0123`, `BIO/123`, `123`), or a case
 * reference, whole or its beginning (`BIO-2026-0001`); null for text that is neither.
 */
function searchFor(text: string): Search | null {
  const value = text.trim().toUpperCase();
  if (value === '') return { caseNumber: undefined, referencePrefix: undefined };
  if (CASE_NUMBER.test(value)) return { caseNumber: value, referencePrefix: undefined };
  if (REFERENCE.test(value)) return { caseNumber: undefined, referencePrefix: value };
  return null;
}

/** A case number or a case reference; checked on submit, never while typing. */
function ReferenceSearch({ initial, onSearch }: { initial: string; onSearch: (search: Search) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [value, setValue] = useState(initial);
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const search = searchFor(value);
    setInvalid(search === null);
    if (search) onSearch(search);
  };
  return (
    <form role="search" onSubmit={submit} noValidate className="work-queue-search">
      <Field>
        <Label htmlFor={id}>{t('workspace.search')}</Label>
        <Field.Description>{t('workspace.searchHelp')}</Field.Description>
        <Search>
          <Search.Input
            id={id}
            value={value}
            aria-invalid={invalid || undefined}
            onChange={(event) => setValue(event.target.value)}
          />
          <Search.Clear
            aria-label={t('workspace.searchClear')}
            onClick={() => {
              setValue('');
              setInvalid(false);
              onSearch({ caseNumber: undefined, referencePrefix: undefined });
            }}
          />
          <Search.Button type="submit">{t('workspace.searchButton')}</Search.Button>
        </Search>
        {invalid && <ValidationMessage>{t('workspace.searchInvalid')}</ValidationMessage>}
      </Field>
    </form>
  );
}

function QueueTable(props: { rows: ApplicationListItem[]; schemes: Scheme[]; more: ReactNode }) {
  const { t, language } = useI18n();
  const schemeName = useMemo(() => new Map(props.schemes.map((s) => [s.id, s.name])), [props.schemes]);
  const captionId = useId();
  if (props.rows.length === 0) return <Paragraph role="status">{t('workspace.none')}</Paragraph>;
  const days = (n: number | null) => (n === null ? '' : formatNumber(n, language));
  return (
    <>
      <Paragraph role="status">
        {props.rows.length === 1
          ? t('workspace.countOne')
          : t('workspace.count', { count: formatNumber(props.rows.length, language) })}
      </Paragraph>
      <div className="work-queue-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <Table data-size="sm" zebra>
          <caption id={captionId}>{t('workspace.caption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('workspace.col.reference')}</Table.HeaderCell>
              <Table.HeaderCell>{t('workspace.col.organisation')}</Table.HeaderCell>
              <Table.HeaderCell>{t('workspace.col.scheme')}</Table.HeaderCell>
              <Table.HeaderCell>{t('workspace.col.amount')}</Table.HeaderCell>
              <Table.HeaderCell>{t('workspace.col.status')}</Table.HeaderCell>
              <Table.HeaderCell className="work-queue-number">
                {t('workspace.col.daysSinceSubmitted')}
              </Table.HeaderCell>
              <Table.HeaderCell className="work-queue-number">
                {t('workspace.col.daysWaiting')}
              </Table.HeaderCell>
              <Table.HeaderCell>{t('workspace.col.officer')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {props.rows.map((row) => (
              <Table.Row key={row.id}>
                <Table.Cell className="work-queue-nowrap">
                  <Link asChild>
                    <RouterLink to={staffCasePath(row.reference)}>
                      {row.caseNumber ?? row.reference}
                      {row.caseNumber && (
                        <>
                          <br />
                          <span className="work-queue-muted">{row.reference}</span>
                        </>
                      )}
                    </RouterLink>
                  </Link>
                </Table.Cell>
                <Table.Cell>
                  {row.organisationName}
                  <br />
                  <span className="work-queue-muted">
                    {t('workspace.orgNumber', { number: formatOrganisationNumber(row.organisationNumber) })}
                  </span>
                </Table.Cell>
                <Table.Cell>{schemeName.get(row.schemeId) ?? row.schemeId}</Table.Cell>
                <Table.Cell className="work-queue-nowrap">
                  <Amounts row={row} />
                </Table.Cell>
                <Table.Cell>
                  {t(caseStateWords(row.status, row.state))}
                  {hasOpenAppeal(row) && (
                    <>
                      {' '}
                      <Tag data-color="warning" data-size="sm">
                        {t('workspace.appealOpen')}
                      </Tag>
                    </>
                  )}
                </Table.Cell>
                <Table.Cell className="work-queue-number">{days(row.daysSinceSubmitted)}</Table.Cell>
                <Table.Cell className="work-queue-number">{days(row.daysWaitingOnApplicant)}</Table.Cell>
                <Table.Cell>{row.caseOfficerName ?? t('workspace.unassigned')}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {props.more && <div>{props.more}</div>}
    </>
  );
}

/** The amount applied for, and the recommended or granted amount where there is one. */
function Amounts({ row }: { row: ApplicationListItem }) {
  const { t, kroner: kr } = useI18n();
  return (
    <>
      {row.requestedAmount !== null && t('workspace.requested', { amount: kr(row.requestedAmount) })}
      {row.recommendedAmount !== null && (
        <>
          <br />
          {t('workspace.recommended', { amount: kr(row.recommendedAmount) })}
        </>
      )}
      {row.grantedAmount !== null && (
        <>
          <br />
          {t('workspace.granted', { amount: kr(row.grantedAmount) })}
        </>
      )}
    </>
  );
}
