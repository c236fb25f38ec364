import { Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link as RouterLink } from 'react-router';
import { formatNumber } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n';
import { paymentRunPath } from '../../../lib/paths';
import { LoadFailed, Loading } from '../../../ui/query-state';
import { paymentRunQueries } from '../api/payment-runs-queries';

/** The county's payment runs, newest first: name (a link), status, payment date, count and sum. */
export function PaymentRunsList() {
  const { t, kroner, language, date } = useI18n();
  const runs = useQuery(paymentRunQueries.list());
  const headingId = useId();
  const captionId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('paymentRuns.list.heading')}
      </Heading>
      {runs.isPending ? (
        <Loading />
      ) : runs.isError ? (
        <LoadFailed />
      ) : runs.data.items.length === 0 ? (
        <Paragraph>{t('paymentRuns.list.none')}</Paragraph>
      ) : (
        <div className="payments-due-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
          <Table data-size="sm" zebra>
            <caption id={captionId}>{t('paymentRuns.list.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('paymentRuns.col.run')}</Table.HeaderCell>
                <Table.HeaderCell>{t('paymentRuns.col.state')}</Table.HeaderCell>
                <Table.HeaderCell>{t('paymentRuns.col.date')}</Table.HeaderCell>
                <Table.HeaderCell className="payments-due-number">
                  {t('paymentRuns.col.count')}
                </Table.HeaderCell>
                <Table.HeaderCell className="payments-due-number">
                  {t('paymentRuns.col.total')}
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {runs.data.items.map((run) => (
                <Table.Row key={run.id}>
                  <Table.Cell className="payments-due-nowrap">
                    <Link asChild>
                      <RouterLink to={paymentRunPath(run.id)}>
                        {t('paymentRuns.name', { number: run.number })}
                      </RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell>
                    <Tag data-color={run.state === 'approved' ? 'success' : 'warning'}>
                      {t(run.state === 'approved' ? 'paymentRuns.state.approved' : 'paymentRuns.state.draft')}
                    </Tag>
                  </Table.Cell>
                  <Table.Cell className="payments-due-nowrap">
                    <time dateTime={run.requestedExecutionDate}>{date(run.requestedExecutionDate)}</time>
                  </Table.Cell>
                  <Table.Cell className="payments-due-number">
                    {formatNumber(run.itemCount, language)}
                  </Table.Cell>
                  <Table.Cell className="payments-due-number payments-due-nowrap">
                    {kroner(run.totalAmount)}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}
