import { BooleanField, TextField } from '../../http/validation/fields';
import { NOTE_MAX } from './limits';

/** `decide-return` and `decide-extension`: approve or deny, with an optional reason. */
export class DecideRequestDto {
  @BooleanField('是否批准')
  approve!: boolean;

  @TextField('理由', NOTE_MAX, { optional: true })
  reason?: string;

  data(): { approve: boolean; reason?: string } {
    return this.reason === undefined ? { approve: this.approve } : { approve: this.approve, reason: this.reason };
  }
}
