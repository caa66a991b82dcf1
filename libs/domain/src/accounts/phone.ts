/**
 * A deputy's phone number as units must be able to dial it before answering: a mainland mobile
 * (11 digits, 13x–19x) or a landline with its area code (010-12345678, 0571-87654321, an extension
 * after a second dash). No spaces, no country code: the number is shown as stored.
 */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?[2-9]\d{6,7}(-\d{1,6})?)$/;

export const PHONE_FORMAT_MESSAGE = '电话号码格式无效：请填写 11 位手机号，或带区号的固定电话（如 010-12345678）';

export function isPhoneNumber(value: string): boolean {
  return PHONE_PATTERN.test(value);
}
