import { Field, Label, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useSearchParams } from 'react-router';
import type { PublicJournalEntry } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';
import { PageHeading } from '../../../ui/page-heading';
import { LoadFailed, Loading } from '../../../ui/query-state';
import { journalQueries } from '../api/journal-queries';
import './journal.css';

/**
 * The public journal (offentlig journal), readable without signing in: a county's registry entries,
 * newest first, with private persons' names and the documents of screened entries left out.
 */
export function PublicJournalPage() {
  const { t } = useI18n();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const counties = useQuery(journalQueries.counties());
  const chosen = params.get('fylke') ?? counties.data?.[0]?.code ?? '';
  const journal = useQuery({ ...journalQueries.publicList(chosen), enabled: chosen !== '' });
  return (
    <>
      <PageHeading>{t('publicJournal.title')}</PageHeading>
      <Paragraph>{t('publicJournal.intro')}</Paragraph>
      {counties.isPending ? (
        <Loading />
      ) : counties.isError ? (
        <LoadFailed />
      ) : (
        <Field>
          <Label htmlFor={`${id}-county`}>{t('publicJournal.county')}</Label>
          <Select
            id={`${id}-county`}
            value={chosen}
            onChange={(e) => setParams(new URLSearchParams({ fylke: e.target.value }), { replace: true })}
            width="auto"
          >
            {counties.data.map((c) => (
              <Select.Option key={c.code} value={c.code}>
                {c.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
      )}
      {chosen === '' ? null : journal.isPending ? (
        <Loading />
      ) : journal.isError ? (
        <LoadFailed />
      ) : (
        <PublicTable rows={journal.data.items} />
      )}
    </>
  );
}

function PublicTable({ rows }: { rows: PublicJournalEntry[] }) {
  const { t, date } = useI18n();
  const captionId = useId();
  if (rows.length === 0) return <Paragraph role="status">{t('journal.none')}</Paragraph>;
  return (
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
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((row) => (
            <Table.Row key={row.journalNumber}>
              <Table.Cell className="journal-nowrap">{row.journalNumber}</Table.Cell>
              <Table.Cell className="journal-nowrap">
                <time dateTime={row.journalDate}>{date(`${row.journalDate}T12:00:00Z`)}</time>
              </Table.Cell>
              <Table.Cell>
                {t(`journal.type.${row.type}`)}
                {', '}
                {t(`journal.status.${row.status}`)}
              </Table.Cell>
              <Table.Cell className="journal-nowrap">{row.caseReference}</Table.Cell>
              <Table.Cell>{row.title}</Table.Cell>
              <Table.Cell>
                {row.screened
                  ? t('publicJournal.screened', { basis: row.screeningBasis ?? '' })
                  : row.correspondent}
              </Table.Cell>
              <Table.Cell>
                {row.screened ? (
                  t('publicJournal.documentsScreened')
                ) : (
                  <ul className="journal-documents">
                    {row.documents.map((d, i) => (
                      <li key={i}>{d}</li>
                    ))}
                  </ul>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
