import { Global, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { AUDIT_KEY, auditKeyOf } from './audit-key.provider';
import { AuditSealService } from './audit-seal.service';
import { AuditSealsController } from './audit-seals.controller';

/** The audit key for whoever verifies a chain (the suggestion audit route), and the seals. */
@Global()
@Module({
  providers: [{ provide: AUDIT_KEY, inject: [APP_CONFIG], useFactory: auditKeyOf }, AuditSealService],
  controllers: [AuditSealsController],
  exports: [AUDIT_KEY, AuditSealService],
})
export class AuditModule {}
