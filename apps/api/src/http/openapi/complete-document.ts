import type { OpenAPIObject, OperationObject, ParameterObject, PathItemObject, ReferenceObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import { ERROR_DESCRIPTIONS, errorBodySchema, type ErrorStatus } from './api-errors.decorator';
import { CORRELATION_ID_HEADER, RETRY_AFTER_HEADER } from './headers';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * What holds for every route by construction of the HTTP layer (not by each controller), added to
 * the document Nest builds from the decorators:
 * - the global guard asks a bearer token of every route not marked public (those declare no
 *   ApiBearerAuth, so they get `security: []`);
 * - every answer carries X-Correlation-Id, every request may send one;
 * - any parameter or body can be refused (400), a body can be too large (413) or not JSON (415),
 *   `?after=` can find the read model behind (503), and a missing token is a 401;
 * - request bodies refuse unknown fields (the validation pipe's whitelist), so their schemas say
 *   `additionalProperties: false`.
 */
export function completeDocument(document: OpenAPIObject, serverUrl: string): OpenAPIObject {
  document.servers = [{ url: serverUrl, description: '本服务（API 路径均以 /api 开头）' }];
  document.info.license = { name: 'UNLICENSED（内部系统，未开源）', url: 'https://spdx.org/licenses/' };
  document.security = [{ bearer: [] }];
  const bodySchemas = new Set<string>();
  for (const pathItem of Object.values(document.paths) as PathItemObject[]) {
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (operation === undefined) continue;
      completeOperation(operation);
      const ref = jsonBodyRef(operation);
      if (ref !== undefined) bodySchemas.add(ref);
    }
  }
  closeRequestSchemas(document, bodySchemas);
  return document;
}

function completeOperation(operation: OperationObject): void {
  const isPublic = operation.security === undefined;
  if (isPublic) operation.security = [];
  const parameters = (operation.parameters ?? []) as ParameterObject[];
  if (!parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === 'x-correlation-id')) {
    parameters.push({ name: 'X-Correlation-Id', in: 'header', required: false, description: '关联编号（1–128 个字母、数字或 . _ : -），写入本请求引起的事件，并在响应中返回', schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,128}$' } });
  }
  operation.parameters = parameters;
  const implied: ErrorStatus[] = [];
  if (parameters.some((p) => p.in !== 'header') || operation.requestBody !== undefined) implied.push(400);
  if (!isPublic) implied.push(401);
  if (operation.requestBody !== undefined) implied.push(413, 415);
  if (parameters.some((p) => p.in === 'query' && p.name === 'after')) implied.push(503);
  for (const status of implied) {
    if (operation.responses[status] !== undefined) continue;
    operation.responses[status] = {
      description: ERROR_DESCRIPTIONS[status],
      content: { 'application/json': { schema: errorBodySchema(status) } },
      ...(status === 503 ? { headers: { 'Retry-After': RETRY_AFTER_HEADER } } : {}),
    };
  }
  for (const response of Object.values(operation.responses) as (ResponseObject | ReferenceObject)[]) {
    if ('$ref' in response) continue;
    response.headers = { 'X-Correlation-Id': CORRELATION_ID_HEADER, ...(response.headers ?? {}) };
  }
}

function jsonBodyRef(operation: OperationObject): string | undefined {
  const body = operation.requestBody;
  if (body === undefined || '$ref' in body) return undefined;
  const schema = body.content['application/json']?.schema;
  return schema !== undefined && '$ref' in schema ? schema.$ref : undefined;
}

/** Request DTOs and the DTOs nested in them: no field beyond the declared ones is accepted. */
function closeRequestSchemas(document: OpenAPIObject, refs: Set<string>): void {
  const schemas = document.components?.schemas ?? {};
  const pending = [...refs];
  const done = new Set<string>();
  while (pending.length > 0) {
    const ref = pending.pop()!;
    if (done.has(ref)) continue;
    done.add(ref);
    const schema = schemas[ref.replace('#/components/schemas/', '')] as SchemaObject | undefined;
    if (schema === undefined) continue;
    schema.additionalProperties = false;
    for (const property of Object.values(schema.properties ?? {})) pending.push(...nestedRefs(property));
  }
}

function nestedRefs(schema: SchemaObject | ReferenceObject): string[] {
  if ('$ref' in schema) return [schema.$ref];
  if (schema.items !== undefined) return nestedRefs(schema.items);
  return [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])].flatMap(nestedRefs);
}
