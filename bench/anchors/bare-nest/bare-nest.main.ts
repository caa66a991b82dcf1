import 'reflect-metadata';
import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';

/** A POST that does no work: the ceiling any Nest + Express endpoint on this machine can reach. */
@Controller()
class BareController {
  @Post('bench')
  post(@Body() _body: unknown): { ok: true } {
    return { ok: true };
  }

  @Get('health')
  health(): { ok: true } {
    return { ok: true };
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

/**
 * The S5 anchor, run as its own process like the api: Nest on the same Express adapter, the
 * same JSON body parser, no guards, no validation, no store.
 */
async function main(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(BareModule, { logger: ['error'] });
  await app.listen(Number(process.env['PORT'] ?? 3999), process.env['HOST'] ?? '127.0.0.1');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
