import { TextField } from '../http/validation/fields';

export class RenameUnitDto {
  @TextField('单位名称', 100, { description: '新的单位全称；单位编号不变' })
  name!: string;
}
