import { Button, Link, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import { useI18n } from '../../../i18n/i18n';
import { sessionQueries, useSignOut } from '../api/session-queries';
import { SIGN_IN_PATH } from '../session-paths';

/** In the header: who is signed in (and for which organisation) with sign-out, or a sign-in link. */
export function SessionMenu() {
  const { t } = useI18n();
  const me = useQuery(sessionQueries.me());
  const signOut = useSignOut();
  if (me.isPending || me.isError) return null;
  if (me.data === null)
    return (
      <Link asChild data-size="sm">
        <RouterLink to={SIGN_IN_PATH}>{t('session.signIn')}</RouterLink>
      </Link>
    );
  const organisations = me.data.organisations.map((o) => o.name).join(', ');
  return (
    <div className="session-menu">
      <Paragraph data-size="sm">
        {t('session.signedInAs', { name: me.data.fullName })}
        {organisations && (
          <>
            <br />
            {organisations}
          </>
        )}
      </Paragraph>
      <Button variant="secondary" data-size="sm" loading={signOut.isPending} onClick={() => signOut.mutate()}>
        {t('session.signOut')}
      </Button>
    </div>
  );
}
