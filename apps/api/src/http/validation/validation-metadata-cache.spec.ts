import 'reflect-metadata';
import { IsInt, IsString, MaxLength, MetadataStorage, validate, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { cacheValidationMetadata } from './validation-metadata-cache';

class Inner {
  @IsInt()
  n!: number;
}

class Base {
  @IsString()
  name!: unknown;
}

class Child extends Base {
  @MaxLength(3)
  code!: string;

  @ValidateNested()
  @Type(() => Inner)
  inner!: Inner;
}

function errorsOf(value: object): Promise<string[]> {
  return validate(value, { whitelist: true, forbidNonWhitelisted: true }).then((errors) =>
    errors.flatMap((e) => [...Object.keys(e.constraints ?? {}).map((c) => `${e.property}:${c}`), ...(e.children ?? []).flatMap((c) => Object.keys(c.constraints ?? {}).map((k) => `${e.property}.${c.property}:${k}`))]).sort(),
  );
}

function child(fields: Partial<Record<keyof Child | 'extra', unknown>>): Child {
  const inner = Object.assign(new Inner(), fields.inner);
  return Object.assign(new Child(), { ...fields, inner });
}

describe('cacheValidationMetadata', () => {
  it('validates exactly as class-validator does, again and again, inherited and nested rules included', async () => {
    const bad = child({ name: 1, code: 'toolong', inner: { n: 'x' }, extra: true });
    const before = await errorsOf(bad);
    expect(before).toEqual(['code:maxLength', 'extra:whitelistValidation', 'inner.n:isInt', 'name:isString']);
    cacheValidationMetadata();
    expect(await errorsOf(bad)).toEqual(before);
    expect(await errorsOf(bad)).toEqual(before);
    expect(await errorsOf(child({ name: 'a', code: 'ok', inner: { n: 1 } }))).toEqual([]);
  });

  it('hands out the same rules for the same class instead of working them out again', () => {
    const storage = new MetadataStorage();
    const spy = jest.spyOn(storage, 'getTargetValidationMetadatas');
    cacheValidationMetadata(storage);
    const first = storage.getTargetValidationMetadatas(Child, '', false, false);
    expect(storage.getTargetValidationMetadatas(Child, '', false, false)).toBe(first);
    expect(storage.groupByPropertyName(first)).toBe(storage.groupByPropertyName(first));
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('drops what it kept when a rule is registered later', async () => {
    cacheValidationMetadata();
    class Late {
      @IsString()
      a!: unknown;
      b!: unknown;
    }
    const value = Object.assign(new Late(), { a: 1, b: 'x' });
    expect(await errorsOf(value)).toEqual(['a:isString', 'b:whitelistValidation']);
    IsInt()(Late.prototype, 'b');
    expect(await errorsOf(value)).toEqual(['a:isString', 'b:isInt']);
  });
});
