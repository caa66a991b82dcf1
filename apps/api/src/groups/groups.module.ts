import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { GroupCommands } from './group-commands';
import { GroupsController } from './groups.controller';

/** 并案: grouping similar suggestions and applying assign and answer to every member. */
@Module({
  imports: [AuthModule],
  controllers: [GroupsController],
  providers: [GroupCommands],
})
export class GroupsModule {}
