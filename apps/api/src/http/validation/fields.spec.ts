import { BadRequestException, type ArgumentMetadata } from '@nestjs/common';
import { SubmitSuggestionDto } from '../../suggestions/submission/submit-suggestion.dto';
import { PeriodQueryDto } from '../../supervision/period/period.query.dto';
import { SuggestionDetailQueryDto } from '../../supervision/looking-back/suggestion-detail.query.dto';
import { ApiValidationPipe } from './api-validation.pipe';
import { VISIBLE_TEXT } from './fields';

async function errorsOf(metatype: Function, type: 'body' | 'query', value: Record<string, unknown>): Promise<{ field: string; message: string }[]> {
  try {
    await new ApiValidationPipe().transform(value, { type, metatype, data: '' } as ArgumentMetadata);
    return [];
  } catch (error) {
    if (error instanceof BadRequestException) return (error.getResponse() as { errors: { field: string; message: string }[] }).errors;
    throw error;
  }
}

describe('TextField: a required text needs a character a reader can see', () => {
  it('counts whitespace, zero-width, direction-control and other invisible format characters as nothing', () => {
    for (const invisible of ['', ' \t\n', '\u3000\u00a0', '\u200b\u200c\u200d', '\u200e\u200f', '\u202a\u202b\u202c\u202d\u202e', '\u2060\u2061\u2062\u2063\u2064', '\u2066\u2067\u2068\u2069', '\ufeff', '\u00ad\u034f\u3164\uffa0']) {
      expect({ invisible, visible: VISIBLE_TEXT.test(invisible) }).toEqual({ invisible, visible: false });
    }
    for (const text of ['标题', 'a', '\u200b标\u200b', '١', '😀', '-']) expect({ text, visible: VISIBLE_TEXT.test(text) }).toEqual({ text, visible: true });
  });

  it('refuses an invisible-only title and content, naming each field in Chinese', async () => {
    expect(await errorsOf(SubmitSuggestionDto, 'body', { title: '\u200b\u202e', content: '\ufeff\u2060' })).toEqual([
      { field: 'title', message: '标题不能为空' },
      { field: 'content', message: '正文不能为空' },
    ]);
  });
});

describe('DateField: every date query parameter in range', () => {
  it('refuses an impossible or far date in a statistics period, naming the parameter', async () => {
    expect(await errorsOf(PeriodQueryDto, 'query', { from: '2026-02-30', to: '9999-12-31' })).toEqual([
      { field: 'from', message: expect.stringContaining('有效的') },
      { field: 'to', message: '结束日期须在 2000 年至 2100 年之间' },
    ]);
    expect(await errorsOf(PeriodQueryDto, 'query', { from: '2026-01-01', to: '2026-12-31' })).toEqual([]);
  });

  it('wants a moment with its offset for asOf: no day, no rolled-over date', async () => {
    for (const asOf of ['2026-03-01', '2026-02-30T00:00:00Z', '2026-03-01T00:00:00', '9999-12-31T23:59:59Z']) {
      expect(await errorsOf(SuggestionDetailQueryDto, 'query', { asOf })).toEqual([{ field: 'asOf', message: expect.stringMatching(/[\u4e00-\u9fff]/) }]);
    }
    // A `+` sent unencoded arrives as a space and is read as the offset it was.
    expect(await errorsOf(SuggestionDetailQueryDto, 'query', { asOf: '2026-03-01T00:00:00 08:00' })).toEqual([]);
  });
});
