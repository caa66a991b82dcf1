import { Prng } from '../generator/prng';
import * as P from '../generator/phrases';
import { fill } from '../generator/texts';

/**
 * Handling units with the words their suggestions carry: a suggestion about 公交线路 goes to the
 * transport bureau in every city, so routing accuracy measured on these texts means something.
 * Topics overlap on purpose (校园周边交通安全: education or transport; 充电设施: transport, housing
 * or development), as real ones do.
 */
export const ROUTING_UNITS: readonly { id: string; name: string; topics: string[]; words: string[] }[] = [
  { id: 'transport', name: '市交通运输局', topics: ['城乡公交一体化', '农村公路养护', '高速公路服务区建设'], words: ['公交线路', '地铁接驳', '公交站台', '客运班线', '道路拥堵', '出租车', '网约车', '公路养护', '交通运输'] },
  { id: 'education', name: '市教育局', topics: ['义务教育阶段课后服务', '学前教育普惠发展', '县域普通高中振兴', '农村寄宿制学校建设', '特殊教育'], words: ['学位', '校舍', '教师编制', '课后服务', '幼儿园', '寄宿制学校', '义务教育', '中小学', '课程'] },
  { id: 'health', name: '市卫生健康委员会', topics: ['基层医疗卫生人才队伍建设', '县域医共体建设', '乡镇卫生院服务能力', '院前急救体系', '公立医院高质量发展'], words: ['家庭医生', '卫生院', '医共体', '急救', '全科医生', '门诊', '医务人员', '公立医院', '医疗卫生'] },
  { id: 'housing', name: '市住房和城乡建设局', topics: ['城镇老旧小区改造', '青年人才住房保障', '地下管网改造'], words: ['加装电梯', '老旧小区', '物业服务', '保障性住房', '公租房', '燃气管道', '房屋', '住房'] },
  { id: 'hrss', name: '市人力资源和社会保障局', topics: ['职业技能培训', '灵活就业人员社会保险', '农民工工资支付保障'], words: ['社保', '就业', '技能培训', '工资拖欠', '养老保险', '失业保险', '劳动合同', '人社'] },
  { id: 'civil', name: '市民政局', topics: ['居家社区养老服务', '社区嵌入式服务设施', '残疾人就业帮扶'], words: ['养老服务', '老年食堂', '低保', '社会救助', '社区服务', '养老机构', '困难群众', '殡葬'] },
  { id: 'agri', name: '市农业农村局', topics: ['高标准农田建设', '农业社会化服务', '粮食产后减损', '农村人居环境整治', '乡村振兴人才队伍建设'], words: ['耕种', '农田', '种粮', '农机', '合作社', '村庄', '农药', '农民增收', '乡村'] },
  { id: 'ecology', name: '市生态环境局', topics: ['长江流域生态保护', '矿山生态修复'], words: ['污染', '排污', '空气质量', '噪声', '环评', '生态环境', '水质', '臭氧'] },
  { id: 'water', name: '市水利局', topics: ['防汛抗旱水利设施', '农村饮水安全', '河湖长制落实'], words: ['水库', '堤防', '灌区', '饮水', '防汛', '河道', '水利', '山洪'] },
  { id: 'market', name: '市市场监督管理局', topics: ['食品安全监管', '营商环境优化'], words: ['食品安全', '市场主体', '价格', '质量监管', '消费者', '商标', '药品监管', '特种设备'] },
  { id: 'commerce', name: '市商务局', topics: ['县域商业体系', '农村电子商务', '跨境电商综合试验区建设', '口岸通关便利化'], words: ['电商', '外贸', '商贸', '物流配送', '消费券', '出口', '商圈', '会展'] },
  { id: 'culture', name: '市文化旅游广电局', topics: ['公共文化服务设施', '文旅融合发展', '历史文化街区保护'], words: ['旅游', '景区', '文物', '图书馆', '博物馆', '演出', '非遗', '文化'] },
  { id: 'industry', name: '市工业和信息化局', topics: ['专精特新企业培育', '制造业数字化转型', '开发区转型升级', '民营经济发展'], words: ['制造业', '工业园', '企业技改', '数字化转型', '产业链', '5G', '工业互联网', '中小企业'] },
  { id: 'resources', name: '市自然资源和规划局', topics: ['耕地保护', '林长制落实'], words: ['用地', '规划', '国土空间', '不动产登记', '林地', '宅基地', '土地', '测绘'] },
  { id: 'police', name: '市公安局', topics: ['电信网络诈骗防范', '校园周边交通安全'], words: ['治安', '交警', '电动自行车', '户籍', '反诈', '违停', '交通秩序', '监控'] },
  { id: 'urban', name: '市城市管理局', topics: ['生活垃圾分类', '城市停车设施', '城市内涝治理'], words: ['垃圾分类', '停车位', '占道经营', '市容', '路灯', '环卫', '内涝', '城管'] },
  { id: 'finance', name: '市地方金融管理局', topics: ['中小微企业融资服务'], words: ['融资', '贷款', '担保', '金融', '信贷', '银行', '上市', '普惠金融'] },
  { id: 'medins', name: '市医疗保障局', topics: ['医保异地就医结算', '罕见病用药保障'], words: ['医保', '报销', '异地就医', '药品集采', '医保目录', '门诊统筹', '参保', '医保基金'] },
  { id: 'veterans', name: '市退役军人事务局', topics: ['退役军人服务保障'], words: ['退役军人', '优抚', '安置', '烈士', '军休', '双拥', '褒扬', '退役'] },
  { id: 'development', name: '市发展和改革委员会', topics: ['新能源汽车充电设施', '数字政府建设', '科技成果转化'], words: ['项目审批', '充电桩', '能源', '重大项目', '投资', '价格改革', '新基建', '发展规划'] },
];

export interface RoutingCase {
  id: string;
  title: string;
  content: string;
  /** The unit that answers (sole or lead). */
  unitId: string;
  /** Co-handlers, if lead + co. */
  coUnitIds: string[];
  /** A unit it went to first and that returned it (approved), if any. */
  returnedBy?: string;
}

/**
 * `count` suggestions: a unit's topic from the generator's TOPICS, its words in the problems and
 * proposals, the generator's boilerplate around them, a quarter mentioning another unit's words,
 * a fifth lead + co, 5% first sent to a wrong unit that returned them, and 6% "misrouted" for
 * good (the answering unit is not the one the words point to) — the noise real history has.
 */
export function routingCases(count: number, seed = 'routing-bench'): RoutingCase[] {
  const prng = new Prng(seed);
  const cases: RoutingCase[] = [];
  for (let i = 0; i < count; i++) {
    const unit = prng.pick(ROUTING_UNITS);
    const other = prng.pick(ROUTING_UNITS.filter((u) => u !== unit));
    const words = prng.pickDistinct(unit.words, prng.int(2, 4));
    if (prng.chance(0.25)) words.push(prng.pick(other.words));
    const vars = { topic: prng.pick(unit.topics), region: prng.pick(P.REGIONS), year: 2020 + prng.int(0, 6) };
    const f = (t: string): string => fill(t, prng, vars);
    const title = prng.chance(0.5) ? `关于${prng.pick(P.TITLE_ACTIONS)}${vars.topic}的建议` : `关于解决${words[0]}问题的建议`;
    const content = [
      `${vars.topic}是${prng.pick(P.SIGNIFICANCE)}。${f(prng.pick(P.PROGRESS))}。`,
      `但代表在${vars.region}调研中发现，${words.map((w) => `${w}方面${f(prng.pick(P.PROBLEMS))}`).join('；')}。`,
      `为此，建议：${prng.pickDistinct(P.MEASURES, 3).map((m) => f(m)).join('；')}，切实解决${words.join('、')}等问题。`,
    ].join('\n');
    const misrouted = prng.chance(0.06);
    const answering = misrouted ? other : unit;
    cases.push({
      id: prng.uuid(),
      title,
      content,
      unitId: answering.id,
      coUnitIds: prng.chance(0.2) ? [prng.pick(ROUTING_UNITS.filter((u) => u !== answering)).id] : [],
      ...(prng.chance(0.05) ? { returnedBy: other === answering ? unit.id : other.id } : {}),
    });
  }
  return cases;
}
