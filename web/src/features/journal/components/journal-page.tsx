import { Button, Link, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import type { JournalEntry, JournalFilters } from '../../../api/types';
import { dateInputText, parseDateInput } from '../../../forms/date-input';
import { formatOrganisationNumber, isoDateInNorway } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n';
import { staffCasePath } from '../../../lib/paths';
import { FieldErrorSummary, type FieldError } from '../../../ui/field-error-summary';
import { PageHeading } from '../../../ui/page-heading';
import { LoadFailed, Loading } from '../../../ui/query-state';
import { journalQueries } from '../api/journal-queries';
import './journal.css';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The filters kept in the address: `?fra=2026-03-01&til=2026-03-31`. */
function filtersFrom(params: URLSearchParams): JournalFilters {
  const from = params.get('fra') ?? '';
  const to = params.get('til') ?? '';
  return { from: ISO_DATE.test(from) ? from : undefined, to: ISO_DATE.test(to) ? to : undefined };
}

/**
 * The county's journal (postjournal) for its staff: every incoming (I) and outgoing (U) document of
 * its cases, numbered per year, with what the public journal screens and how delivery to the archive
 * stands; filtered by journal date.
 */
export function JournalPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const journal = useQuery(journalQueries.list(filters));
  const apply = (next: JournalFilters) => {
    const query = new URLSearchParams();
    if (next.from) query.set('fra', next.from);
    if (next.to) query.set('til', next.to);
    setParams(query, { replace: true });
  };
  return (
    <>
      <PageHeading>{t('journal.title')}</PageHeading>
      <Paragraph>{t('journal.intro')}</Paragraph>
      <Filters key={`${filters.from ?? ''}-${filters.to ?? ''}`} initial={filters} onApply={apply} />
      {journal.isPending ? (
        <Loading />
      ) : journal.isError ? (
        <LoadFailed />
      ) : (
        <EntryTable rows={journal.data.items} />
      )}
    </>
  );
}

/** From and to (journal date), applied on submit; typed days are checked then, never while typing. */
function Filters({ initial, onApply }: { initial: JournalFilters; onApply: (f: JournalFilters) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [from, setFrom] = useState(initial.from ? dateInputText(initial.from) : '');
  const [to, setTo] = useState(initial.to ? dateInputText(initial.to) : '');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const fromId = `${id}-from`;
  const toId = `${id}-to`;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fromDate = from.trim() ? parseDateInput(from) : '';
    const toDate = to.trim() ? parseDateInput(to) : '';
    const found: FieldError[] = [];
    if (fromDate === null) found.push({ field: fromId, message: 'journal.fromInvalid' });
    if (toDate === null) found.push({ field: toId, message: 'journal.toInvalid' });
    if (fromDate && toDate && fromDate > toDate) found.push({ field: toId, message: 'journal.toBeforeFrom' });
    setErrors(found);
    if (found.length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    onApply({ from: fromDate || undefined, to: toDate || undefined });
  };
  const errorFor = (field: string) => {
    const found = errors.find((e) => e.field === field);
    return found ? t(found.message) : undefined;
  };
  return (
    <form noValidate onSubmit={submit} aria-label={t('journal.filters')} className="journal-filters">
      <Textfield
        id={fromId}
        label={t('journal.from')}
        description={t('journal.dateHelp')}
        value={from}
        onChange={(e) => setFrom(e.target.value)}
        error={errorFor(fromId)}
        inputMode="numeric"
        autoComplete="off"
        size={12}
      />
      <Textfield
        id={toId}
        label={t('journal.to')}
        description={t('journal.dateHelp')}
        value={to}
        onChange={(e) => setTo(e.target.value)}
        error={errorFor(toId)}
        inputMode="numeric"
        autoComplete="off"
        size={12}
      />
      {errors.length > 0 && (
        <FieldErrorSummary key={attempt} heading={t('journal.errorHeading')} errors={errors} />
      )}
      <div className="journal-buttons">
        <Button type="submit">{t('journal.apply')}</Button>
        <Button
          type="button"
          variant="tertiary"
          onClick={() => {
            setFrom('');
            setTo('');
            setErrors([]);
            onApply({});
          }}
        >
          {t('journal.clear')}
        </Button>
      </div>
    </form>
  );
}

function EntryTable({ rows }: { rows: JournalEntry[] }) {
  const { t, date } = useI18n();
  const captionId = useId();
  if (rows.length === 0) return <Paragraph role="status">{t('journal.none')}</Paragraph>;
  return (
    <>
      <Paragraph role="status">
        {rows.length === 1 ? t('journal.countOne') : t('journal.count', { count: rows.length })}
      </Paragraph>
      <div className="journal-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <Table data-size="sm" zebra>
          <caption id={captionId}>{t('journal.caption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('journal.col.number')}</Table.HeaderCell>
              <Table.HeaderCell>{t('journal.col.date')}</Table.HeaderCell>
              <Table.HeaderCell>{t('journal.col.type')}</Table.HeaderCell>
              <Table.HeaderCell>{t('journal.col.case')}</Table.HeaderCell>
              <Table.HeaderCell>{t('journal.col.title')}</Table.HeaderCell>
              <Table.HeaderCell>{t('journal.col.party')}</Table.HeaderCell>
              <Table.HeaderCell>{t('journal.col.documents')}</Table.HeaderCell>
              <Table.HeaderCell>{t('journal.col.screening')}</Table.HeaderCell>
              <Table.HeaderCell>{t('journal.col.archive')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((row) => (
              <Table.Row key={row.id}>
                <Table.Cell className="journal-nowrap">{row.journalNumber}</Table.Cell>
                <Table.Cell className="journal-nowrap">
                  <time dateTime={row.journalDate}>{date(`${row.journalDate}T12:00:00Z`)}</time>
                </Table.Cell>
                <Table.Cell>
                  {t(`journal.type.${row.type}`)}
                  {', '}
                  {t(`journal.status.${row.status}`)}
                </Table.Cell>
                <Table.Cell className="journal-nowrap">
                  <Link asChild>
                    <RouterLink to={staffCasePath(row.caseReference)}>{row.caseReference}</RouterLink>
                  </Link>
                </Table.Cell>
                <Table.Cell>{row.title}</Table.Cell>
                <Table.Cell>
                  {row.correspondent.name}
                  <br />
                  <span className="journal-nowrap">
                    {formatOrganisationNumber(row.correspondent.organisationNumber)}
                  </span>
                </Table.Cell>
                <Table.Cell>
                  <ul className="journal-documents">
                    {row.documents.map((d) => (
                      <li key={d.number}>{d.title}</li>
                    ))}
                  </ul>
                </Table.Cell>
                <Table.Cell>
                  {row.screened ? (
                    <Tag data-color="warning" data-size="sm">
                      {t('journal.screened', { basis: row.screeningBasis ?? '' })}
                    </Tag>
                  ) : (
                    t('journal.public')
                  )}
                </Table.Cell>
                <Table.Cell>
                  {t(`journal.delivery.${row.delivery.status}`)}
                  {row.delivery.deliveredAt && (
                    <>
                      {' '}
                      <time dateTime={isoDateInNorway(row.delivery.deliveredAt)}>
                        {date(row.delivery.deliveredAt)}
                      </time>
                    </>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </>
  );
}
