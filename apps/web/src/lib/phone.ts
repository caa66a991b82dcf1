import type { Rule } from 'antd/es/form';

/** The api's phone rule (the domain's PHONE_PATTERN): a mobile, or a landline with its area code. */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?[2-9]\d{6,7}(-\d{1,6})?)$/;

/** Checked before sending, with the api's own words; empty means "no number". */
export const PHONE_RULES: Rule[] = [{ pattern: PHONE_PATTERN, message: '电话号码格式无效：请填写 11 位手机号，或带区号的固定电话（如 010-12345678）' }];

export const PHONE_EXTRA = '11 位手机号，或带区号的固定电话（如 010-12345678）；承办单位答复前据此联系代表，不对外公开';
