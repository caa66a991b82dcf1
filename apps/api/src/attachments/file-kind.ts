/**
 * What a file is, from its bytes: the declared type and the name's extension are the sender's
 * claims, the bytes are the file. Only the kinds an office exchanges as letters and evidence pass.
 */
export interface FileKind {
  contentType: string;
  /** Extensions (lower case, without the dot) a file of this kind may carry. */
  extensions: readonly string[];
  label: string;
}

export const FILE_KINDS = {
  pdf: { contentType: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  jpeg: { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG 图片' },
  png: { contentType: 'image/png', extensions: ['png'], label: 'PNG 图片' },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: 'Word 文档（DOCX）',
  },
} as const satisfies Record<string, FileKind>;

export type FileKindId = keyof typeof FILE_KINDS;

const PDF = Buffer.from('%PDF-');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const ZIP_LOCAL = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The kind the bytes are, or null for anything else (an executable named .pdf included). */
export function sniffFileKind(bytes: Buffer): FileKindId | null {
  if (bytes.subarray(0, PDF.length).equals(PDF)) return 'pdf';
  if (bytes.subarray(0, PNG.length).equals(PNG)) return 'png';
  if (bytes.subarray(0, JPEG.length).equals(JPEG)) return 'jpeg';
  if (bytes.subarray(0, ZIP_LOCAL.length).equals(ZIP_LOCAL) && isWordDocument(bytes)) return 'docx';
  return null;
}

/**
 * A DOCX is a zip whose central directory names `[Content_Types].xml` and parts under `word/`;
 * any other zip (an xlsx, a zipped program) is not one. Reads the directory only, never inflates.
 */
function isWordDocument(bytes: Buffer): boolean {
  const names = zipEntryNames(bytes);
  return names !== null && names.includes('[Content_Types].xml') && names.some((n) => n.startsWith('word/'));
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const EOCD_SEARCH = 22 + 0xffff;
const MAX_ENTRIES = 10_000;

function zipEntryNames(bytes: Buffer): string[] | null {
  const start = Math.max(0, bytes.length - EOCD_SEARCH);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= start; i--) {
    if (bytes.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < Math.min(entries, MAX_ENTRIES); n++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== CENTRAL_SIGNATURE) return null;
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    if (offset + 46 + nameLength > bytes.length) return null;
    names.push(bytes.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

export const ACCEPTED_KINDS_TEXT = '只接受 PDF、JPEG、PNG 图片和 Word 文档（DOCX）';

/** Why a file is refused (Chinese, for the user), or null when its bytes and its name agree. */
export function refusalOf(bytes: Buffer, name: string): { kind: FileKindId; reason: null } | { kind: null; reason: string } {
  const kind = sniffFileKind(bytes);
  if (kind === null) return { kind: null, reason: `文件内容不是可接受的类型：${ACCEPTED_KINDS_TEXT}` };
  const extension = extensionOf(name);
  if (!(FILE_KINDS[kind].extensions as readonly string[]).includes(extension)) {
    return {
      kind: null,
      reason: `文件扩展名与内容不符：内容是${FILE_KINDS[kind].label}，文件名却是「.${extension || '（无扩展名）'}」`,
    };
  }
  return { kind, reason: null };
}
