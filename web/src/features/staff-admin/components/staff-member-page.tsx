import { Button, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import type { StaffMember, StaffRole } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/nb';
import { ADMIN_STAFF_PATH } from '../../../lib/paths';
import { PageHeading } from '../../../ui/page-heading';
import { LoadFailed, Loading } from '../../../ui/query-state';
import { staffQueries, useChangeRoles, useReinvite, useSetActive } from '../api/staff-queries';
import { FormErrors, Notice, RoleCheckboxes, roleCheckboxId, type FieldError } from './form-parts';
import { LastChange, rolesInWords } from './last-change';
import { refusalText, staffStatus } from './staff-text';
import './staff-admin.css';

/** One staff member for the administrator: who they are, their roles, and their access. */
export function StaffMemberPage() {
  const { t } = useI18n();
  const { userId = '' } = useParams();
  const staff = useQuery(staffQueries.list());
  const me = useQuery(staffQueries.me());
  const back = (
    <Paragraph>
      <Link asChild>
        <RouterLink to={ADMIN_STAFF_PATH}>{t('staffAdmin.member.back')}</RouterLink>
      </Link>
    </Paragraph>
  );
  if (staff.isPending) return <Loading />;
  if (staff.isError) return <LoadFailed />;
  const member = staff.data.find((m) => m.id === userId);
  if (!member)
    return (
      <>
        <PageHeading>{t('staffAdmin.title')}</PageHeading>
        <Paragraph>{t('staffAdmin.member.notFound')}</Paragraph>
        {back}
      </>
    );
  const self = me.data?.id === member.id;
  const status = staffStatus(member);
  return (
    <>
      {back}
      <PageHeading>{member.fullName}</PageHeading>
      <dl className="facts" aria-label={t('staffAdmin.member.facts')}>
        <dt>{t('staffAdmin.list.email')}</dt>
        <dd>{member.email}</dd>
        <dt>{t('staffAdmin.list.roles')}</dt>
        <dd>{rolesInWords(member.roles, t)}</dd>
        <dt>{t('staffAdmin.list.status')}</dt>
        <dd>
          <Tag data-color={status.color}>{t(status.text)}</Tag>
        </dd>
        <dt>{t('staffAdmin.list.lastChange')}</dt>
        <dd>
          <LastChange member={member} />
        </dd>
      </dl>
      {member.invitationPending && member.active && <Reinvite member={member} />}
      <RolesForm member={member} />
      <Access member={member} self={self} />
    </>
  );
}

function RolesForm({ member }: { member: StaffMember }) {
  const { t } = useI18n();
  const change = useChangeRoles(member.id);
  const [roles, setRoles] = useState<StaffRole[]>(member.roles);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState(false);
  const field = roleCheckboxId('member-roles', 'case_officer');
  // When another version arrives (saved here, or changed by someone else), the boxes show it.
  const [shown, setShown] = useState(member.version);
  if (shown !== member.version) {
    setShown(member.version);
    setRoles(member.roles);
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (change.isPending) return;
    setSaved(false);
    if (roles.length === 0) {
      setErrors([{ field, message: 'staffAdmin.roles.missing' }]);
      setAttempt((n) => n + 1);
      return;
    }
    setErrors([]);
    change.mutate({ version: member.version, roles }, { onSuccess: () => setSaved(true) });
  };

  return (
    <section aria-labelledby="member-roles-heading" className="staff-admin-section">
      <Heading level={2} data-size="sm" id="member-roles-heading">
        {t('staffAdmin.roles.heading')}
      </Heading>
      {saved && <Notice color="success">{t('staffAdmin.roles.saved')}</Notice>}
      <form noValidate onSubmit={submit} className="staff-admin-form">
        <RoleCheckboxes
          id="member-roles"
          legend={t('staffAdmin.roles.legend', { name: member.fullName })}
          value={roles}
          onChange={setRoles}
          error={errors.length > 0 ? t('staffAdmin.roles.missing') : undefined}
        />
        {errors.length > 0 && <FormErrors key={attempt} errors={errors} />}
        {change.isError && <Refused error={change.error} />}
        <div>
          <Button type="submit" loading={change.isPending}>
            {t('staffAdmin.roles.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** Someone who has not chosen a password: a new link, when the old one expired or was lost. */
function Reinvite({ member }: { member: StaffMember }) {
  const { t, dateTime } = useI18n();
  const reinvite = useReinvite(member.id);
  return (
    <section aria-labelledby="member-invitation-heading" className="staff-admin-section">
      <Heading level={2} data-size="sm" id="member-invitation-heading">
        {t('staffAdmin.status.invited')}
      </Heading>
      {reinvite.isSuccess && (
        <Notice color="success">{t('staffAdmin.reinvite.sent', { email: member.email })}</Notice>
      )}
      {reinvite.isError && <Refused error={reinvite.error} />}
      <Paragraph>
        {member.invitationExpiresAt
          ? t('staffAdmin.reinvite.open', {
              date: dateTime(member.invitationExpiresAt),
              name: member.fullName,
            })
          : t('staffAdmin.reinvite.expired', { name: member.fullName })}
      </Paragraph>
      <Button
        variant="secondary"
        loading={reinvite.isPending}
        onClick={() => {
          if (!reinvite.isPending) reinvite.mutate(member.version);
        }}
      >
        {t('staffAdmin.reinvite.submit')}
      </Button>
    </section>
  );
}

function Refused({ error }: { error: unknown }) {
  const { t } = useI18n();
  return (
    <Notice color="danger" heading={t('staffAdmin.refusal.heading')}>
      {t(refusalText(error))}
    </Notice>
  );
}

/** Deactivate (after a confirmation) or reactivate; nobody deactivates themselves. */
function Access({ member, self }: { member: StaffMember; self: boolean }) {
  const { t } = useI18n();
  const setActive = useSetActive(member.id);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<MessageKey | null>(null);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const send = (active: boolean) => {
    setDone(null);
    setActive.mutate(
      { active, version: member.version },
      {
        onSuccess: () => {
          setConfirming(false);
          setDone(active ? 'staffAdmin.access.reactivated' : 'staffAdmin.access.deactivated');
        },
      },
    );
  };

  return (
    <section aria-labelledby="member-access-heading" className="staff-admin-section">
      <Heading level={2} data-size="sm" id="member-access-heading">
        {t('staffAdmin.access.heading')}
      </Heading>
      {done ? <Notice color="success">{t(done, { name: member.fullName })}</Notice> : null}
      {setActive.isError && <Refused error={setActive.error} />}
      {!member.active ? (
        <>
          <Paragraph>{t('staffAdmin.access.reactivateIntro', { name: member.fullName })}</Paragraph>
          <Button variant="secondary" loading={setActive.isPending} onClick={() => send(true)}>
            {t('staffAdmin.access.reactivate')}
          </Button>
        </>
      ) : self ? (
        <Paragraph>{t('staffAdmin.access.self')}</Paragraph>
      ) : confirming ? (
        <div role="group" aria-labelledby="member-access-confirm">
          <Heading level={3} data-size="xs" id="member-access-confirm" ref={confirmRef} tabIndex={-1}>
            {t('staffAdmin.access.confirm', { name: member.fullName })}
          </Heading>
          <Paragraph>{t('staffAdmin.access.deactivateIntro')}</Paragraph>
          <div className="staff-admin-actions">
            <Button data-color="danger" loading={setActive.isPending} onClick={() => send(false)}>
              {t('staffAdmin.access.confirmYes')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                setConfirming(false);
                // Back to where the user started, so focus is not lost with the vanished buttons.
                setTimeout(() => startRef.current?.focus());
              }}
            >
              {t('staffAdmin.access.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <>
          <Paragraph>{t('staffAdmin.access.deactivateIntro')}</Paragraph>
          <Button ref={startRef} variant="secondary" data-color="danger" onClick={() => setConfirming(true)}>
            {t('staffAdmin.access.deactivate')}
          </Button>
        </>
      )}
    </section>
  );
}
