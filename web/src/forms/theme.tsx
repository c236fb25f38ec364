import {
  Button,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Input,
  Label,
  Radio,
  Select,
  Textarea,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { withTheme, type ThemeProps } from '@rjsf/core';
import type {
  ArrayFieldItemTemplateProps,
  ArrayFieldTemplateProps,
  FieldTemplateProps,
  ObjectFieldTemplateProps,
  RJSFSchema,
  WidgetProps,
} from '@rjsf/utils';
import { getUiOptions } from '@rjsf/utils';
import { useState, type ChangeEvent } from 'react';
import { dateInputText, parseDateInput } from './date-input';
import { fill, type SchemeFormContext } from './form-context';
import { kronerInputText, parseKroner } from './money';
import { parsePercent, percentInputText } from './percent';

// RJSF drawn with Designsystemet parts only: every field is a ds-field (label, description, input,
// validation message linked together), objects and choices are fieldsets with a legend, lists have
// keyboard-operable add and remove buttons. None of RJSF's own markup or class names is used.

type Context = SchemeFormContext;
type Schema = RJSFSchema;

const contextOf = (props: { registry: { formContext: unknown } }) => props.registry.formContext as Context;

/** Fields that draw their own label (as a legend): objects, lists, yes/no and radio choices. */
function drawsOwnLabel(schema: Schema, uiSchema: FieldTemplateProps['uiSchema']): boolean {
  const widget = uiSchema?.['ui:widget'] as string | undefined;
  return (
    schema.type === 'object' || schema.type === 'array' || schema.type === 'boolean' || widget === 'radio'
  );
}

function FieldTemplate(props: FieldTemplateProps) {
  const { id, label, rawDescription, rawErrors = [], children, hidden, required, schema, uiSchema } = props;
  const { words } = contextOf(props);
  if (hidden) return <div hidden>{children}</div>;
  if (drawsOwnLabel(schema, uiSchema)) return children;
  return (
    <Field>
      <Label htmlFor={id}>
        {label}
        {!required && ` ${words.optional}`}
      </Label>
      {rawDescription && <Field.Description>{rawDescription}</Field.Description>}
      {children}
      {rawErrors.map((error) => (
        <ValidationMessage key={error}>{error}</ValidationMessage>
      ))}
    </Field>
  );
}

/** The messages of a field that draws its own label, under its fieldset. */
function FieldsetErrors({ errors }: { errors: readonly string[] | undefined }) {
  return (errors ?? []).map((error) => <ValidationMessage key={error}>{error}</ValidationMessage>);
}

function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const { fieldPathId, properties, title, description, uiSchema, required } = props;
  const formData: unknown = props.formData;
  const { stepFields, words } = contextOf(props);
  const data = (formData ?? {}) as Record<string, unknown>;
  const isRoot = fieldPathId.path.length === 0;
  const shown = properties.filter((property) => {
    if (property.hidden) return false;
    if (isRoot && !stepFields.includes(property.name)) return false;
    const when = getUiOptions(uiSchema?.[property.name] as never).visibleWhen as
      { field: string; equals: unknown } | undefined;
    return !when || data[when.field] === when.equals;
  });
  if (isRoot) return <div className="scheme-form-fields">{shown.map((p) => p.content)}</div>;
  const errors = (props.errorSchema as { __errors?: string[] } | undefined)?.__errors;
  return (
    <Fieldset id={fieldPathId.$id} tabIndex={-1} className="scheme-form-group">
      <Fieldset.Legend>
        {title}
        {!required && ` ${words.optional}`}
      </Fieldset.Legend>
      {typeof description === 'string' && description && (
        <Fieldset.Description>{description}</Fieldset.Description>
      )}
      {shown.map((p) => p.content)}
      <FieldsetErrors errors={errors} />
    </Fieldset>
  );
}

function ArrayFieldTemplate(props: ArrayFieldTemplateProps) {
  const { fieldPathId, items, canAdd, onAddClick, title, uiSchema, schema, rawErrors, disabled, readonly } =
    props;
  const { words } = contextOf(props);
  const options = getUiOptions(uiSchema);
  const item = String(options.itemLabel ?? title);
  return (
    <Fieldset id={fieldPathId.$id} tabIndex={-1} className="scheme-form-group">
      <Fieldset.Legend>{String(options.title ?? title)}</Fieldset.Legend>
      {typeof (options.description ?? schema.description) === 'string' && options.description && (
        <Fieldset.Description>{String(options.description)}</Fieldset.Description>
      )}
      <ol className="scheme-form-list">{items}</ol>
      <FieldsetErrors errors={rawErrors} />
      {canAdd && (
        <div>
          <Button
            type="button"
            variant="secondary"
            data-size="sm"
            onClick={onAddClick}
            disabled={disabled || readonly}
          >
            {fill(words.add, { item: item.toLocaleLowerCase() })}
          </Button>
        </div>
      )}
    </Fieldset>
  );
}

function ArrayFieldItemTemplate(props: ArrayFieldItemTemplateProps) {
  const { children, index, buttonsProps, parentUiSchema } = props;
  const { words } = contextOf(props);
  const item = String(getUiOptions(parentUiSchema).itemLabel ?? '');
  const number = index + 1;
  return (
    <li className="scheme-form-item">
      {item && (
        <Heading level={3} data-size="2xs">
          {fill(words.itemHeading, { item, number })}
        </Heading>
      )}
      {children}
      {buttonsProps.hasRemove && (
        <div>
          <Button
            type="button"
            variant="tertiary"
            data-size="sm"
            data-color="danger"
            onClick={buttonsProps.onRemoveItem}
            disabled={buttonsProps.disabled || buttonsProps.readonly}
          >
            {fill(words.remove, { item: item.toLocaleLowerCase(), number })}
          </Button>
        </div>
      )}
    </li>
  );
}

const invalid = (props: WidgetProps) => (props.rawErrors?.length ? true : undefined);

/** Text, and plain numbers typed as text (never `type="number"`); a number that does not parse is kept as typed. */
function TextWidget(props: WidgetProps) {
  const { id, onChange, onBlur, onFocus, disabled, readonly, schema, htmlName } = props;
  const value: unknown = props.value;
  const { words } = contextOf(props);
  const numeric = schema.type === 'number' || schema.type === 'integer';
  const [draft, setDraft] = useState<string | null>(null);
  const shown =
    draft ??
    (typeof value === 'number' ? String(value).replace('.', ',') : typeof value === 'string' ? value : '');
  const bad = numeric && draft !== null && draft.trim() !== '' && value === undefined;
  return (
    <>
      <Input
        id={id}
        name={htmlName ?? id}
        value={shown}
        inputMode={numeric ? (schema.type === 'integer' ? 'numeric' : 'decimal') : undefined}
        disabled={disabled}
        readOnly={readonly}
        aria-invalid={invalid(props) ?? (bad || undefined)}
        onChange={(event: ChangeEvent<HTMLInputElement>) => {
          const text = event.target.value;
          if (!numeric) return onChange(text === '' ? undefined : text);
          setDraft(text);
          const normal = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
          const pattern = schema.type === 'integer' ? /^\d+$/ : /^\d+(\.\d+)?$/;
          onChange(pattern.test(normal) ? Number(normal) : undefined);
        }}
        onBlur={() => {
          if (!bad) setDraft(null);
          onBlur(id, value);
        }}
        onFocus={() => onFocus(id, value)}
      />
      {bad && <ValidationMessage>{words.numberInvalid}</ValidationMessage>}
    </>
  );
}

function TextareaWidget(props: WidgetProps) {
  const { id, onChange, onBlur, onFocus, disabled, readonly, htmlName } = props;
  const value: unknown = props.value;
  return (
    <Textarea
      id={id}
      name={htmlName ?? id}
      value={typeof value === 'string' ? value : ''}
      rows={5}
      disabled={disabled}
      readOnly={readonly}
      aria-invalid={invalid(props)}
      onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
      onBlur={() => onBlur(id, value)}
      onFocus={() => onFocus(id, value)}
    />
  );
}

/** An amount in øre, typed and shown as kroner (`12 500` or `12 500,50`). */
function KronerWidget(props: WidgetProps) {
  const { id, onChange, onBlur, onFocus, disabled, readonly, htmlName } = props;
  const value: unknown = props.value;
  const { words, language } = contextOf(props);
  const separator = language === 'nb' ? ',' : '.';
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? (typeof value === 'number' ? kronerInputText(value, separator) : '');
  const bad = draft !== null && draft.trim() !== '' && parseKroner(draft) === null;
  return (
    <>
      <Field.Affixes>
        <Input
          id={id}
          name={htmlName ?? id}
          value={shown}
          inputMode="decimal"
          disabled={disabled}
          readOnly={readonly}
          aria-invalid={invalid(props) ?? (bad || undefined)}
          onChange={(event) => {
            setDraft(event.target.value);
            onChange(parseKroner(event.target.value) ?? undefined);
          }}
          onBlur={() => {
            if (!bad) setDraft(null);
            onBlur(id, value);
          }}
          onFocus={() => onFocus(id, value)}
        />
        <Field.Affix>kr</Field.Affix>
      </Field.Affixes>
      {bad && <ValidationMessage>{words.kronerInvalid}</ValidationMessage>}
    </>
  );
}

/** A share in basis points, typed and shown as per cent (`40` or `12,5`, with a % suffix). */
function PercentWidget(props: WidgetProps) {
  const { id, onChange, onBlur, onFocus, disabled, readonly, htmlName } = props;
  const value: unknown = props.value;
  const { words, language } = contextOf(props);
  const separator = language === 'nb' ? ',' : '.';
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? (typeof value === 'number' ? percentInputText(value, separator) : '');
  const bad = draft !== null && draft.trim() !== '' && parsePercent(draft) === null;
  return (
    <>
      <Field.Affixes>
        <Input
          id={id}
          name={htmlName ?? id}
          value={shown}
          inputMode="decimal"
          width={6}
          disabled={disabled}
          readOnly={readonly}
          aria-invalid={invalid(props) ?? (bad || undefined)}
          onChange={(event) => {
            setDraft(event.target.value);
            onChange(parsePercent(event.target.value) ?? undefined);
          }}
          onBlur={() => {
            if (!bad) setDraft(null);
            onBlur(id, value);
          }}
          onFocus={() => onFocus(id, value)}
        />
        <Field.Affix>%</Field.Affix>
      </Field.Affixes>
      {bad && <ValidationMessage>{words.percentInvalid}</ValidationMessage>}
    </>
  );
}

/** A calendar day typed as dd.mm.åååå (a text field: `type="date"` follows the OS, not the page). */
function DateTextWidget(props: WidgetProps) {
  const { id, onChange, onBlur, onFocus, disabled, readonly, htmlName } = props;
  const value: unknown = props.value;
  const { words } = contextOf(props);
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? (typeof value === 'string' ? dateInputText(value) : '');
  const bad = draft !== null && draft.trim() !== '' && parseDateInput(draft) === null;
  return (
    <>
      <Field.Description>{words.dateHint}</Field.Description>
      <Input
        id={id}
        name={htmlName ?? id}
        value={shown}
        inputMode="numeric"
        autoComplete="off"
        width={10}
        disabled={disabled}
        readOnly={readonly}
        aria-invalid={invalid(props) ?? (bad || undefined)}
        onChange={(event) => {
          setDraft(event.target.value);
          onChange(parseDateInput(event.target.value) ?? undefined);
        }}
        onBlur={() => {
          if (!bad) setDraft(null);
          onBlur(id, value);
        }}
        onFocus={() => onFocus(id, value)}
      />
      {bad && <ValidationMessage>{words.dateInvalid}</ValidationMessage>}
    </>
  );
}

function SelectWidget(props: WidgetProps) {
  if (props.multiple) return <ChecklistWidget {...props} />;
  const { id, onChange, onBlur, onFocus, disabled, readonly, options, htmlName } = props;
  const value: unknown = props.value;
  const { words } = contextOf(props);
  const choices = options.enumOptions ?? [];
  return (
    <Select
      id={id}
      name={htmlName ?? id}
      value={typeof value === 'string' || typeof value === 'number' ? String(value) : ''}
      disabled={disabled || readonly}
      aria-invalid={invalid(props)}
      onChange={(event) => {
        const chosen = choices.find((c) => String(c.value) === event.target.value);
        onChange(chosen?.value);
      }}
      onBlur={() => onBlur(id, value)}
      onFocus={() => onFocus(id, value)}
    >
      <option value="">{words.choose}</option>
      {choices.map((choice) => (
        <option key={String(choice.value)} value={String(choice.value)}>
          {choice.label}
        </option>
      ))}
    </Select>
  );
}

/**
 * Several of a list of values (an array of unique choices) as checkboxes in a fieldset, kept in the
 * list's order; the first box carries the field's id.
 */
function ChecklistWidget(props: WidgetProps) {
  const { id, onChange, label, rawErrors, required, disabled, readonly, uiSchema, options } = props;
  const { words } = contextOf(props);
  const chosen = Array.isArray(props.value) ? (props.value as unknown[]) : [];
  const choices = options.enumOptions ?? [];
  const description = getUiOptions(uiSchema).description;
  const fieldId = id.replace(/_multi$/, '');
  return (
    <Fieldset className="scheme-form-choice" id={`${fieldId}-group`}>
      <Fieldset.Legend>
        {label}
        {!required && ` ${words.optional}`}
      </Fieldset.Legend>
      {description && <Fieldset.Description>{description}</Fieldset.Description>}
      {choices.map((choice, i) => (
        <Checkbox
          key={String(choice.value)}
          id={i === 0 ? fieldId : `${fieldId}-${i}`}
          label={choice.label}
          value={String(choice.value)}
          checked={chosen.includes(choice.value)}
          disabled={disabled || readonly}
          aria-invalid={rawErrors?.length ? true : undefined}
          onChange={(event) => {
            const next = new Set(chosen);
            if (event.target.checked) next.add(choice.value);
            else next.delete(choice.value);
            onChange(choices.map((c) => c.value as unknown).filter((v) => next.has(v)));
          }}
        />
      ))}
      <FieldsetErrors errors={rawErrors} />
    </Fieldset>
  );
}

/** A short choice as radio buttons in a fieldset; the first button carries the field's id. */
function ChoiceGroup(props: WidgetProps & { choices: readonly { value: unknown; label: string }[] }) {
  const { id, onChange, label, rawErrors, required, choices, disabled, readonly, uiSchema } = props;
  const value: unknown = props.value;
  const { words } = contextOf(props);
  const description = getUiOptions(uiSchema).description;
  return (
    <Fieldset className="scheme-form-choice">
      <Fieldset.Legend>
        {label}
        {!required && ` ${words.optional}`}
      </Fieldset.Legend>
      {description && <Fieldset.Description>{description}</Fieldset.Description>}
      {choices.map((choice, i) => (
        <Radio
          key={String(choice.value)}
          id={i === 0 ? id : `${id}-${i}`}
          name={id}
          label={choice.label}
          value={String(choice.value)}
          checked={value === choice.value}
          disabled={disabled || readonly}
          aria-invalid={rawErrors?.length ? true : undefined}
          onChange={() => onChange(choice.value)}
        />
      ))}
      <FieldsetErrors errors={rawErrors} />
    </Fieldset>
  );
}

function RadioWidget(props: WidgetProps) {
  const choices = (props.options.enumOptions ?? []).map((c) => ({
    value: c.value as unknown,
    label: c.label,
  }));
  return <ChoiceGroup {...props} choices={choices} />;
}

/** Yes or no, both answers explicit (a lone checkbox cannot say "no" on purpose). */
function YesNoWidget(props: WidgetProps) {
  const { words } = contextOf(props);
  return (
    <ChoiceGroup
      {...props}
      choices={[
        { value: true, label: words.yes },
        { value: false, label: words.no },
      ]}
    />
  );
}

const nothing = () => null;

const theme: ThemeProps = {
  widgets: {
    TextWidget,
    TextareaWidget,
    SelectWidget,
    RadioWidget,
    CheckboxWidget: YesNoWidget,
    kroner: KronerWidget,
    percent: PercentWidget,
    dateText: DateTextWidget,
  },
  templates: {
    FieldTemplate,
    ObjectFieldTemplate,
    ArrayFieldTemplate,
    ArrayFieldItemTemplate,
    FieldErrorTemplate: nothing,
    FieldHelpTemplate: nothing,
    ErrorListTemplate: nothing,
    TitleFieldTemplate: nothing,
    DescriptionFieldTemplate: nothing,
    ButtonTemplates: { SubmitButton: nothing },
  },
};

/** RJSF's Form with the Designsystemet theme. */
export const ThemedForm = withTheme(theme);
