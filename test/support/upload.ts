import type { ApiResponse, HttpClient } from './http-client';

/** A small file of each accepted kind, made of the bytes that identify it. */
export const SAMPLE_FILES = {
  pdf: (text = '答复函') => Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`),
  png: () => Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6300010000050001' + '0d0a2db40000000049454e44ae426082', 'hex'),
  jpeg: () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\u0000'), Buffer.alloc(32, 1), Buffer.from([0xff, 0xd9])]),
};

/** POST a multipart upload (field `file`) the way a browser sends one. */
export async function upload(
  http: HttpClient,
  path: string,
  file: { name: string; bytes: Buffer; type?: string },
  token?: string,
): Promise<ApiResponse> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }), file.name);
  const response = await fetch(`${http.baseUrl}${path}`, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await response.text();
  const body = (response.headers.get('content-type') ?? '').includes('json') && text !== '' ? JSON.parse(text) : text;
  return { status: response.status, body, headers: response.headers };
}

/** GET the raw bytes of a response (a download). */
export async function download(http: HttpClient, path: string, token?: string): Promise<{ status: number; bytes: Buffer; headers: Headers; json?: any }> {
  const response = await fetch(`${http.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const bytes = Buffer.from(await response.arrayBuffer());
  const json = (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(bytes.toString('utf8')) : undefined;
  return { status: response.status, bytes, headers: response.headers, json };
}
