import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CommandsModule } from '../commands/commands.module';
import { SuggestionAuditController } from './audit/suggestion-audit.controller';
import { BatchCommands } from './batch/batch-commands';
import { BatchController } from './batch/batch.controller';
import { SuggestionQueriesController } from './http/suggestion-queries.controller';
import { SubmissionController } from './submission/submission.controller';
import { AssignmentController } from './assignment/assignment.controller';
import { ReturningController } from './returning/returning.controller';
import { HandlingController } from './handling/handling.controller';
import { ExtensionController } from './extension/extension.controller';
import { SupervisionController } from './supervision/supervision.controller';
import { AnsweringController } from './answering/answering.controller';
import { RatingController } from './rating/rating.controller';
import { FulfilCommitmentController } from './commitments/commitments.controller';
import { ClosingController } from './closing/closing.controller';
import { TransferController } from './transfer/transfer.controller';
import { RehandlingController } from './rehandling/rehandling.controller';
import { CommitmentRatingController } from './commitment-rating/commitment-rating.controller';
import { AcknowledgeAnswerController } from './delivery/acknowledge-answer.controller';

/**
 * One controller per capability (the folder beside this file names it); a new command route is one
 * more line here, and completeness.spec.ts fails until it is registered.
 */
const CAPABILITY_CONTROLLERS = [
  SubmissionController,
  AssignmentController,
  ReturningController,
  HandlingController,
  ExtensionController,
  SupervisionController,
  AnsweringController,
  RatingController,
  FulfilCommitmentController,
  ClosingController,
  TransferController,
  RehandlingController,
  CommitmentRatingController,
  AcknowledgeAnswerController,
];

@Module({
  imports: [CommandsModule, AuthModule],
  // BatchController first: its /suggestions/batch/accept must win over /suggestions/:id/accept.
  controllers: [BatchController, ...CAPABILITY_CONTROLLERS, SuggestionQueriesController, SuggestionAuditController],
  providers: [BatchCommands],
  exports: [BatchCommands],
})
export class SuggestionsModule {}
