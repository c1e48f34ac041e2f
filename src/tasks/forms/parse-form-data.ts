import { ConveyorError, ErrorCode } from '../../common/errors/conveyor-error.js';
import { preview } from '../../common/variables/convert-variable-value.js';
import { FORBIDDEN_KEYS } from '../../common/variables/json-safety.js';
import {
  FORM_CONSTRAINT_NAMES,
  FORM_FIELD_TYPES,
  type FormConstraintName,
  type FormField,
  type FormFieldType,
} from './form-field.js';

/** The moddle object camunda-bpmn-moddle builds for one `camunda:formField`. */
interface ModdleFormField {
  $type?: unknown;
  id?: unknown;
  label?: unknown;
  type?: unknown;
  datePattern?: unknown;
  defaultValue?: unknown;
  values?: { id?: unknown; name?: unknown }[];
  validation?: { constraints?: { name?: unknown; config?: unknown }[] };
  properties?: { values?: { id?: unknown; value?: unknown }[] };
}

const NUMERIC_CONSTRAINTS: ReadonlySet<string> = new Set(['minlength', 'maxlength', 'min', 'max']);

/**
 * Reads the form of a user task or start event from its `extensionElements.values` as parsed by
 * bpmn-moddle with camunda-bpmn-moddle. No `camunda:formData` → no fields. Throws a
 * ConveyorError(InvalidRequest) for what Conveyor cannot honour (unknown types, custom
 * validators, bad constraint configs) so a deployment fails early instead of a task later.
 */
export function parseFormData(extensionElementValues: unknown[]): FormField[] {
  const formData = extensionElementValues.find(
    (element) => (element as { $type?: unknown } | null)?.$type === 'camunda:FormData',
  ) as { fields?: ModdleFormField[] } | undefined;
  const fields = (formData?.fields ?? []).filter((field) => field.$type === 'camunda:FormField');
  const seen = new Set<string>();
  return fields.map((raw) => {
    const field = toFormField(raw);
    if (seen.has(field.id)) throw invalid(`Form field id '${field.id}' is used twice`);
    seen.add(field.id);
    return field;
  });
}

function toFormField(raw: ModdleFormField): FormField {
  const id = text(raw.id);
  if (!id) throw invalid('A form field has no id');
  if (FORBIDDEN_KEYS.has(id)) throw invalid(`Form field id '${id}' is not allowed`);
  const type = raw.type === undefined ? 'string' : raw.type;
  if (!FORM_FIELD_TYPES.includes(type as FormFieldType)) {
    throw invalid(
      `Form field '${id}' has the unsupported type '${preview(type)}'; supported: ${FORM_FIELD_TYPES.join(', ')}`,
    );
  }
  const field: FormField = { id, type: type as FormFieldType, validation: constraintsOf(id, raw) };
  const label = text(raw.label);
  if (label !== undefined) field.label = label;
  const defaultValue = text(raw.defaultValue);
  if (defaultValue !== undefined) field.defaultValue = defaultValue;
  const datePattern = text(raw.datePattern);
  if (datePattern !== undefined) field.datePattern = datePattern;
  if (field.type === 'enum') field.values = enumValuesOf(id, raw);
  const properties = propertiesOf(id, raw);
  if (properties) field.properties = properties;
  return field;
}

function constraintsOf(id: string, raw: ModdleFormField): FormField['validation'] {
  return (raw.validation?.constraints ?? []).map((constraint) => {
    const name = text(constraint.name) ?? '';
    if (!FORM_CONSTRAINT_NAMES.includes(name as FormConstraintName)) {
      throw invalid(
        `Form field '${id}' uses the unsupported constraint '${name}'; supported: ${FORM_CONSTRAINT_NAMES.join(', ')}`,
      );
    }
    const config = text(constraint.config);
    if (NUMERIC_CONSTRAINTS.has(name) && !Number.isFinite(Number(config?.trim() || NaN))) {
      throw invalid(`Form field '${id}' needs a number as ${name} config, got '${config ?? ''}'`);
    }
    return config === undefined ? { name } : { name, config };
  });
}

function enumValuesOf(id: string, raw: ModdleFormField): NonNullable<FormField['values']> {
  return (raw.values ?? []).map((value) => {
    const valueId = text(value.id);
    if (!valueId) throw invalid(`An enum value of form field '${id}' has no id`);
    const name = text(value.name);
    return name === undefined ? { id: valueId } : { id: valueId, name };
  });
}

function propertiesOf(id: string, raw: ModdleFormField): Record<string, string> | undefined {
  const values = raw.properties?.values;
  if (!values) return undefined;
  const properties: Record<string, string> = {};
  for (const property of values) {
    const key = text(property.id);
    if (!key) throw invalid(`A property of form field '${id}' has no id`);
    if (FORBIDDEN_KEYS.has(key))
      throw invalid(`Form field '${id}' has the forbidden property '${key}'`);
    properties[key] = text(property.value) ?? '';
  }
  return properties;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function invalid(message: string): ConveyorError {
  return new ConveyorError(ErrorCode.InvalidRequest, message);
}
