import { Button, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import type { Call, Frame, Scheme } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';
import { adminCallPath, NEW_CALL_PATH } from '../../../lib/paths';
import { PageHeading } from '../../../ui/page-heading';
import { LoadFailed, Loading } from '../../../ui/query-state';
import { callAdminLookups, callAdminQueries } from '../api/call-admin-queries';
import { callStatusColor, callStatusKey } from './call-status';

/** Administrators: the county's calls (utlysninger), drafts and published, and a new one. */
export function CallsAdminPage() {
  const { t } = useI18n();
  const calls = useQuery(callAdminQueries.list());
  const schemes = useQuery(callAdminLookups.schemes());
  const frames = useQuery(callAdminLookups.frames());
  return (
    <>
      <PageHeading>{t('callAdmin.title')}</PageHeading>
      <Paragraph>{t('callAdmin.intro')}</Paragraph>
      <div>
        <Button asChild>
          <RouterLink to={NEW_CALL_PATH}>{t('callAdmin.new')}</RouterLink>
        </Button>
      </div>
      {calls.isPending || schemes.isPending || frames.isPending ? (
        <Loading />
      ) : calls.isError || schemes.isError || frames.isError ? (
        <LoadFailed />
      ) : calls.data.length === 0 ? (
        <Paragraph>{t('callAdmin.none')}</Paragraph>
      ) : (
        <CallTable calls={calls.data} schemes={schemes.data} frames={frames.data} />
      )}
    </>
  );
}

function CallTable({ calls, schemes, frames }: { calls: Call[]; schemes: Scheme[]; frames: Frame[] }) {
  const { t, date } = useI18n();
  const schemeName = new Map(schemes.map((s) => [s.id, s.name]));
  const frameName = new Map(frames.map((f) => [f.id, f.name]));
  return (
    <Table zebra>
      <caption>{t('callAdmin.listCaption')}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t('callAdmin.col.title')}</Table.HeaderCell>
          <Table.HeaderCell>{t('callAdmin.col.scheme')}</Table.HeaderCell>
          <Table.HeaderCell>{t('callAdmin.col.year')}</Table.HeaderCell>
          <Table.HeaderCell>{t('callAdmin.col.status')}</Table.HeaderCell>
          <Table.HeaderCell>{t('callAdmin.col.window')}</Table.HeaderCell>
          <Table.HeaderCell>{t('callAdmin.col.frame')}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {calls.map((call) => (
          <Table.Row key={call.id}>
            <Table.Cell>
              <Link asChild>
                <RouterLink to={adminCallPath(call.id)}>{call.title}</RouterLink>
              </Link>
            </Table.Cell>
            <Table.Cell>{schemeName.get(call.schemeId) ?? call.schemeId}</Table.Cell>
            <Table.Cell>{call.year}</Table.Cell>
            <Table.Cell>
              <Tag data-color={callStatusColor(call)}>{t(callStatusKey(call))}</Tag>
            </Table.Cell>
            <Table.Cell>
              {call.closesAt
                ? t('callAdmin.window.fromTo', { from: date(call.opensAt), to: date(call.closesAt) })
                : t('callAdmin.window.from', { from: date(call.opensAt) })}
            </Table.Cell>
            <Table.Cell>
              {call.frameId ? (frameName.get(call.frameId) ?? '') : t('callAdmin.frameNone')}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
