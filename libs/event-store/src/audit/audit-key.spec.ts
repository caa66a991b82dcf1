import { createHmac, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTempDir } from '../testing/temp-dir';
import { AuditKey, AuditKeyError, parseAuditKeyText } from './audit-key';
import { auditKeySourceFromEnv, defaultAuditPaths, obtainAuditKey } from './audit-key-source';

describe('the audit key', () => {
  it('is standard HMAC-SHA256, for short and long keys alike', () => {
    for (const secret of [randomBytes(32), randomBytes(100)]) {
      const text = '["suggestion-1","0","SuggestionRated",{"attitude":"满意"},{},"00"]';
      expect(new AuditKey(secret).mac(text)).toBe(createHmac('sha256', secret).update(text, 'utf8').digest('hex'));
    }
  });

  it('is read as hex or base64 of at least 32 bytes, and a shorter one is refused naming the setting', () => {
    const bytes = randomBytes(32);
    expect(parseAuditKeyText(bytes.toString('hex'), 'AUDIT_KEY').id).toBe(new AuditKey(bytes).id);
    expect(parseAuditKeyText(`${bytes.toString('base64')}\n`, 'AUDIT_KEY').id).toBe(new AuditKey(bytes).id);
    expect(() => parseAuditKeyText(randomBytes(16).toString('hex'), 'AUDIT_KEY')).toThrow(/AUDIT_KEY：审计密钥至少需要 32 字节/);
    expect(() => parseAuditKeyText('不是密钥', 'AUDIT_KEY')).toThrow(AuditKeyError);
  });

  it('is required in production and never taken from inside the store folder by default', () => {
    const defaults = defaultAuditPaths({ kind: 'sqlite', path: 'data/duban.sqlite' }, '/srv/duban');
    expect(defaults).toEqual({ keyFile: '/srv/duban/data-audit/audit.key', sealDir: '/srv/duban/data-audit/seals' });
    expect(() => auditKeySourceFromEnv({}, '/srv/duban', defaults, true)).toThrow(/AUDIT_KEY：生产环境必须设置审计密钥/);
    expect(auditKeySourceFromEnv({}, '/srv/duban', defaults, false)).toEqual({ kind: 'dev-file', path: defaults.keyFile });
    expect(() => auditKeySourceFromEnv({ AUDIT_KEY: 'ab'.repeat(32), AUDIT_KEY_FILE: 'k' }, '/srv', defaults, true)).toThrow(/只能设置其中一个/);
  });

  it('in development is generated once into a private file beside the data folder, and read back after', () => {
    const temp = makeTempDir('audit-key');
    try {
      const { keyFile } = defaultAuditPaths({ kind: 'sqlite', path: path.join(temp.dir, 'data', 'duban.sqlite') }, temp.dir);
      expect(() => obtainAuditKey({ kind: 'dev-file', path: keyFile }, { create: false })).toThrow(/找不到审计密钥/);
      const first = obtainAuditKey({ kind: 'dev-file', path: keyFile });
      expect(first.generated).toBe(keyFile);
      expect(path.relative(path.join(temp.dir, 'data'), keyFile).startsWith('..')).toBe(true);
      expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
      const fromFile = auditKeySourceFromEnv({ AUDIT_KEY_FILE: keyFile }, temp.dir, { keyFile: 'unused', sealDir: 'unused' }, true);
      expect(fromFile.kind === 'file' && fromFile.key.id).toBe(first.key.id);
    } finally {
      temp.remove();
    }
  });
});
