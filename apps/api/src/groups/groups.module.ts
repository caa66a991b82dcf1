import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { AuthModule } from '../auth/auth.module';
import { GroupCommands } from './group-commands';
import { GroupFormation } from './group-formation';
import { GroupLookup } from './group-lookup';
import { GroupMembers } from './group-members';
import { GroupsController } from './groups.controller';

/** 并案: grouping similar suggestions and applying assign and answer to every member. */
@Module({
  imports: [AuthModule, AttachmentsModule],
  controllers: [GroupsController],
  providers: [GroupCommands, GroupFormation, GroupLookup, GroupMembers],
})
export class GroupsModule {}
