import { DUMMY_HASH, hashPassword, verifyPassword } from './password-hasher';

describe('password hashing', () => {
  it('stores scrypt$N$r$p$salt$hash and never the password', async () => {
    const hash = await hashPassword('demo1234');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(hash).not.toContain('demo1234');
  });

  it('accepts the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('正确的密码');
    await expect(verifyPassword('正确的密码', hash)).resolves.toBe(true);
    await expect(verifyPassword('正确的密码 ', hash)).resolves.toBe(false);
  });

  it('salts each hash, so equal passwords give different hashes', async () => {
    expect(await hashPassword('same')).not.toEqual(await hashPassword('same'));
  });

  it('treats malformed stored hashes and the dummy hash as no match', async () => {
    await expect(verifyPassword('x', 'plain-text')).resolves.toBe(false);
    await expect(verifyPassword('x', 'scrypt$a$b$c$d$e')).resolves.toBe(false);
    await expect(verifyPassword('', DUMMY_HASH)).resolves.toBe(false);
  });
});
