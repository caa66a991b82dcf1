import { TextField } from '../../http/validation/fields';
import { NOTE_MAX } from './limits';

/** `reject`, `request-return` and `withdraw` carry only a reason. */
export class ReasonDto {
  @TextField('理由', NOTE_MAX)
  reason!: string;
}
