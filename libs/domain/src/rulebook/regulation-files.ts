/**
 * The regulation texts the presets cite, by their file names in shared/docs/regulations (the
 * citation names the file exactly as stored, so a reader can open it and find the article).
 */
export const REGULATION_FILES = {
  law: '全国人民代表大会和地方各级人民代表大会代表法(2025-03-11).md',
  beijing: '北京市人民代表大会代表建议、批评和意见办理条例(2014-01-22).md',
  shanghai: '上海市人民代表大会关于代表建议、批评和意见的规定.md',
  shandong: '山东省人民代表大会代表建议、批评和意见办理工作条例(2017-05-19).md',
  qingdao: '青岛市人民代表大会代表建议、批评和意见工作条例(2021-07-29).md',
  zhejiang: '浙江省人民代表大会代表建议、批评和意见办理的规定(2016-05-27).md',
  henan: '河南省人民代表大会代表建议、批评和意见办理办法(2017-07-28).md',
  chongqing: '重庆市人民代表大会代表建议批评和意见工作条例(2017-11-30).md',
  chongqingLaw: '重庆市实施《全国人民代表大会和地方各级人民代表大会代表法》办法(2016-03-31).md',
} as const;

export type RegulationKey = keyof typeof REGULATION_FILES;

/** The short name people use for a text: its title without the date and extension. */
export function regulationTitle(file: string): string {
  return file.replace(/\.md$/, '').replace(/\(\d{4}-\d{2}-\d{2}\)$/, '');
}
