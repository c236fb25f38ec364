import { Button, Heading, Link, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router';
import { ProblemError } from '../../../api/problem';
import type { StaffRole } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';
import { adminStaffMemberPath } from '../../../lib/paths';
import { PageHeading } from '../../../ui/page-heading';
import { LoadFailed, Loading } from '../../../ui/query-state';
import { staffQueries, useInviteStaff, useOpenQueueDashboard } from '../api/staff-queries';
import { FormErrors, Notice, RoleCheckboxes, roleCheckboxId, type FieldError } from './form-parts';
import { LastChange, rolesInWords } from './last-change';
import { PaymentDetailsForm } from './payment-details-form';
import { refusalText, staffStatus } from './staff-text';
import './staff-admin.css';

/** Enough of an e-mail address to catch a typing slip; the API checks it fully. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Administrators: the county's staff, an invitation for a new one, its payment details, and the queue dashboard. */
export function StaffPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading>{t('staffAdmin.title')}</PageHeading>
      <Paragraph>{t('staffAdmin.intro')}</Paragraph>
      <StaffList />
      <InviteForm />
      <PaymentDetailsForm />
      <QueueDashboard />
    </>
  );
}

function StaffList() {
  const { t } = useI18n();
  const staff = useQuery(staffQueries.list());
  return (
    <section aria-labelledby="staff-list" className="staff-admin-section">
      <Heading level={2} data-size="sm" id="staff-list">
        {t('staffAdmin.list.heading')}
      </Heading>
      {staff.isPending ? (
        <Loading />
      ) : staff.isError ? (
        <LoadFailed />
      ) : staff.data.length === 0 ? (
        <Paragraph>{t('staffAdmin.list.none')}</Paragraph>
      ) : (
        <Table className="staff-admin-table" aria-labelledby="staff-list">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('staffAdmin.list.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('staffAdmin.list.email')}</Table.HeaderCell>
              <Table.HeaderCell>{t('staffAdmin.list.roles')}</Table.HeaderCell>
              <Table.HeaderCell>{t('staffAdmin.list.status')}</Table.HeaderCell>
              <Table.HeaderCell>{t('staffAdmin.list.lastChange')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {staff.data.map((member) => {
              const status = staffStatus(member);
              return (
                <Table.Row key={member.id}>
                  <Table.Cell>
                    <Link asChild>
                      <RouterLink to={adminStaffMemberPath(member.id)}>{member.fullName}</RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{member.email}</Table.Cell>
                  <Table.Cell>{rolesInWords(member.roles, t)}</Table.Cell>
                  <Table.Cell>
                    <Tag data-color={status.color}>{t(status.text)}</Tag>
                  </Table.Cell>
                  <Table.Cell>
                    <LastChange member={member} />
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}

function InviteForm() {
  const { t } = useI18n();
  const invite = useInviteStaff();
  const [fullName, setFullName] = useState('');
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<StaffRole[]>([]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  // A new key on each failed attempt mounts the summary again, so it takes focus again.
  const [attempt, setAttempt] = useState(0);
  const [sent, setSent] = useState<string | null>(null);

  const fail = (found: FieldError[]) => {
    setErrors(found);
    setAttempt((n) => n + 1);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (invite.isPending) return;
    setSent(null);
    const found: FieldError[] = [];
    if (fullName.trim().length < 2)
      found.push({ field: 'invite-name', message: 'staffAdmin.invite.nameMissing' });
    if (email.trim() === '') found.push({ field: 'invite-email', message: 'staffAdmin.invite.emailMissing' });
    else if (!EMAIL.test(email.trim()))
      found.push({ field: 'invite-email', message: 'staffAdmin.invite.emailInvalid' });
    if (roles.length === 0)
      found.push({
        field: roleCheckboxId('invite-roles', 'case_officer'),
        message: 'staffAdmin.roles.missing',
      });
    if (found.length > 0) return fail(found);
    setErrors([]);
    const invitation = { fullName: fullName.trim(), email: email.trim(), roles };
    invite.mutate(invitation, {
      onSuccess: (member) => {
        setSent(member.email);
        setFullName('');
        setEmail('');
        setRoles([]);
      },
      onError: (error) =>
        fail([
          {
            field: 'invite-email',
            message:
              error instanceof ProblemError && error.problem.code === 'email_taken'
                ? 'staffAdmin.invite.emailTaken'
                : refusalText(error),
          },
        ]),
    });
  };

  const errorFor = (field: string) => {
    const found = errors.find((e) => e.field === field);
    return found ? t(found.message) : undefined;
  };

  return (
    <section aria-labelledby="invite-staff" className="staff-admin-section">
      <Heading level={2} data-size="sm" id="invite-staff">
        {t('staffAdmin.invite.heading')}
      </Heading>
      <Paragraph>{t('staffAdmin.invite.intro')}</Paragraph>
      <form noValidate onSubmit={submit} className="staff-admin-form">
        <Textfield
          id="invite-name"
          label={t('staffAdmin.invite.name')}
          autoComplete="off"
          value={fullName}
          onChange={(event) => setFullName(event.target.value)}
          error={errorFor('invite-name')}
        />
        <Textfield
          id="invite-email"
          label={t('staffAdmin.invite.email')}
          type="email"
          autoComplete="off"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={errorFor('invite-email')}
        />
        <RoleCheckboxes
          id="invite-roles"
          legend={t('staffAdmin.invite.roles')}
          description={t('staffAdmin.invite.rolesHelp')}
          value={roles}
          onChange={setRoles}
          error={errorFor(roleCheckboxId('invite-roles', 'case_officer'))}
        />
        {errors.length > 0 && <FormErrors key={attempt} errors={errors} />}
        {sent && <Notice color="success">{t('staffAdmin.invite.sent', { email: sent })}</Notice>}
        <div>
          <Button type="submit" loading={invite.isPending}>
            {t('staffAdmin.invite.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** bull-board is a page of its own, served by the API; a session for it is opened first. */
function QueueDashboard() {
  const { t } = useI18n();
  const open = useOpenQueueDashboard();
  return (
    <section aria-labelledby="queue-dashboard" className="staff-admin-section">
      <Heading level={2} data-size="sm" id="queue-dashboard">
        {t('staffAdmin.queues.heading')}
      </Heading>
      <Paragraph>{t('staffAdmin.queues.intro')}</Paragraph>
      {open.isError && <Notice color="danger">{t('staffAdmin.queues.failed')}</Notice>}
      <Button variant="secondary" loading={open.isPending} onClick={() => open.mutate()}>
        {t('staffAdmin.queues.open')}
      </Button>
    </section>
  );
}
