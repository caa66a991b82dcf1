import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiOk, RulebookDoc } from '../http/openapi';
import { toRulebookView, type Rulebook, type RulebookView } from '@duban/domain';
import { RULEBOOK } from '../infrastructure/tokens';

/**
 * The rulebook in force: for forms (answer categories), for showing people their deadlines, and for
 * staff to check every value against the article it comes from (or see that it is a default).
 */
@ApiTags('rulebook')
@ApiBearerAuth()
@Controller('rulebook')
export class RulebookController {
  constructor(@Inject(RULEBOOK) private readonly rulebook: Rulebook) {}

  @Get()
  @ApiOperation({ summary: '当前办理规则：期限、答复类别及各项规则，每项附法规出处（条文或默认值）' })
  @ApiOk(RulebookDoc)
  get(): RulebookView {
    return toRulebookView(this.rulebook);
  }
}
