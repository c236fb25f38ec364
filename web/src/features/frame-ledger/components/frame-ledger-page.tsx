import {
  Button,
  Field,
  Label,
  Link,
  Paragraph,
  Select,
  Table,
  Textfield,
} from '@digdir/designsystemet-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link as RouterLink, useParams, useSearchParams } from 'react-router';
import type { EntryFilters, LedgerEntry } from '../../../api/types';
import { dateInputText, parseDateInput } from '../../../forms/date-input';
import { filtersFrom, KINDS, kindWords } from './ledger-text';
import { formatNumber, formatOrganisationNumber, TIME_ZONE, type Language } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/nb';
import { frameChangesPath, framePath, staffCasePath } from '../../../lib/paths';
import { FrameTotals } from '../../../ui/frame-totals';
import { PageHeading } from '../../../ui/page-heading';
import { LoadFailed, Loading } from '../../../ui/query-state';
import { entriesCsvUrl, frameLedgerQueries } from '../api/frame-ledger-queries';
import './frame-ledger.css';
import { FieldErrorSummary } from '../../../ui/field-error-summary';

const shortDates = new Map<Language, Intl.DateTimeFormat>();
/** The day in Norway, `03.12.2026` (`03/12/2026` in English). */
function shortDate(instant: string, language: Language): string {
  let format = shortDates.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'nb' ? 'nb-NO' : 'en-GB', {
      timeZone: TIME_ZONE,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    });
    shortDates.set(language, format);
  }
  return format.format(new Date(instant));
}

/**
 * A frame's ledger (posteringer) for finance and approvers: the frame's totals, filters kept in the
 * address (kind, days, a case reference or organisation number), the entries with whom the money
 * concerns, further pages on request, and the same selection as a CSV download.
 */
export function FrameLedgerPage() {
  const { t } = useI18n();
  const { frameId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState(() => filtersFrom(params));
  const frame = useQuery(frameLedgerQueries.frame(frameId));
  const me = useQuery(frameLedgerQueries.me());
  const mayChange = me.data?.roles.includes('finance') ?? false;
  const entries = useInfiniteQuery(frameLedgerQueries.entries(frameId, filters));
  const apply = (next: EntryFilters) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(next))
      if (typeof value === 'string' && value !== '') query.set(key, value);
    setFilters(filtersFrom(query));
    setParams(query, { replace: true });
  };

  if (frame.isPending) return <Loading />;
  if (frame.isError) return <LoadFailed />;
  return (
    <>
      <PageHeading>{t('frameLedger.title', { frame: frame.data.name })}</PageHeading>
      <Paragraph className="frame-ledger-links">
        <Link asChild>
          <RouterLink to={framePath(frameId)}>
            {t('frameLedger.backToFrame', { frame: frame.data.name })}
          </RouterLink>
        </Link>
        {mayChange && (
          <Link asChild>
            <RouterLink to={frameChangesPath(frameId)}>{t('frameLedger.toChanges')}</RouterLink>
          </Link>
        )}
      </Paragraph>
      <FrameTotals frame={frame.data} />
      <Filters initial={filters} onApply={apply} />
      <Paragraph>
        <Link href={entriesCsvUrl(frameId, filters)} download>
          {t('frameLedger.csv')}
        </Link>
      </Paragraph>
      {entries.isPending ? (
        <Loading />
      ) : entries.isError ? (
        <LoadFailed />
      ) : (
        <EntryTable rows={entries.data.pages.flatMap((p) => p.items)} />
      )}
      {entries.hasNextPage && (
        <div>
          <Button
            variant="secondary"
            loading={entries.isFetchingNextPage}
            onClick={() => void entries.fetchNextPage()}
          >
            {t('frameLedger.more')}
          </Button>
        </div>
      )}
    </>
  );
}

/** The filters as one form, applied on submit; typed days are checked then, never while typing. */
function Filters({ initial, onApply }: { initial: EntryFilters; onApply: (filters: EntryFilters) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [kind, setKind] = useState<string>(initial.kind ?? '');
  const [from, setFrom] = useState(initial.from ? dateInputText(initial.from) : '');
  const [to, setTo] = useState(initial.to ? dateInputText(initial.to) : '');
  const [search, setSearch] = useState(initial.search ?? '');
  const [errors, setErrors] = useState<Array<{ field: string; message: MessageKey }>>([]);
  const [attempt, setAttempt] = useState(0);
  const fromId = `${id}-from`;
  const toId = `${id}-to`;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fromDate = from.trim() ? parseDateInput(from) : '';
    const toDate = to.trim() ? parseDateInput(to) : '';
    const found: Array<{ field: string; message: MessageKey }> = [];
    if (fromDate === null) found.push({ field: fromId, message: 'frameLedger.fromInvalid' });
    if (toDate === null) found.push({ field: toId, message: 'frameLedger.toInvalid' });
    if (fromDate && toDate && fromDate > toDate)
      found.push({ field: toId, message: 'frameLedger.toBeforeFrom' });
    setErrors(found);
    if (found.length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    onApply({
      kind: KINDS.find((k) => k === kind),
      from: fromDate || undefined,
      to: toDate || undefined,
      search: search.trim() || undefined,
    });
  };
  const errorFor = (field: string) => {
    const found = errors.find((e) => e.field === field);
    return found ? t(found.message) : undefined;
  };
  return (
    <form noValidate onSubmit={submit} aria-label={t('frameLedger.filters')} className="frame-ledger-filters">
      <Field>
        <Label htmlFor={`${id}-kind`}>{t('frameLedger.kind')}</Label>
        <Select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value)} width="auto">
          <option value="">{t('frameLedger.allKinds')}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`frameLedger.kindFilter.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Textfield
        id={fromId}
        label={t('frameLedger.from')}
        description={t('frameLedger.dateHelp')}
        value={from}
        onChange={(e) => setFrom(e.target.value)}
        error={errorFor(fromId)}
        inputMode="numeric"
        autoComplete="off"
        size={12}
      />
      <Textfield
        id={toId}
        label={t('frameLedger.to')}
        description={t('frameLedger.dateHelp')}
        value={to}
        onChange={(e) => setTo(e.target.value)}
        error={errorFor(toId)}
        inputMode="numeric"
        autoComplete="off"
        size={12}
      />
      <Textfield
        id={`${id}-search`}
        label={t('frameLedger.search')}
        description={t('frameLedger.searchHelp')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        autoComplete="off"
        className="frame-ledger-search"
      />
      {errors.length > 0 && (
        <FieldErrorSummary key={attempt} heading={t('frameLedger.errorHeading')} errors={errors} />
      )}
      <div className="frame-ledger-buttons">
        <Button type="submit">{t('frameLedger.apply')}</Button>
        <Button
          type="button"
          variant="tertiary"
          onClick={() => {
            setKind('');
            setFrom('');
            setTo('');
            setSearch('');
            setErrors([]);
            onApply({});
          }}
        >
          {t('frameLedger.clear')}
        </Button>
      </div>
    </form>
  );
}

function EntryTable({ rows }: { rows: LedgerEntry[] }) {
  const { t, kroner, language } = useI18n();
  const captionId = useId();
  if (rows.length === 0) return <Paragraph role="status">{t('frameLedger.none')}</Paragraph>;
  return (
    <>
      <Paragraph role="status">
        {rows.length === 1
          ? t('frameLedger.countOne')
          : t('frameLedger.count', { count: formatNumber(rows.length, language) })}
      </Paragraph>
      <div className="frame-ledger-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <Table data-size="sm" zebra>
          <caption id={captionId}>{t('frameLedger.caption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('frameLedger.col.date')}</Table.HeaderCell>
              <Table.HeaderCell>{t('frameLedger.col.kind')}</Table.HeaderCell>
              <Table.HeaderCell>{t('frameLedger.col.case')}</Table.HeaderCell>
              <Table.HeaderCell>{t('frameLedger.col.recipient')}</Table.HeaderCell>
              <Table.HeaderCell>{t('frameLedger.col.organisationNumber')}</Table.HeaderCell>
              <Table.HeaderCell className="frame-ledger-number">
                {t('frameLedger.col.amount')}
              </Table.HeaderCell>
              <Table.HeaderCell>{t('frameLedger.col.caseReference')}</Table.HeaderCell>
              <Table.HeaderCell>{t('frameLedger.col.reason')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((row) => (
              <Table.Row key={row.id}>
                <Table.Cell className="frame-ledger-nowrap">
                  <time dateTime={row.createdAt}>{shortDate(row.createdAt, language)}</time>
                </Table.Cell>
                <Table.Cell>{t(kindWords(row))}</Table.Cell>
                <Table.Cell className="frame-ledger-nowrap">
                  {row.applicationReference ? (
                    <Link asChild>
                      <RouterLink to={staffCasePath(row.applicationReference)}>
                        {row.applicationReference}
                      </RouterLink>
                    </Link>
                  ) : row.grantKey ? (
                    t('frameLedger.directAllocation')
                  ) : (
                    ''
                  )}
                </Table.Cell>
                <Table.Cell>{row.recipientName ?? ''}</Table.Cell>
                <Table.Cell className="frame-ledger-nowrap">
                  {row.organisationNumber ? formatOrganisationNumber(row.organisationNumber) : ''}
                </Table.Cell>
                <Table.Cell className="frame-ledger-number frame-ledger-nowrap">
                  {kroner(row.amount)}
                </Table.Cell>
                <Table.Cell>{row.caseReference ?? ''}</Table.Cell>
                {/* As stored: the system writes its reasons in bokmål; older entries keep theirs. */}
                <Table.Cell>{row.reason}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </>
  );
}
