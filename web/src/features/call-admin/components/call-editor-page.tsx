import {
  Alert,
  Button,
  Field,
  Heading,
  Label,
  Link,
  Paragraph,
  Select,
  Tag,
} from '@digdir/designsystemet-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { Link as RouterLink, useLocation, useNavigate, useParams } from 'react-router';
import { ProblemError } from '../../../api/problem';
import type { Call, Frame, Scheme } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';
import { ADMIN_CALLS_PATH, adminCallPath } from '../../../lib/paths';
import { CallCard } from '../../../ui/call-card';
import { PageHeading } from '../../../ui/page-heading';
import { LoadFailed, Loading } from '../../../ui/query-state';
import {
  callAdminLookups,
  callAdminQueries,
  createCall,
  publishCall,
  PUBLIC_CALLS_KEY,
  updateCall,
} from '../api/call-admin-queries';
import { CallForm, useCommandKey } from './call-form';
import { callFormData, newCallFormData } from './call-form-model';
import { callStatusColor, callStatusKey } from './call-status';

/** Set by the new-call page when it hands over to the editor, to say the draft was saved. */
interface SavedState {
  readonly saved?: boolean;
}

/** A new draft call: the scheme first, then its form, filled in from the county's latest call of the scheme. */
export function NewCallPage() {
  const { t } = useI18n();
  const calls = useQuery(callAdminQueries.list());
  const schemes = useQuery(callAdminLookups.schemes());
  const frames = useQuery(callAdminLookups.frames());
  return (
    <>
      <PageHeading>{t('callAdmin.newTitle')}</PageHeading>
      <Paragraph>{t('callAdmin.newIntro')}</Paragraph>
      {calls.isPending || schemes.isPending || frames.isPending ? (
        <Loading />
      ) : calls.isError || schemes.isError || frames.isError ? (
        <LoadFailed />
      ) : (
        <NewCall calls={calls.data} schemes={schemes.data} frames={frames.data} />
      )}
      <BackToCalls />
    </>
  );
}

function NewCall({ calls, schemes, frames }: { calls: Call[]; schemes: Scheme[]; frames: Frame[] }) {
  const { t } = useI18n();
  const id = useId();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const keyFor = useCommandKey();
  const [schemeId, setSchemeId] = useState('');
  const scheme = schemes.find((s) => s.id === schemeId);
  // The list is newest first: the first call of the scheme is the one to build on.
  const template = calls.find((c) => c.schemeId === schemeId);
  const nextYear = new Date().getFullYear() + 1;
  return (
    <>
      <Field>
        <Label htmlFor={id}>{t('callAdmin.scheme')}</Label>
        <Select id={id} value={schemeId} onChange={(e) => setSchemeId(e.target.value)} width="auto">
          <option value="">{t('form.choose')}</option>
          {schemes.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </Select>
      </Field>
      {scheme && (
        <section key={scheme.id} aria-label={scheme.name}>
          <Paragraph>
            {template ? t('callAdmin.basedOn', { title: template.title }) : t('callAdmin.blank')}
          </Paragraph>
          <CallForm
            scheme={scheme}
            frames={frames}
            initial={
              template
                ? { ...newCallFormData(scheme, template), year: Math.max(template.year + 1, nextYear) }
                : { year: nextYear, eligibility: {} }
            }
            base={template?.parameters ?? {}}
            submitLabel={t('callAdmin.create')}
            save={async (request) => {
              const body = { schemeId: scheme.id, ...request };
              const created = await createCall(body, keyFor(body));
              await queryClient.invalidateQueries({ queryKey: callAdminQueries.all() });
              void navigate(adminCallPath(created.id), { state: { saved: true } satisfies SavedState });
            }}
          />
        </section>
      )}
    </>
  );
}

/** One call: its facts, a preview as applicants will see it, and while a draft, its form and publishing. */
export function CallEditorPage() {
  const { t } = useI18n();
  const { callId = '' } = useParams();
  const call = useQuery(callAdminQueries.detail(callId));
  const schemes = useQuery(callAdminLookups.schemes());
  const frames = useQuery(callAdminLookups.frames());
  if (call.isPending || schemes.isPending || frames.isPending) {
    return (
      <>
        <PageHeading>{t('callAdmin.title')}</PageHeading>
        <Loading />
      </>
    );
  }
  if (call.isError || schemes.isError || frames.isError) {
    const missing = call.error instanceof ProblemError && [400, 404].includes(call.error.status);
    return (
      <>
        <PageHeading>{t('callAdmin.title')}</PageHeading>
        {missing ? <Paragraph>{t('callAdmin.notFound')}</Paragraph> : <LoadFailed />}
        <BackToCalls />
      </>
    );
  }
  const scheme = schemes.data.find((s) => s.id === call.data.schemeId);
  if (!scheme) return <LoadFailed />;
  return <CallEditor call={call.data} scheme={scheme} frames={frames.data} />;
}

function CallEditor({ call, scheme, frames }: { call: Call; scheme: Scheme; frames: Frame[] }) {
  const { t, date, kroner } = useI18n();
  const queryClient = useQueryClient();
  const location = useLocation();
  const keyFor = useCommandKey();
  const [notice, setNotice] = useState<string | null>(
    (location.state as SavedState | null)?.saved ? t('callAdmin.saved') : null,
  );
  const [previewing, setPreviewing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [publishError, setPublishError] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const frame = frames.find((f) => f.id === call.frameId);
  const draft = call.status === 'draft';
  const showPreview = previewing || !draft;

  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (previewing) previewHeading.current?.focus();
  }, [previewing]);

  const stored = (next: Call) => {
    queryClient.setQueryData(callAdminQueries.detail(call.id).queryKey, next);
    // The list shows the new status at once when the admin goes back to it, and is read again.
    queryClient.setQueryData(callAdminQueries.list().queryKey, (list) =>
      list?.map((listed) => (listed.id === next.id ? next : listed)),
    );
    void queryClient.invalidateQueries({ queryKey: [...callAdminQueries.all(), 'list'] });
  };

  const publish = async () => {
    setPublishing(true);
    setPublishError(null);
    try {
      const published = await publishCall(call.id, keyFor({ publish: call.id, version: call.version }));
      stored(published);
      void queryClient.invalidateQueries({ queryKey: PUBLIC_CALLS_KEY });
      setConfirming(false);
      setNotice(t('callAdmin.published'));
    } catch (error) {
      const code = error instanceof ProblemError ? (error.problem as { code?: string }).code : undefined;
      setPublishError(
        code === 'no_frame'
          ? t('callAdmin.publishNoFrame')
          : code === 'call_window_passed'
            ? t('callAdmin.publishWindowPassed')
            : t('callAdmin.publishFailed'),
      );
      setConfirming(false);
    } finally {
      setPublishing(false);
    }
  };

  const reload = async () => {
    const fresh = await queryClient.fetchQuery({ ...callAdminQueries.detail(call.id), staleTime: 0 });
    stored(fresh);
    setFormKey((k) => k + 1);
  };

  return (
    <>
      <PageHeading>{call.title}</PageHeading>
      <Paragraph role="status" className="form-status">
        {notice ?? ''}
      </Paragraph>
      <dl className="facts">
        <dt>{t('callAdmin.facts.status')}</dt>
        <dd>
          <Tag data-color={callStatusColor(call)}>{t(callStatusKey(call))}</Tag>
        </dd>
        <dt>{t('callAdmin.facts.scheme')}</dt>
        <dd>{scheme.name}</dd>
        <dt>{t('callAdmin.facts.year')}</dt>
        <dd>{call.year}</dd>
        <dt>{t('callAdmin.facts.frame')}</dt>
        <dd>{frame ? `${frame.name} (${kroner(frame.allocated)})` : t('callAdmin.frameNone')}</dd>
        {call.publishedAt && (
          <>
            <dt>{t('callAdmin.facts.publishedAt')}</dt>
            <dd>{date(call.publishedAt)}</dd>
          </>
        )}
      </dl>
      {draft && (
        <div className="form-buttons">
          <Button
            type="button"
            variant="secondary"
            aria-expanded={previewing}
            onClick={() => setPreviewing((p) => !p)}
          >
            {previewing ? t('callAdmin.hidePreview') : t('callAdmin.preview')}
          </Button>
          <Button type="button" onClick={() => setConfirming(true)} disabled={confirming}>
            {t('callAdmin.publish')}
          </Button>
        </div>
      )}
      {confirming && (
        <Alert data-color="warning">
          <Heading level={2} data-size="xs" ref={confirmHeading} tabIndex={-1}>
            {t('callAdmin.confirmTitle')}
          </Heading>
          <Paragraph>{t('callAdmin.confirmBody')}</Paragraph>
          <div className="form-buttons">
            <Button type="button" onClick={() => void publish()} loading={publishing} disabled={publishing}>
              {t('callAdmin.confirmPublish')}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              {t('callAdmin.cancel')}
            </Button>
          </div>
        </Alert>
      )}
      {publishError && <Alert data-color="danger">{publishError}</Alert>}
      {showPreview && (
        <section aria-labelledby="call-preview">
          <Heading level={2} data-size="sm" id="call-preview" ref={previewHeading} tabIndex={-1}>
            {t('callAdmin.previewTitle')}
          </Heading>
          <Paragraph>{t('callAdmin.previewIntro')}</Paragraph>
          <CallCard
            call={{ ...call, countyName: '', frameAllocatedOre: frame ? frame.allocated : null }}
            scheme={scheme}
          />
        </section>
      )}
      {draft ? (
        <section aria-labelledby="call-edit">
          <Heading level={2} data-size="sm" id="call-edit">
            {t('callAdmin.editTitle')}
          </Heading>
          <CallForm
            key={`${call.id}-${formKey}`}
            scheme={scheme}
            frames={frames}
            initial={callFormData(scheme, call)}
            base={call.parameters}
            submitLabel={t('callAdmin.save')}
            save={async (request) => {
              const body = { version: call.version, ...request };
              stored(await updateCall(call.id, body, keyFor(body)));
              setNotice(t('callAdmin.saved'));
            }}
            onReload={() => void reload()}
          />
        </section>
      ) : (
        <Paragraph>{t('callAdmin.frozen')}</Paragraph>
      )}
      <BackToCalls />
    </>
  );
}

function BackToCalls() {
  const { t } = useI18n();
  return (
    <Paragraph>
      <Link asChild>
        <RouterLink to={ADMIN_CALLS_PATH}>{t('callAdmin.back')}</RouterLink>
      </Link>
    </Paragraph>
  );
}
