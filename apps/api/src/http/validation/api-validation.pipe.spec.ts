import { BadRequestException, type ArgumentMetadata } from '@nestjs/common';
import { ListSuggestionsQueryDto } from '../../suggestions/dto/list-suggestions.query.dto';
import { ApiValidationPipe } from './api-validation.pipe';

const QUERY: ArgumentMetadata = { type: 'query', metatype: ListSuggestionsQueryDto, data: '' };

async function refusal(pipe: ApiValidationPipe, query: Record<string, unknown>): Promise<unknown> {
  try {
    await pipe.transform(query, QUERY);
  } catch (error) {
    if (error instanceof BadRequestException) return error.getResponse();
    throw error;
  }
  throw new Error('accepted');
}

/** A query string asked for again (the same list page, the same statistics period) is answered from what was found valid before. */
describe('ApiValidationPipe on query strings', () => {
  it('gives the same values again, in an instance of its own each time', async () => {
    const pipe = new ApiValidationPipe();
    const query = { status: 'assigned', overdue: 'true', page: '3', pageSize: '20' };
    const first = (await pipe.transform({ ...query }, QUERY)) as ListSuggestionsQueryDto;
    const again = (await pipe.transform({ ...query }, QUERY)) as ListSuggestionsQueryDto;
    expect(again).toBeInstanceOf(ListSuggestionsQueryDto);
    expect(again).not.toBe(first);
    expect(again.toFilter()).toEqual({ status: 'assigned', overdue: true, page: 3, pageSize: 20 });
    expect(again.toFilter()).toEqual(first.toFilter());
    // A caller changing its copy changes nothing for the next request.
    again.page = 99;
    expect(((await pipe.transform({ ...query }, QUERY)) as ListSuggestionsQueryDto).page).toBe(3);
  });

  it('still refuses a bad or unknown field after the same fields were accepted with good values', async () => {
    const pipe = new ApiValidationPipe();
    await pipe.transform({ status: 'assigned', page: '1' }, QUERY);
    expect(await refusal(pipe, { status: 'assigned', page: '0' })).toMatchObject({ errors: [{ field: 'page', message: '页码不能小于 1' }] });
    expect(await refusal(pipe, { status: 'assigned', page: '1', orderBy: 'title' })).toMatchObject({ errors: [{ field: 'orderBy', message: '不允许的字段「orderBy」' }] });
    // Refused twice: a refusal is never remembered as valid.
    expect(await refusal(pipe, { status: 'assigned', page: '0' })).toMatchObject({ code: 'validation_failed' });
  });
});
