import { Module } from '@nestjs/common';
import { DisclosureCommandsController } from './disclosure-commands.controller';
import { PublicSuggestionsController } from './public-suggestions.controller';

/** 公开: publishing and exempting (staff), and the public's read-only view (no token). */
@Module({
  controllers: [DisclosureCommandsController, PublicSuggestionsController],
})
export class DisclosureModule {}
