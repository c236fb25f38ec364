import { Alert, Button, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { ProblemError } from '../../../api/problem';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/nb';
import { PageHeading } from '../../../ui/page-heading';
import { sessionQueries, useAcceptInvitation, useSignIn } from '../api/session-queries';
import { homePathFor, SIGN_IN_PATH } from '../session-paths';
import { FieldErrorSummary } from '../../../ui/field-error-summary';

type FieldName = 'new-password' | 'repeat-password';
interface FormError {
  field: FieldName;
  message: MessageKey;
}

/** The password rules of the API (AcceptInvitationDto). */
const PASSWORD_MIN = 12;
const PASSWORD_MAX = 200;

/** Why an invitation link does not work, in words: it is unknown, used, or expired. */
const linkProblem = (error: unknown): MessageKey | null => {
  if (!(error instanceof ProblemError)) return null;
  switch (error.problem.code) {
    case 'invitation_not_found':
      return 'staffAdmin.invitation.invalid';
    case 'invitation_used':
      return 'staffAdmin.invitation.used';
    case 'invitation_expired':
      return 'staffAdmin.invitation.expired';
    default:
      return null;
  }
};

/**
 * The page an invitation e-mail links to: a new staff member chooses a password, and is signed in
 * with it and sent to their start page.
 */
export function InvitationPage() {
  const { t } = useI18n();
  const { token = '' } = useParams();
  const accept = useAcceptInvitation();
  const signIn = useSignIn();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);

  const fail = (found: FormError[]) => {
    setErrors(found);
    setAttempt((n) => n + 1);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (accept.isPending || signIn.isPending) return;
    const found: FormError[] = [];
    if (password === '')
      found.push({ field: 'new-password', message: 'staffAdmin.invitation.passwordMissing' });
    else if (password.length < PASSWORD_MIN)
      found.push({ field: 'new-password', message: 'staffAdmin.invitation.passwordShort' });
    else if (password.length > PASSWORD_MAX)
      found.push({ field: 'new-password', message: 'staffAdmin.invitation.passwordLong' });
    if (password !== '' && repeat !== password)
      found.push({ field: 'repeat-password', message: 'staffAdmin.invitation.repeatMismatch' });
    if (found.length > 0) return fail(found);
    setErrors([]);
    accept.mutate(
      { token, password },
      {
        onSuccess: ({ email }) =>
          signIn.mutate(
            { email, password },
            {
              onSuccess: () =>
                void navigate(homePathFor(queryClient.getQueryData(sessionQueries.me().queryKey)), {
                  replace: true,
                }),
              onError: () => void navigate(SIGN_IN_PATH, { replace: true }),
            },
          ),
        onError: (error) => {
          if (linkProblem(error) === null) fail([{ field: 'new-password', message: 'app.error' }]);
        },
      },
    );
  };

  const problem = accept.isError ? linkProblem(accept.error) : null;
  const inline = (field: FieldName) => {
    const error = errors.find((e) => e.field === field && e.message !== 'app.error');
    return error ? t(error.message) : undefined;
  };

  return (
    <>
      <PageHeading>{t('staffAdmin.invitation.title')}</PageHeading>
      {problem ? (
        <>
          <Alert data-color="warning">
            <Paragraph>{t(problem)}</Paragraph>
          </Alert>
          <Paragraph>
            <Link asChild>
              <RouterLink to={SIGN_IN_PATH}>{t('staffAdmin.invitation.signIn')}</RouterLink>
            </Link>
          </Paragraph>
        </>
      ) : (
        <>
          <Paragraph>{t('staffAdmin.invitation.intro')}</Paragraph>
          <form noValidate onSubmit={submit} className="sign-in-form">
            <Textfield
              id="new-password"
              label={t('staffAdmin.invitation.password')}
              description={t('staffAdmin.invitation.passwordHelp')}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              error={inline('new-password')}
            />
            <Textfield
              id="repeat-password"
              label={t('staffAdmin.invitation.repeat')}
              type="password"
              autoComplete="new-password"
              value={repeat}
              onChange={(event) => setRepeat(event.target.value)}
              error={inline('repeat-password')}
            />
            {errors.length > 0 && (
              <FieldErrorSummary key={attempt} heading={t('staffAdmin.form.errorHeading')} errors={errors} />
            )}
            <div>
              <Button type="submit" loading={accept.isPending || signIn.isPending}>
                {t('staffAdmin.invitation.submit')}
              </Button>
            </div>
          </form>
        </>
      )}
    </>
  );
}
