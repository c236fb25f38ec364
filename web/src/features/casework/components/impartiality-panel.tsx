import {
  Alert,
  Fieldset,
  Heading,
  Paragraph,
  Radio,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import type { ApplicationDetail, Profile } from '../../../api/types';
import type { MessageKey } from '../../../i18n/nb';
import { useI18n } from '../../../i18n/i18n';
import { useDeclareImpartiality } from '../api/casework-queries';
import { ActionForm, type FieldError } from './action-form';

type Impartiality = NonNullable<ApplicationDetail['impartiality']>;
type Ground = NonNullable<Impartiality['declarations'][number]['ground']>;

const GROUNDS: readonly Ground[] = [
  'party',
  'related_to_party',
  'represents_party',
  'party_organisation',
  'special_circumstances',
];
const groundKey = (ground: Ground) => `impartiality.ground.${ground}` as MessageKey;
const groundShortKey = (ground: Ground) => `impartiality.groundShort.${ground}` as MessageKey;

/** Whether the reader declares impartiality on cases: case officers and approvers do. */
export const declaresImpartiality = (me: Profile) =>
  me.roles.includes('case_officer') || me.roles.includes('approver');

/**
 * Whether the reader may act on the case now: someone who declared themselves partial never does;
 * where the county requires it, a case officer or approver acts only once declared impartial.
 */
export function mayActOnCase(detail: ApplicationDetail, me: Profile): boolean {
  const impartiality = detail.impartiality;
  if (!impartiality || !declaresImpartiality(me)) return true;
  if (impartiality.mine === 'partial') return false;
  return !impartiality.required || impartiality.mine === 'impartial';
}

/**
 * Habilitet (forvaltningsloven §§ 6–8): who stepped aside from the case and why, and the reader's
 * own declaration, asked before the case's actions are shown.
 */
export function ImpartialityPanel({ detail, me }: { detail: ApplicationDetail; me: Profile }) {
  const { t, date } = useI18n();
  const impartiality = detail.impartiality;
  if (!impartiality) return null;
  const steppedAside = impartiality.declarations.filter((d) => d.verdict === 'partial');
  const asks = declaresImpartiality(me) && impartiality.mine === null && impartiality.required;
  if (!asks && steppedAside.length === 0 && impartiality.mine === null) return null;
  return (
    <section aria-labelledby="impartiality" className="case-impartiality">
      <Heading level={2} data-size="sm" id="impartiality">
        {t('impartiality.title')}
      </Heading>
      {impartiality.mine === 'impartial' && <Paragraph>{t('impartiality.youImpartial')}</Paragraph>}
      {impartiality.mine === 'partial' && (
        <Alert data-color="info">
          <Paragraph>{t('impartiality.youPartial')}</Paragraph>
        </Alert>
      )}
      {steppedAside.length > 0 && (
        <>
          <Heading level={3} data-size="xs">
            {t('impartiality.steppedAside')}
          </Heading>
          <ul>
            {steppedAside.map((d) => (
              <li key={`${d.userId}-${d.declaredAt}`}>
                <Paragraph>
                  {t('impartiality.steppedAsideItem', {
                    name: d.name,
                    date: date(d.declaredAt),
                    ground: d.ground ? t(groundShortKey(d.ground)) : '',
                  })}
                </Paragraph>
                {d.explanation && <Paragraph className="pre-wrap">{d.explanation}</Paragraph>}
              </li>
            ))}
          </ul>
        </>
      )}
      {asks && <DeclarationForm applicationId={detail.id} />}
    </section>
  );
}

function DeclarationForm({ applicationId }: { applicationId: string }) {
  const { t } = useI18n();
  const declare = useDeclareImpartiality(applicationId);
  const [verdict, setVerdict] = useState<'impartial' | 'partial' | null>(null);
  const [ground, setGround] = useState<Ground | null>(null);
  const [explanation, setExplanation] = useState('');
  const validate = (): FieldError[] => {
    const errors: FieldError[] = [];
    if (verdict === null)
      errors.push({ field: 'impartiality-verdict', message: 'impartiality.error.verdict' });
    if (verdict === 'partial' && ground === null)
      errors.push({ field: 'impartiality-ground', message: 'impartiality.error.ground' });
    if (verdict === 'partial' && ground === 'special_circumstances' && explanation.trim() === '')
      errors.push({ field: 'impartiality-explanation', message: 'impartiality.error.explanation' });
    if (errors.length > 0 || verdict === null) return errors;
    declare.mutate(
      verdict === 'impartial'
        ? { verdict }
        : {
            verdict,
            ground: ground ?? undefined,
            ...(explanation.trim() ? { explanation: explanation.trim() } : {}),
          },
    );
    return [];
  };
  return (
    <ActionForm
      id="declare-impartiality"
      heading={t('impartiality.declare')}
      intro={<Paragraph data-size="sm">{t('impartiality.intro')}</Paragraph>}
      submitLabel={t('impartiality.submit')}
      pending={declare.isPending}
      refusal={declare.error}
      validate={validate}
    >
      {(errorFor) => (
        <>
          <Fieldset>
            <Fieldset.Legend>{t('impartiality.verdict')}</Fieldset.Legend>
            <Radio
              id="impartiality-verdict"
              name="impartiality-verdict"
              value="impartial"
              label={t('impartiality.impartial')}
              checked={verdict === 'impartial'}
              aria-invalid={errorFor('impartiality-verdict') ? true : undefined}
              onChange={() => setVerdict('impartial')}
            />
            <Radio
              id="impartiality-verdict-partial"
              name="impartiality-verdict"
              value="partial"
              label={t('impartiality.partial')}
              checked={verdict === 'partial'}
              aria-invalid={errorFor('impartiality-verdict') ? true : undefined}
              onChange={() => setVerdict('partial')}
            />
            {errorFor('impartiality-verdict') && (
              <ValidationMessage>{errorFor('impartiality-verdict')}</ValidationMessage>
            )}
          </Fieldset>
          {verdict === 'partial' && (
            <>
              <Fieldset>
                <Fieldset.Legend>{t('impartiality.groundLegend')}</Fieldset.Legend>
                {GROUNDS.map((g, i) => (
                  <Radio
                    key={g}
                    id={i === 0 ? 'impartiality-ground' : `impartiality-ground-${i}`}
                    name="impartiality-ground"
                    value={g}
                    label={t(groundKey(g))}
                    checked={ground === g}
                    aria-invalid={errorFor('impartiality-ground') ? true : undefined}
                    onChange={() => setGround(g)}
                  />
                ))}
                {errorFor('impartiality-ground') && (
                  <ValidationMessage>{errorFor('impartiality-ground')}</ValidationMessage>
                )}
              </Fieldset>
              <Textfield
                id="impartiality-explanation"
                label={t('impartiality.explanation')}
                description={t('impartiality.explanationHelp')}
                multiline
                rows={3}
                value={explanation}
                onChange={(event) => setExplanation(event.target.value)}
                error={errorFor('impartiality-explanation')}
              />
            </>
          )}
        </>
      )}
    </ActionForm>
  );
}
