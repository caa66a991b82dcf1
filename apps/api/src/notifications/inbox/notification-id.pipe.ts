import { NotFoundException, PipeTransform } from '@nestjs/common';
import { NOTIFICATION_ID_PATTERN } from './mark-read.dto';

/** A malformed id names no notification: 404, as for one that does not exist. */
export class NotificationIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!NOTIFICATION_ID_PATTERN.test(value)) throw new NotFoundException('通知不存在');
    return value;
  }
}
