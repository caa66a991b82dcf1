import { Module } from '@nestjs/common';
import { OperationsController } from './operations.controller';

/** What operators need beyond /api/health: the parked streams and their retry. */
@Module({ controllers: [OperationsController] })
export class OperationsModule {}
