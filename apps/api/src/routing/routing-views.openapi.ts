import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SUGGESTION_STATUSES } from '@duban/domain';

/** UnitSuggestion (libs/read-models routing.types.ts) */
export class UnitSuggestionDoc {
  @ApiProperty() unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ type: Number, minimum: 0, maximum: 1, description: '最相似的既往建议中支持该单位的加权比例（0–1）' }) score!: number;
  @ApiProperty({ description: '依据，例如“与已交办给市交通运输局的第12、37号建议相似”' }) reason!: string;
}

/** SimilarSuggestion (libs/read-models routing.types.ts) */
export class SimilarSuggestionDoc {
  @ApiProperty() id!: string;
  @ApiPropertyOptional({ type: 'integer', description: '建议编号（立案后）' }) number?: number;
  @ApiProperty() title!: string;
  @ApiProperty({ type: Number, minimum: 0, maximum: 1, description: '文本相似度（0–1）' }) score!: number;
  @ApiProperty({ enum: SUGGESTION_STATUSES }) status!: string;
  @ApiPropertyOptional({ description: '承办单位最近一次答复的类别（A–D 等）' }) answerCategory?: string;
  @ApiProperty({ type: [String], description: '交办的承办单位' }) unitNames!: string[];
}
