import { Controller, Get, Inject, NotFoundException } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiOk, LatestAuditSealDoc } from '../http/openapi';
import { latestSealFile, readSealFile, type AuditKey, type AuditSeal } from '@duban/event-store';
import * as path from 'node:path';
import { Roles } from '../auth/roles.decorator';
import { AUDIT_KEY } from './audit-key.provider';
import { AuditSealService } from './audit-seal.service';

export interface LatestAuditSeal {
  /** The seal file's name in the seal folder. */
  file: string;
  /** The seal as written: every stream's tip and the store's head, signed with Ed25519. */
  seal: AuditSeal;
  /** The key that checks the signature (SPKI PEM): supervisors keep it and verify seals with it (`verify-audit --public-key`). */
  publicKey: string;
  keyId: string;
}

/** The signed seals, for supervisors to export and keep outside the service. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/seals')
export class AuditSealsController {
  constructor(
    private readonly seals: AuditSealService,
    @Inject(AUDIT_KEY) private readonly key: AuditKey | null,
  ) {}

  @Get('latest')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: '最新的审计封印（每个流的末尾事件与事件库末尾的签名摘要）及验签公钥（督办人、管理员）' })
  @ApiOk(LatestAuditSealDoc)
  @ApiErrors(403, 404)
  latest(): LatestAuditSeal {
    const file = latestSealFile(this.seals.sealDir);
    if (file === null || this.key === null) throw new NotFoundException('尚未生成审计封印');
    return { file: path.basename(file), seal: readSealFile(file), publicKey: this.key.publicKeyPem(), keyId: this.key.id };
  }
}
