import { DateField } from '../http/validation/fields';

export class AssignmentDateDto {
  @DateField('交办日期', { description: '大会期间建议统一交办的日期（YYYY-MM-DD）' })
  assignOn!: string;
}
