import { IdField, TextField } from '../http/validation/fields';

export class CreateUnitDto {
  @IdField('单位编号', { description: '例如 jiaotong' })
  id!: string;

  @TextField('单位名称', 100)
  name!: string;
}
