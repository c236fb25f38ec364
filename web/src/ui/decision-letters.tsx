import { Alert, Heading, Link } from '@digdir/designsystemet-react';
import type { DecisionLetter } from '../api/types';
import { useI18n } from '../i18n/i18n';

/**
 * The case's decision letters (vedtaksbrev), each a link to its PDF; nothing while there are none.
 * The letters are in Norwegian whatever the page's language.
 */
export function DecisionLetters({
  letters,
  failed,
}: {
  letters: DecisionLetter[] | undefined;
  failed: boolean;
}) {
  const { t, date } = useI18n();
  if (failed)
    return (
      <section aria-labelledby="case-letters">
        <Heading level={2} data-size="sm" id="case-letters">
          {t('letters.title')}
        </Heading>
        <Alert data-color="danger">{t('letters.loadFailed')}</Alert>
      </section>
    );
  if (!letters || letters.length === 0) return null;
  return (
    <section aria-labelledby="case-letters">
      <Heading level={2} data-size="sm" id="case-letters">
        {t('letters.title')}
      </Heading>
      <ul>
        {letters.map((letter) => (
          <li key={letter.id}>
            {t('letters.item', {
              kind: t(`letters.kind.${letter.kind}`),
              // A calendar day at noon UTC: the same day in Norway all year.
              date: date(`${letter.decisionDate}T12:00:00.000Z`),
            })}
            {' – '}
            <Link href={letter.pdfPath} hrefLang="nb" type="application/pdf">
              {t('letters.download')}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
