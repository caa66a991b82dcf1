import { NETWORK_ERROR_STATUS } from './api-error';
import { toApiError } from './error-messages';
import { rememberPosition } from './read-your-writes';
import { currentToken } from './session';

export interface UploadedAttachment {
  id: string;
  sha256: string;
  name: string;
  size: number;
  contentType: string;
  revision: number;
  position: string;
}

/** What the api accepts, as the file picker's filter (the api still decides by the bytes). */
export const ACCEPTED_FILES = '.pdf,.jpg,.jpeg,.png,.docx,application/pdf,image/jpeg,image/png';

/**
 * Uploads one file to a suggestion with progress (fetch cannot report upload progress; a scanned
 * letter of several MB on a phone link takes long enough to need it).
 */
export function uploadAttachment(suggestionId: string, file: File, onProgress?: (percent: number) => void): Promise<UploadedAttachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/suggestions/${encodeURIComponent(suggestionId)}/attachments`);
    const token = currentToken();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(toApiError(NETWORK_ERROR_STATUS, null));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        const uploaded = body as UploadedAttachment;
        rememberPosition(uploaded.position);
        resolve(uploaded);
      } else {
        reject(toApiError(xhr.status, body));
      }
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** The path a file is read from: signed in, or (letters of published answers) without. */
export function attachmentPath(attachmentId: string, publicCopy = false, via?: string): string {
  const path = `${publicCopy ? '/api/public/attachments' : '/api/attachments'}/${encodeURIComponent(attachmentId)}`;
  return via ? `${path}?via=${encodeURIComponent(via)}` : path;
}

/**
 * The file as a blob URL: an <img> or <iframe> cannot send the bearer token, so the page fetches
 * the bytes itself and shows them from memory. The caller revokes the URL when done.
 */
export async function attachmentObjectUrl(attachmentId: string, publicCopy = false, via?: string): Promise<string> {
  const token = publicCopy ? null : currentToken();
  let response: Response;
  try {
    response = await fetch(attachmentPath(attachmentId, publicCopy, via), { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    throw toApiError(NETWORK_ERROR_STATUS, null);
  }
  if (!response.ok) {
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    throw toApiError(response.status, body);
  }
  return URL.createObjectURL(await response.blob());
}

/** Saves the file under its own (Chinese) name. */
export async function saveAttachment(attachmentId: string, name: string, publicCopy = false, via?: string): Promise<void> {
  const url = await attachmentObjectUrl(attachmentId, publicCopy, via);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
