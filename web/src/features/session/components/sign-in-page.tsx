import { Button, ErrorSummary, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ProblemError } from '../../../api/problem';
import type { Profile } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/nb';
import { PageHeading } from '../../../ui/page-heading';
import { sessionQueries, useSignIn } from '../api/session-queries';
import { homePathFor, type SignInState } from '../session-paths';

type FieldName = 'email' | 'password';
interface FormError {
  field: FieldName;
  message: MessageKey;
}

/** Only paths of this app: never an address elsewhere (an open redirect); else the user's start page. */
const backTo = (state: unknown, profile: Profile | null | undefined): string => {
  const from = (state as SignInState | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//')
    ? from
    : homePathFor(profile);
};

/** Sign-in with e-mail and password; errors are summed up above the button, which takes focus. */
export function SignInPage() {
  const { t } = useI18n();
  const me = useQuery(sessionQueries.me());
  const signIn = useSignIn();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  // A new key on each failed attempt mounts the summary again, so it takes focus again.
  const [attempt, setAttempt] = useState(0);

  if (me.data && !signIn.isPending) return <Navigate to={backTo(location.state, me.data)} replace />;

  const fail = (found: FormError[]) => {
    setErrors(found);
    setAttempt((n) => n + 1);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: FormError[] = [];
    if (email.trim() === '') found.push({ field: 'email', message: 'signIn.emailMissing' });
    if (password === '') found.push({ field: 'password', message: 'signIn.passwordMissing' });
    if (found.length > 0) return fail(found);
    setErrors([]);
    signIn.mutate(
      { email: email.trim(), password },
      {
        onSuccess: () =>
          void navigate(backTo(location.state, queryClient.getQueryData(sessionQueries.me().queryKey)), {
            replace: true,
          }),
        onError: (error) =>
          fail([
            {
              field: 'email',
              message:
                error instanceof ProblemError && error.status === 401
                  ? 'signIn.wrongCredentials'
                  : error instanceof ProblemError && error.status === 429
                    ? 'signIn.tooManyAttempts'
                    : 'app.error',
            },
          ]),
      },
    );
  };

  const inline = (field: FieldName) => {
    const error = errors.find((e) => e.field === field && e.message !== 'signIn.wrongCredentials');
    return error ? t(error.message) : undefined;
  };

  return (
    <>
      <PageHeading>{t('signIn.title')}</PageHeading>
      <Paragraph>{t('signIn.intro')}</Paragraph>
      <form noValidate onSubmit={submit} className="sign-in-form">
        <Textfield
          id="email"
          label={t('signIn.email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={inline('email')}
        />
        <Textfield
          id="password"
          label={t('signIn.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={inline('password')}
        />
        {errors.length > 0 && (
          <ErrorSummary key={attempt}>
            <ErrorSummary.Heading>{t('signIn.errorHeading')}</ErrorSummary.Heading>
            <ErrorSummary.List>
              {errors.map((error) => (
                <ErrorSummary.Item key={error.message}>
                  <ErrorSummary.Link
                    href={`#${error.field}`}
                    onClick={(event) => {
                      // Focus the field itself, without a route change (which would focus the heading).
                      event.preventDefault();
                      document.getElementById(error.field)?.focus();
                    }}
                  >
                    {t(error.message)}
                  </ErrorSummary.Link>
                </ErrorSummary.Item>
              ))}
            </ErrorSummary.List>
          </ErrorSummary>
        )}
        <div>
          <Button type="submit" loading={signIn.isPending}>
            {t('signIn.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
