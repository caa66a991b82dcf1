import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { ApiResponse, HttpClient, RequestOptions } from '../support/http-client';

/** The response headers the retry and concurrency design rests on: sent means declared. */
const DESIGN_HEADERS = ['etag', 'idempotent-replayed', 'retry-after', 'x-correlation-id'];

interface Operation {
  requestBody?: { content: Record<string, { schema: object }> };
  responses: Record<string, { content?: Record<string, { schema?: object }>; headers?: Record<string, unknown> }>;
}

interface Route {
  template: string;
  pattern: RegExp;
  methods: Record<string, Operation>;
}

/**
 * The component schemas with every described object closed: a field the server sends that the
 * document does not name is a problem too (a generated client could not read it).
 */
function closed(schemas: object): object {
  const copy = structuredClone(schemas) as Record<string, { properties?: object; additionalProperties?: unknown }>;
  for (const schema of Object.values(copy)) {
    if (schema.properties !== undefined && schema.additionalProperties === undefined) schema.additionalProperties = false;
  }
  return copy;
}

/**
 * An HttpClient that checks every real answer against the served OpenAPI document, as a third
 * party's generated client would rely on it: the route and status are declared, the content type
 * is one the document lists, the JSON body validates against its schema (ajv) and names no field
 * the document does not, and every design
 * header the server sent is declared. Problems are collected, so one run lists them all.
 */
export class ContractCheckedClient extends HttpClient {
  readonly problems: string[] = [];
  readonly checked = new Set<string>();
  private readonly routes: Route[];
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(baseUrl: string, document: { paths: Record<string, Record<string, Operation>>; components: { schemas: object } }) {
    super(baseUrl);
    this.ajv = new Ajv({ strict: false, allErrors: true, formats: { binary: true } });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: 'openapi', components: { schemas: closed(document.components.schemas) } });
    // Literal paths before templated ones: /api/suggestions.xlsx is not /api/suggestions/{id}.
    this.routes = Object.entries(document.paths)
      .map(([template, methods]) => ({
        template,
        methods,
        pattern: new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`),
      }))
      .sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0));
  }

  override async request<T>(method: string, path: string, body: unknown, options: RequestOptions): Promise<ApiResponse<T>> {
    const response = await super.request<T>(method, path, body, options);
    this.check(method.toLowerCase(), path, response);
    return response;
  }

  /** Checks a response obtained some other way (a multipart upload, a download) against the document. */
  check(method: string, url: string, response: ApiResponse): void {
    const path = url.split('?')[0]!;
    const route = this.routes.find((r) => r.pattern.test(path) && r.methods[method] !== undefined);
    const where = `${method.toUpperCase()} ${route?.template ?? path} → ${response.status}`;
    if (route === undefined) return void this.problems.push(`${where}: route not in the document`);
    this.checked.add(`${method.toUpperCase()} ${route.template} ${response.status}`);
    const declared = route.methods[method]!.responses[String(response.status)];
    if (declared === undefined) return void this.problems.push(`${where}: status not declared`);
    for (const header of DESIGN_HEADERS) {
      const value = response.headers.get(header);
      // Express's own weak ETag (W/"…") is HTTP caching, not the revision to send back as If-Match.
      const sent = value !== null && !(header === 'etag' && value.startsWith('W/'));
      const listed = Object.keys(declared.headers ?? {}).some((name) => name.toLowerCase() === header);
      if (sent && !listed) this.problems.push(`${where}: header ${header} sent but not declared`);
    }
    const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
    if (mediaType === '') return;
    const content = declared.content?.[mediaType];
    if (content === undefined) return void this.problems.push(`${where}: content type ${mediaType} not declared`);
    if (mediaType !== 'application/json') return;
    if (content.schema === undefined) return void this.problems.push(`${where}: JSON body without a schema`);
    const validate = this.validatorFor(content.schema);
    if (!validate(response.body)) {
      this.problems.push(`${where}: body does not match: ${this.ajv.errorsText(validate.errors)} — ${JSON.stringify(response.body).slice(0, 300)}`);
    }
  }

  /** Whether the document's JSON request schema of this operation allows the body (ajv's errors otherwise). */
  documentAllows(method: string, template: string, body: unknown): true | string {
    const schema = this.routes.find((r) => r.template === template)?.methods[method.toLowerCase()]?.requestBody?.content['application/json']?.schema;
    if (schema === undefined) throw new Error(`${method} ${template} declares no JSON request body`);
    const validate = this.validatorFor(schema);
    return validate(body) ? true : this.ajv.errorsText(validate.errors);
  }

  private validatorFor(schema: object): ValidateFunction {
    const key = JSON.stringify(schema);
    let validate = this.validators.get(key);
    if (validate === undefined) {
      validate = this.ajv.compile(JSON.parse(key.replaceAll('"#/components/', '"openapi#/components/')));
      this.validators.set(key, validate);
    }
    return validate;
  }
}
