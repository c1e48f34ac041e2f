import './form-view.css';
import { ApiError } from '../api/client.js';
import type { TypedValue } from '../api/task-types.js';
import { h } from '../app/dom.js';
import { t } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/ru.js';
import {
  checkForm,
  initialValue,
  inputOf,
  serverViolations,
  type FieldError,
  type FormField,
  type RawValue,
} from './form-fields.js';
import { label, option } from '../app/labels.js';

const ERROR_KEY: Record<FieldError, MessageKey> = {
  required: 'form.required',
  wholeNumber: 'form.wholeNumber',
  date: 'form.date',
};

type Control = HTMLInputElement | HTMLSelectElement;

/** What a form is for: its heading, its submit button, and inputs of its own (a business key). */
export interface FormOptions {
  title: MessageKey;
  submit: MessageKey;
  /** `data-action` of the submit button, `data-form` of the form. */
  action: string;
  name: string;
  /** Appended after the fields; they are not form fields and are read by the caller. */
  extra?: HTMLElement[];
}

/**
 * A form rendered from camunda:formData fields and current values: a task's form in the tasklist,
 * a start form in the cockpit. Submitting checks what the client can tell (required, whole
 * numbers, dates) and shows each problem under its field; so do the details of the server's 400,
 * one per field it refused.
 */
export class FormView {
  readonly element: HTMLFormElement;
  private readonly controls = new Map<string, Control>();
  private readonly errors = new Map<string, HTMLElement>();
  private readonly fieldset = h('fieldset', { class: 'task-form-fields' });
  private readonly status = h('p', { class: 'task-form-status', role: 'status' });
  private readonly submit: HTMLButtonElement;
  private readonly hint = h('p', { class: 'task-form-hint', hidden: true });
  private dirty = false;

  constructor(
    private readonly fields: readonly FormField[],
    values: Record<string, TypedValue>,
    private readonly onSubmit: (variables: Record<string, TypedValue>) => Promise<void>,
    options: FormOptions,
  ) {
    this.submit = label('button', options.submit, {
      type: 'submit',
      class: 'primary',
      'data-action': options.action,
    });
    for (const field of fields) this.fieldset.append(this.fieldElement(field, values[field.id]));
    if (fields.length === 0) this.fieldset.append(label('p', 'form.noFields'));
    this.fieldset.append(...(options.extra ?? []), this.submit);
    this.element = h(
      'form',
      {
        class: 'task-form',
        'data-form': options.name,
        novalidate: true,
        onsubmit: (event) => {
          event.preventDefault();
          void this.send();
        },
        oninput: () => (this.dirty = true),
      },
      label('h3', options.title),
      this.hint,
      this.fieldset,
      this.status,
    );
  }

  /** Only the assignee fills in the form; the values typed so far stay while it is disabled. */
  setEnabled(enabled: boolean, hint?: MessageKey): void {
    this.fieldset.disabled = !enabled;
    this.hint.hidden = !hint;
    if (hint) {
      this.hint.dataset.i18n = hint;
      this.hint.textContent = t(hint);
    }
  }

  isDirty(): boolean {
    return this.dirty;
  }

  private async send(): Promise<void> {
    this.clearErrors();
    const raws: Record<string, RawValue> = {};
    for (const [id, control] of this.controls) {
      raws[id] =
        control instanceof HTMLInputElement && control.type === 'checkbox'
          ? control.checked
          : control.value;
    }
    const { variables, errors } = checkForm(this.fields, raws);
    const failing = Object.entries(errors);
    if (failing.length > 0) {
      for (const [id, error] of failing) this.showError(id, 'client', ERROR_KEY[error]);
      this.setStatus('error', 'form.fix');
      this.controls.get(failing[0][0])?.focus();
      return;
    }
    this.submit.disabled = true;
    try {
      await this.onSubmit(variables);
      this.dirty = false;
    } catch (error) {
      this.showServerError(error);
    } finally {
      this.submit.disabled = false;
    }
  }

  private showServerError(error: unknown): void {
    if (!(error instanceof ApiError) || error.status !== 400) {
      this.status.removeAttribute('data-i18n');
      this.status.textContent =
        error instanceof TypeError
          ? t('error.network')
          : `${t('error.unknown')}: ${error instanceof Error ? error.message : String(error)}`;
      this.status.dataset.kind = 'error';
      return;
    }
    const { byField, other } = serverViolations(error.message, error.details, [
      ...this.controls.keys(),
    ]);
    for (const [id, messages] of Object.entries(byField)) {
      this.showError(id, 'server', undefined, messages.join('; '));
    }
    this.setStatus('error', 'form.refused');
    if (other.length > 0) this.status.textContent += `: ${other.join('; ')}`;
    this.controls.get(Object.keys(byField)[0] ?? '')?.focus();
  }

  private showError(id: string, source: 'client' | 'server', key?: MessageKey, text = ''): void {
    const element = this.errors.get(id);
    if (!element) return;
    element.dataset.source = source;
    if (key) {
      element.dataset.i18n = key;
      element.textContent = t(key);
    } else {
      element.removeAttribute('data-i18n');
      element.textContent = text;
    }
    element.closest('.form-field')?.setAttribute('data-invalid', source);
    this.controls.get(id)?.setAttribute('aria-invalid', 'true');
  }

  private clearErrors(): void {
    for (const [id, element] of this.errors) {
      element.textContent = '';
      element.removeAttribute('data-i18n');
      element.removeAttribute('data-source');
      element.closest('.form-field')?.removeAttribute('data-invalid');
      this.controls.get(id)?.removeAttribute('aria-invalid');
    }
    this.status.textContent = '';
    this.status.removeAttribute('data-i18n');
    this.status.dataset.kind = '';
  }

  private setStatus(kind: string, key: MessageKey): void {
    this.status.dataset.kind = kind;
    this.status.dataset.i18n = key;
    this.status.textContent = t(key);
  }

  private fieldElement(field: FormField, current: TypedValue | undefined): HTMLElement {
    const input = inputOf(field);
    const inputId = `task-field-${field.id}`;
    const control = this.control(field, input, initialValue(field, current));
    control.id = inputId;
    control.name = field.id;
    control.dataset.fieldInput = field.id;
    if (input.required) control.setAttribute('aria-required', 'true');
    this.controls.set(field.id, control);
    const error = h('p', {
      class: 'field-error',
      'data-field-error': field.id,
      'aria-live': 'polite',
    });
    this.errors.set(field.id, error);
    const title = h(
      'label',
      { for: inputId, class: 'form-field-label' },
      field.label ?? field.id,
      input.required
        ? h('span', { class: 'required-mark', 'data-i18n-title': 'form.required' }, '*')
        : null,
    );
    const mark = title.querySelector<HTMLElement>('.required-mark');
    if (mark) mark.title = t('form.required');
    return h(
      'div',
      {
        class: 'form-field',
        'data-field': field.id,
        'data-type': field.type,
        'data-required': String(input.required),
        'data-readonly': String(input.readonly),
      },
      title,
      control,
      error,
    );
  }

  private control(field: FormField, input: ReturnType<typeof inputOf>, value: RawValue): Control {
    if (input.kind === 'select') {
      const select = h(
        'select',
        {},
        option('', 'form.choose'),
        ...input.options.map((choice) => h('option', { value: choice.id }, choice.label)),
      );
      select.value = typeof value === 'string' ? value : '';
      select.disabled = input.readonly;
      return select;
    }
    const type = {
      text: 'text',
      number: 'number',
      checkbox: 'checkbox',
      date: 'date',
      datetime: 'datetime-local',
    }[input.kind];
    const element = h('input', { type, step: input.kind === 'number' ? '1' : undefined });
    if (typeof value === 'boolean') element.checked = value;
    else element.value = value;
    if (input.readonly) {
      element.readOnly = true;
      if (input.kind === 'checkbox') element.disabled = true;
    }
    if (field.type === 'string') element.autocomplete = 'off';
    return element;
  }
}
