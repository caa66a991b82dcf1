import type { SuggestionCommand } from '@duban/domain';

/**
 * Demo suggestions as scripts of commands, replayed through the normal command path on first
 * start. `day` is relative to the moment of seeding (negative = in the past), so deadlines in the
 * demo are always current. Together they show every status the work list has to handle, and
 * deadlines in every colour: overdue (red), due within three working days (amber), fine (green).
 * A commitment's `dueAt` of `+N` means N days after the step.
 */
export interface DemoStep {
  day: DemoDay;
  /** Login name of the person acting. */
  by: string;
  command: Exclude<SuggestionCommand, { type: 'SubmitSuggestion' }>;
}

/**
 * Days before the seeding moment, or a calendar-month offset on the Asia/Shanghai date (plus days).
 * Answer deadlines run in calendar months, so "assigned 3 months minus one day ago" is due
 * tomorrow whatever the month lengths: the amber item stays amber on any start date.
 */
export type DemoDay = number | { months: number; days: number };

export interface DemoSuggestion {
  /** What this suggestion demonstrates (logs and README). */
  shows: string;
  submit: { day: DemoDay; by: string; title: string; content: string; coSignerIds: string[] };
  steps: DemoStep[];
}

export const DEMO_SUGGESTIONS: readonly DemoSuggestion[] = [
  {
    shows: '已提交，待立案',
    submit: {
      day: -2,
      by: 'daibiao2',
      title: '关于增设城东片区公交微循环线路的建议',
      content:
        '城东片区近年新建住宅小区较多，常住人口已超过八万人，但片区内部仅有两条公交线路经过，且首末班时间与居民通勤时间不匹配。' +
        '许多居民需步行一公里以上才能到达地铁站。建议：一、开通连接各小区与地铁站的社区微循环公交；二、根据早晚高峰客流调整发车间隔；' +
        '三、在主要小区出入口增设港湾式停靠站。',
      coSignerIds: [],
    },
    steps: [],
  },
  {
    shows: '已立案，待交办',
    submit: {
      day: -6,
      by: 'daibiao3',
      title: '关于加强中小学校园周边交通安全治理的建议',
      content:
        '上下学高峰时段，部分中小学校门口接送车辆乱停乱放，学生与机动车混行，存在较大安全隐患。建议：一、在校园周边设置限时停车接送区；' +
        '二、增设人行横道、减速带和警示标志；三、高峰时段安排交警和志愿者协同疏导；四、推动错峰放学。',
      coSignerIds: [],
    },
    steps: [{ day: -5, by: 'gongwei', command: { type: 'AcceptSuggestion', data: {} } }],
  },
  {
    shows: '单独办理中，已联系代表',
    submit: {
      day: -30,
      by: 'daibiao1',
      title: '关于推进老旧小区加装电梯工作的建议',
      content:
        '我市 2000 年以前建成的多层住宅中，老年住户比例高，上下楼困难问题突出。目前加装电梯存在审批环节多、低层住户意见难统一、' +
        '资金筹措难等问题。建议：一、简化加装电梯审批流程，推行并联审批；二、提高财政补贴标准；三、建立低层住户补偿协商机制；' +
        '四、引导公积金提取用于加装电梯。',
      coSignerIds: ['daibiao3'],
    },
    steps: [
      { day: -28, by: 'gongwei', command: { type: 'AcceptSuggestion', data: {} } },
      { day: -25, by: 'gongwei', command: { type: 'AssignSuggestion', data: { mode: 'sole', unitIds: ['zhujian'] } } },
      {
        day: -12,
        by: 'zhujian',
        command: {
          type: 'ContactDeputy',
          data: { method: '座谈', summary: '与张伟代表座谈，听取其对审批流程和补贴标准的具体意见，并实地查看两个试点小区。' },
        },
      },
    ],
  },
  {
    shows: '主办+协办，重点督办并已催办',
    submit: {
      day: -40,
      by: 'daibiao1',
      title: '关于缓解市第一人民医院周边停车难问题的建议',
      content:
        '市第一人民医院日门诊量超过一万人次，院内停车位不足一千个，周边道路长期拥堵，患者就医排队停车时间长，也影响急救车辆通行。' +
        '建议：一、挖潜建设立体停车库；二、协调周边机关单位错时共享停车位；三、优化周边公交线路并增设医院专线；四、推广预约就诊与预约停车。',
      coSignerIds: ['daibiao2'],
    },
    steps: [
      { day: -38, by: 'gongwei', command: { type: 'AcceptSuggestion', data: {} } },
      {
        day: -36,
        by: 'gongwei',
        command: { type: 'AssignSuggestion', data: { mode: 'lead', unitIds: ['weijian', 'jiaotong'], leadUnitId: 'weijian' } },
      },
      {
        day: -35,
        by: 'duban',
        command: { type: 'StartKeySupervision', data: { supervisorId: 'duban', leaderName: '赵敏（副市长）' } },
      },
      {
        day: -20,
        by: 'jiaotong',
        command: {
          type: 'SubmitCoHandlerOpinion',
          data: { content: '我局拟于下季度在医院周边新辟一条公交专线，并将医院东侧路段纳入智慧停车诱导系统，请主办单位在答复中统筹考虑。' },
        },
      },
      { day: -10, by: 'duban', command: { type: 'UrgeSuggestion', data: { note: '请主办单位抓紧研究立体停车库选址，按期答复代表。' } } },
    ],
  },
  {
    shows: '分别办理：一个单位已答复，另一个单位办理中',
    submit: {
      day: -45,
      by: 'daibiao2',
      title: '关于加快推进普惠性学前教育和托育服务发展的建议',
      content:
        '随着三孩政策实施，群众对普惠性幼儿园和婴幼儿托育服务的需求明显增加，但我市普惠性学位缺口较大，托育机构收费偏高。' +
        '建议：一、新建小区配套幼儿园全部办成公办园或普惠园；二、支持幼儿园开设托班；三、加强托育机构卫生保健指导。',
      coSignerIds: ['daibiao1', 'daibiao3'],
    },
    steps: [
      { day: -44, by: 'gongwei', command: { type: 'AcceptSuggestion', data: {} } },
      {
        day: -42,
        by: 'gongwei',
        command: { type: 'AssignSuggestion', data: { mode: 'separate', unitIds: ['jiaoyu', 'weijian'] } },
      },
      {
        day: -20,
        by: 'jiaoyu',
        command: { type: 'ContactDeputy', data: { method: '电话', summary: '电话联系李娜代表，介绍今年新增普惠性学位计划。' } },
      },
      {
        day: -8,
        by: 'jiaoyu',
        command: {
          type: 'AnswerSuggestion',
          data: {
            category: 'A',
            content: '今年全市新增普惠性学位 3600 个，新建小区配套园已全部办成公办园；已有 42 所幼儿园开设托班。',
            signedBy: '孙立军（局长）',
            commitments: [],
          },
        },
      },
    ],
  },
  {
    shows: '已答复（B 类），附承诺事项',
    submit: {
      day: -70,
      by: 'daibiao1',
      title: '关于优化地铁与公交换乘衔接的建议',
      content:
        '部分地铁站出入口距公交站较远，换乘步行距离超过 300 米，雨天换乘不便；公交与地铁末班车时间不衔接。建议：一、将公交站就近迁移至地铁出入口；' +
        '二、建设风雨连廊；三、根据地铁末班时间调整接驳公交末班时间。',
      coSignerIds: [],
    },
    steps: [
      { day: -68, by: 'gongwei', command: { type: 'AcceptSuggestion', data: {} } },
      { day: -66, by: 'gongwei', command: { type: 'AssignSuggestion', data: { mode: 'sole', unitIds: ['jiaotong'] } } },
      {
        day: -40,
        by: 'jiaotong',
        command: { type: 'ContactDeputy', data: { method: '走访', summary: '陪同张伟代表实地走访三个换乘站点，逐一研究迁站方案。' } },
      },
      {
        day: -5,
        by: 'jiaotong',
        command: {
          type: 'AnswerSuggestion',
          data: {
            category: 'B',
            content: '已完成 12 个地铁站周边公交站迁移方案设计，其中 5 个已实施；接驳公交末班时间已与地铁同步调整。风雨连廊建设已列入明年计划。',
            signedBy: '周海涛（局长）',
            commitments: [{ description: '完成剩余 7 个地铁站公交站迁移并建设风雨连廊', dueAt: '+120' }],
          },
        },
      },
    ],
  },
  {
    shows: '已评价：满意',
    submit: {
      day: -80,
      by: 'daibiao3',
      title: '关于规范校外培训机构收费管理的建议',
      content:
        '部分校外培训机构存在一次性收取大额预付费、退费难等问题，家长投诉较多。建议：一、全面推行预收费资金监管；二、公布培训机构“白名单”；三、畅通投诉渠道。',
      coSignerIds: [],
    },
    steps: [
      { day: -79, by: 'gongwei', command: { type: 'AcceptSuggestion', data: {} } },
      { day: -77, by: 'gongwei', command: { type: 'AssignSuggestion', data: { mode: 'sole', unitIds: ['jiaoyu'] } } },
      {
        day: -50,
        by: 'jiaoyu',
        command: { type: 'ContactDeputy', data: { method: '座谈', summary: '邀请王芳代表参加校外培训治理座谈会。' } },
      },
      {
        day: -30,
        by: 'jiaoyu',
        command: {
          type: 'AnswerSuggestion',
          data: {
            category: 'A',
            content: '已对全市 386 家校外培训机构全面实行预收费资金银行托管，公布白名单并开通 12345 专项投诉通道。',
            signedBy: '孙立军（局长）',
            commitments: [],
          },
        },
      },
      { day: -25, by: 'daibiao3', command: { type: 'RateSuggestion', data: { attitude: 'satisfied', result: 'satisfied' } } },
      { day: -24, by: 'gongwei', command: { type: 'PublishAnswer', data: {} } },
    ],
  },
  {
    shows: '不满意后重新办理中',
    submit: {
      day: -90,
      by: 'daibiao2',
      title: '关于解决城中村雨季内涝问题的建议',
      content:
        '每逢汛期强降雨，城西多个城中村排水管网排水能力不足，积水深度超过 30 厘米，影响群众出行和财产安全。建议：一、开展排水管网摸底排查；' +
        '二、实施雨污分流改造；三、增设应急排涝设施。',
      coSignerIds: [],
    },
    steps: [
      { day: -89, by: 'gongwei', command: { type: 'AcceptSuggestion', data: {} } },
      { day: -87, by: 'gongwei', command: { type: 'AssignSuggestion', data: { mode: 'sole', unitIds: ['zhujian'] } } },
      {
        day: -30,
        by: 'zhujian',
        command: {
          type: 'AnswerSuggestion',
          data: { category: 'D', content: '该问题涉及面广，我局将在编制相关规划时予以参考。', signedBy: '吴建国（局长）', commitments: [] },
        },
      },
      {
        day: -20,
        by: 'daibiao2',
        command: {
          type: 'RateSuggestion',
          data: { attitude: 'basically_satisfied', result: 'dissatisfied', reason: '答复未提出任何具体措施，汛期即将到来，群众反映强烈。' },
        },
      },
    ],
  },
  {
    shows: '承诺已落实并办结',
    submit: {
      day: -150,
      by: 'daibiao1',
      title: '关于增加社区卫生服务中心夜间门诊的建议',
      content: '上班族白天难以就医，社区卫生服务中心普遍下午五点停诊。建议在人口密集片区的社区卫生服务中心开设夜间门诊，方便群众就近看病。',
      coSignerIds: ['daibiao2'],
    },
    steps: [
      { day: -149, by: 'gongwei', command: { type: 'AcceptSuggestion', data: {} } },
      { day: -147, by: 'gongwei', command: { type: 'AssignSuggestion', data: { mode: 'sole', unitIds: ['weijian'] } } },
      {
        day: -120,
        by: 'weijian',
        command: { type: 'ContactDeputy', data: { method: '电话', summary: '电话沟通夜间门诊试点范围。' } },
      },
      {
        day: -100,
        by: 'weijian',
        command: {
          type: 'AnswerSuggestion',
          data: {
            category: 'B',
            content: '已确定在 6 个人口密集片区的社区卫生服务中心试点夜间门诊，正在落实人员排班。',
            signedBy: '郑红（主任）',
            commitments: [{ description: '6 个社区卫生服务中心开设夜间门诊（工作日 17:30–21:00）', dueAt: '+30' }],
          },
        },
      },
      { day: -95, by: 'daibiao1', command: { type: 'RateSuggestion', data: { attitude: 'satisfied', result: 'basically_satisfied' } } },
      {
        day: -75,
        by: 'weijian',
        command: { type: 'FulfilCommitment', data: { commitmentId: 'C1', evidence: '6 个中心已于上月起开设夜间门诊，累计接诊 4200 人次。' } },
      },
      { day: -74, by: 'gongwei', command: { type: 'CloseSuggestion', data: {} } },
      // Published, so the public page of a fresh demo shows an answer (公开答复).
      { day: -73, by: 'gongwei', command: { type: 'PublishAnswer', data: {} } },
    ],
  },
  {
    shows: '单独办理，已逾期未答复并已催办（红色）',
    submit: {
      day: -112,
      by: 'daibiao3',
      title: '关于治理主城区道路反复开挖问题的建议',
      content:
        '主城区部分道路一年内多次开挖，供水、燃气、通信管线各自施工，路面“补丁”多，施工围挡长期占道，群众称之为“拉链路”。' +
        '建议：一、建立道路挖掘年度计划统筹制度，同一路段管线同步施工；二、新建道路同步建设综合管廊；三、对施工期限和路面恢复质量实行考核并向社会公开。',
      coSignerIds: ['daibiao1'],
    },
    steps: [
      { day: -110, by: 'gongwei', command: { type: 'AcceptSuggestion', data: {} } },
      { day: -108, by: 'gongwei', command: { type: 'AssignSuggestion', data: { mode: 'sole', unitIds: ['jiaotong'] } } },
      {
        day: -85,
        by: 'jiaotong',
        command: { type: 'ContactDeputy', data: { method: '电话', summary: '电话联系王芳代表，了解其反映的三处反复开挖路段。' } },
      },
      {
        day: -4,
        by: 'duban',
        command: { type: 'UrgeSuggestion', data: { note: '该建议已超过三个月答复期限，请承办单位于五个工作日内书面答复代表并说明逾期原因。' } },
      },
    ],
  },
  {
    shows: '单独办理，三个工作日内到期（黄色）',
    submit: {
      day: { months: -3, days: -6 },
      by: 'daibiao1',
      title: '关于在主要路口增设非机动车待行区的建议',
      content:
        '早晚高峰电动自行车流量大，部分主要路口非机动车与右转机动车冲突突出，事故多发。' +
        '建议：一、在流量较大的路口增设非机动车左转待行区和右转安全岛；二、优化信号配时，设置非机动车专用相位；三、加强路口文明通行宣传和执法。',
      coSignerIds: [],
    },
    steps: [
      { day: { months: -3, days: -3 }, by: 'gongwei', command: { type: 'AcceptSuggestion', data: {} } },
      {
        day: { months: -3, days: 1 },
        by: 'gongwei',
        command: { type: 'AssignSuggestion', data: { mode: 'sole', unitIds: ['jiaotong'] } },
      },
      {
        day: -15,
        by: 'jiaotong',
        command: { type: 'ContactDeputy', data: { method: '走访', summary: '与张伟代表一同查看城南四个主要路口，初步确定待行区设置方案。' } },
      },
    ],
  },
  {
    shows: '已评价，承诺事项已逾期未落实',
    submit: {
      day: -130,
      by: 'daibiao3',
      title: '关于扩大家庭医生签约服务覆盖面的建议',
      content:
        '我市家庭医生签约服务存在“签而不约”现象，老年人、慢性病患者获得感不强。建议：一、充实家庭医生团队；二、为签约居民提供预约转诊、长处方等便利；三、将签约服务质量纳入社区卫生服务中心考核。',
      coSignerIds: [],
    },
    steps: [
      { day: -129, by: 'gongwei', command: { type: 'AcceptSuggestion', data: {} } },
      { day: -127, by: 'gongwei', command: { type: 'AssignSuggestion', data: { mode: 'sole', unitIds: ['weijian'] } } },
      {
        day: -100,
        by: 'weijian',
        command: { type: 'ContactDeputy', data: { method: '座谈', summary: '邀请王芳代表参加家庭医生签约服务座谈会。' } },
      },
      {
        day: -62,
        by: 'weijian',
        command: {
          type: 'AnswerSuggestion',
          data: {
            category: 'B',
            content: '已制定家庭医生签约服务提质方案，为重点人群开通预约转诊绿色通道；长处方政策正在与医保部门协调。',
            signedBy: '郑红（主任）',
            commitments: [{ description: '对签约的慢性病患者全面实行长处方（最长 12 周）', dueAt: '+45' }],
          },
        },
      },
      { day: -55, by: 'daibiao3', command: { type: 'RateSuggestion', data: { attitude: 'satisfied', result: 'basically_satisfied' } } },
    ],
  },
];
