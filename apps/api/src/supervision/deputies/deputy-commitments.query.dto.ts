import { IntQueryField } from '../../http/validation/fields';
import { AfterQueryDto } from '../../read-consistency/after-query.dto';

/** `?year=`: the year whose commitments are followed up (default: this year, Beijing time). */
export class DeputyCommitmentsQueryDto extends AfterQueryDto {
  @IntQueryField('年度', 2000, 2100)
  year?: number;
}
