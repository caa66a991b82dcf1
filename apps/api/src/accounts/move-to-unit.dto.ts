import { IdField } from '../http/validation/fields';

export class MoveToUnitDto {
  @IdField('所属单位', { description: '承办单位编号' })
  unitId!: string;
}
