// Generates meetings/2021-09-*-周调度.yaml: four weekly dispatch meetings (周调度会) on seeds/pinglu-2021.yaml.
// Sample data: the meetings, their wording, decisions and the people named (other than 马占文, 寇志坚 and 贾永,
// who appear in the report) are invented. The light and reasons of each item are computed here, as the app
// would have shown them on the meeting's as_of, from the register's figures wound back to that day
// (年度累计 less the part of the September amount not yet done). Run after gen-pinglu-seed.mjs.
/* global console, URL */
import { assess, block, cnDate, listItem, readYaml, writeChecked } from './seed-kit.mjs';

const REGISTER = new URL('../seeds/pinglu-2021.yaml', import.meta.url);
const DIR = new URL('../meetings/', import.meta.url);
const reg = readYaml(REGISTER);
const byName = new Map(reg.projects.map((p) => [p.name, p]));
const P = (name) => {
  const p = byName.get(name);
  if (!p) throw new Error(`no project ${name}`);
  return p;
};

// 区领导 and 局长 names other than 马占文/寇志坚/贾永 are invented (sample), and so are their 职务
// (马占文 is 区委书记 in the report). Written "姓名（职务）" as docs/formats.md#meeting-header allows.
const LEADERS = ['王晓峰', '张建国', '刘志宏', '赵永清', '高瑞军', '郭丽萍'];
const TITLE = {
  马占文: '区委书记',
  王晓峰: '区委副书记',
  张建国: '常务副区长',
  刘志宏: '副区长',
  赵永清: '副区长',
  高瑞军: '副区长',
  郭丽萍: '副区长',
};
const titled = (name) => (TITLE[name] ? `${name}（${TITLE[name]}）` : name);
const HEAD = {
  区发改局: '赵鹏飞',
  区工信局: '周海涛',
  区能源局: '杨国栋',
  区住建局: '王建斌',
  区交通局: '孙继平',
  区自然资源局: '韩志刚',
  区农业农村局: '张瑞林',
  区水利局: '刘文亮',
  区文旅局: '李春梅',
  区教科局: '白海燕',
  区卫体局: '马丽君',
  开发区管委会: '寇志坚',
  井坪镇: '武建新',
  凤凰城镇: '闫振华',
};
const UNITS = Object.keys(HEAD);
const ATTENDING = ['区委办督查室', '区政府办督查室', '区项目推进中心', '有关项目建设单位负责人'];

// share of the September amount (completed_month) already done on each meeting's as_of
const SEPT_SHARE = { '2021-08-31': 0, '2021-09-10': 0.35, '2021-09-17': 0.6, '2021-09-24': 0.85 };

const d = (text, unit, due, owner = HEAD[unit]) => ({ text, unit, owner, due });

const MEETINGS = [
  {
    date: '2021-09-06',
    number: 30,
    as_of: '2021-08-31',
    chair: '马占文',
    place: '区委四楼会议室',
    absent: ['郭丽萍（外出学习）'],
    items: [
      [
        '下水头乡100MW风电项目',
        '区能源局汇报：15台风机基础已浇筑，送出线路接入系统方案已报省电力公司，尚未批复，影响升压站设备订货。',
        [
          d('区能源局牵头对接省电力公司，加快风电场送出线路接入系统方案批复', '区能源局', '2021-09-15'),
          d('督促施工单位增加作业班组，9月底前完成剩余风机基础浇筑', '区能源局', '2021-09-30'),
        ],
      ],
      [
        '平鲁至阻虎旅游公路建设工程',
        '区交通局汇报：路基完成24公里；阻虎乡段3户农户对征地补偿标准有异议，约2公里路基无法施工。',
        [
          d(
            '区自然资源局会同阻虎乡做好3户农户征地补偿协商工作，9月20日前交付施工用地',
            '区自然资源局',
            '2021-09-20',
          ),
          d(
            '区交通局督促施工单位在已交付路段增加作业面，确保10月底前完成路面底基层',
            '区交通局',
            '2021-10-31',
          ),
        ],
      ],
      [
        '七里河平鲁段综合治理工程',
        '区水利局汇报：受7月汛期影响，主河槽疏浚未按汛前节点完成，目前完成75%。',
        [d('区水利局督促施工单位增加挖掘机和运输车辆，9月20日前完成主河槽疏浚', '区水利局', '2021-09-20')],
      ],
      [
        '井坪商贸综合体项目',
        '建设单位资金紧张，拖欠工程款，施工单位7月中旬起停工。',
        [d('区住建局牵头约谈建设单位和施工单位，9月10日前拿出复工方案', '区住建局', '2021-09-10')],
      ],
      [
        '平鲁区肉羊全产业链发展项目',
        '区农业农村局汇报：圈舍建成12栋，屠宰加工车间尚未开工，企业资金到位偏慢。',
        [
          d(
            '区农业农村局帮助企业申报畜牧业发展专项资金，督促加快圈舍和加工车间建设，每周报送进度',
            '区农业农村局',
            '2021-09-17',
          ),
        ],
      ],
      [
        '华朔德光碳基新材料项目',
        '开发区管委会汇报：立项、环评、能评、土地出让等前期手续已全部完成，施工队伍正在比选。',
        [
          d(
            '开发区管委会全程帮办，督促企业9月底前确定施工队伍并进场，尽快开工建设',
            '开发区管委会',
            '2021-09-30',
            '贾永',
          ),
        ],
      ],
      [
        '50万吨矿产资源及废物综合利用项目',
        '一号联合车间主体施工中；隧道窑设备厂家排产紧张，预计延迟到货。',
        [d('开发区管委会协调设备供应商，督促隧道窑设备9月底前全部到货', '开发区管委会', '2021-09-30')],
      ],
    ],
    followups: [],
  },
  {
    date: '2021-09-13',
    number: 31,
    as_of: '2021-09-10',
    chair: '王晓峰',
    place: '区政府三楼会议室',
    absent: [],
    items: [
      [
        '井坪新城集中供热管网改造工程',
        '区住建局汇报：一级管网铺设完成70%，3座换热站设备安装中，距采暖期不足两个月。',
        [
          d(
            '区住建局督促施工单位增加作业面，确保10月10日前一级管网主体完工、10月15日前具备试供热条件',
            '区住建局',
            '2021-10-15',
          ),
        ],
      ],
      [
        '平鲁区井坪第二中学教学综合楼项目',
        '主体施工至四层，原定9月20日主体封顶难以实现。',
        [d('区教科局督促施工单位增加作业面，确保10月底主体封顶', '区教科局', '2021-10-31')],
      ],
      [
        '平鲁区长城旅游公路配套服务设施项目',
        '观景平台基础施工中；服务驿站涉及林地，占用手续尚未批复，无法开工。',
        [d('区自然资源局加快服务驿站林地占用手续报批，10月底前取得批复', '区自然资源局', '2021-10-31')],
      ],
      [
        '平鲁区100MW/200MWh储能电站项目',
        '项目已备案，用地指标未落实，接入系统方案待批复，至今未开工。',
        [
          d(
            '区自然资源局会同区能源局协调落实项目用地指标，9月24日前拿出用地方案',
            '区自然资源局',
            '2021-09-24',
          ),
        ],
      ],
      [
        '华兴煤业选煤厂改扩建项目',
        '企业按环保督察反馈意见整改储煤场全封闭问题，8月上旬起停工。',
        [
          d(
            '区能源局督促企业制定整改方案，9月25日前完成储煤场全封闭整改并申请验收',
            '区能源局',
            '2021-09-25',
          ),
        ],
      ],
      [
        '井坪新城老旧小区改造项目（二期）',
        '外墙保温完成15栋，须在供暖季前完成外墙施工。',
        [d('区住建局督促施工单位9月20日前完成外墙保温施工', '区住建局', '2021-09-20')],
      ],
    ],
    followups: [
      ['2021-09-06-01', '推进中', '方案已报省电力公司经济技术研究院，计划9月下旬召开评审会'],
      ['2021-09-06-02', '推进中', '新增2个作业班组，已完成17台风机基础'],
      ['2021-09-06-03', '推进中', '已与2户农户达成补偿协议，剩余1户仍在协商'],
      ['2021-09-06-05', '推进中', '主河槽疏浚完成82%'],
      ['2021-09-06-06', '已落实', '9月9日已约谈建设单位，企业承诺筹措资金，力争10月中旬复工'],
      ['2021-09-06-07', '推进中', '专项资金申报材料已报市农业农村局'],
    ],
  },
  {
    // 9月20—21日中秋节放假，本周调度会改在周三
    date: '2021-09-22',
    number: 32,
    as_of: '2021-09-17',
    chair: '马占文',
    place: '区委四楼会议室',
    absent: ['刘志宏（赴省参加招商活动）'],
    items: [
      [
        '下水头乡100MW风电项目',
        '送出线路接入系统方案已通过评审，批复文件尚未下达；首批风机设备10月上旬到货。',
        [d('区政府分管领导带队赴省电力公司对接，9月30日前取得接入系统批复', '区能源局', '2021-09-30')],
      ],
      [
        '平鲁至阻虎旅游公路建设工程',
        '剩余1户农户仍未签订补偿协议，约600米路基无法施工。',
        [
          d(
            '阻虎乡、区自然资源局依法依规做好剩余1户农户工作，10月10日前交付全部施工用地',
            '区自然资源局',
            '2021-10-10',
          ),
        ],
      ],
      [
        '平鲁区城乡冷链物流中心项目',
        '冷库钢结构安装中，企业自筹资金未按计划到位。',
        [
          d(
            '区发改局协调金融机构与企业开展项目贷款对接，督促10月20日前冷库主体完工',
            '区发改局',
            '2021-10-20',
          ),
        ],
      ],
      [
        '平鲁区历史遗留矿山生态修复治理项目',
        '边坡削坡完成55%，施工机械不足。',
        [d('区自然资源局督促施工单位增加机械设备，10月15日前完成边坡治理', '区自然资源局', '2021-10-15')],
      ],
      [
        '华兴煤业选煤厂改扩建项目',
        '整改方案涉及储煤场改造和环评变更，需多部门联合审查。',
        [d('区能源局牵头制定整改验收工作方案，9月28日前报区政府', '区能源局', '2021-09-28')],
      ],
      [
        '平鲁区农村饮水安全巩固提升工程',
        '完成44个村管网铺设，剩余14个村正在施工。',
        [d('区水利局9月底前完成剩余村管网铺设并通水', '区水利局', '2021-09-30')],
      ],
      [
        '平鲁区农村公路提质改造工程',
        '路面铺设完成80公里，沥青供应紧张。',
        [d('区交通局协调沥青供应，督促施工单位9月26日前完成凤凰城段路面摊铺', '区交通局', '2021-09-26')],
      ],
    ],
    followups: [
      ['2021-09-06-01', '推进中', '评审会已召开，待省电力公司出具批复意见'],
      ['2021-09-06-03', '推进中', '剩余1户仍未达成协议，阻虎乡正在做工作'],
      ['2021-09-06-05', '推进中', '主河槽疏浚完成93%'],
      ['2021-09-06-07', '已落实', '专项资金已申报，企业已建立每周进度报送制度'],
      ['2021-09-13-04', '推进中', '用地方案初稿已形成'],
      ['2021-09-13-05', '撤销', '整改涉及多部门，改由2021-09-22-05统筹督办'],
      ['2021-09-13-06', '已落实', '9月19日完成全部外墙保温施工'],
    ],
  },
  {
    date: '2021-09-27',
    number: 33,
    as_of: '2021-09-24',
    chair: '马占文',
    place: '区委四楼会议室',
    absent: [],
    items: [
      [
        '平鲁区肉羊全产业链发展项目',
        '屠宰加工车间基础施工完成，圈舍建设按周推进，投资完成率仍然偏低。',
        [
          d(
            '区农业农村局督促企业加快屠宰加工车间主体施工，10月15日前完成主体结构',
            '区农业农村局',
            '2021-10-15',
          ),
        ],
      ],
      [
        '平鲁区高标准农田建设项目',
        '土地平整完成1.1万亩；秋收期间部分地块无法施工。',
        [
          d(
            '区农业农村局督促施工单位抢抓秋收后有利时机，10月底前完成田间道路和灌溉设施建设',
            '区农业农村局',
            '2021-10-31',
          ),
        ],
      ],
      [
        '华朔德光碳基新材料项目',
        '施工单位已确定，临时设施正在搭建，施工许可证正在办理。',
        [
          d('区住建局开辟绿色通道，10月8日前为项目办结施工许可证', '区住建局', '2021-10-08'),
          d('开发区管委会做好开工各项准备，确保10月中旬开工建设', '开发区管委会', '2021-10-15', '贾永'),
        ],
      ],
      [
        '平鲁区城市污水处理厂提标改造工程',
        '生化池主体施工受雨季影响滞后，深度处理车间设备安装中。',
        [
          d(
            '区住建局督促施工单位增加作业班组，10月20日前完成生化池主体，11月15日前通水调试',
            '区住建局',
            '2021-10-20',
          ),
        ],
      ],
      [
        '平鲁区全民健身中心项目',
        '施工图审查已完成，施工许可正在办理，计划10月上旬开工。',
        [d('区卫体局加快办理施工许可等手续，10月10日前开工建设', '区卫体局', '2021-10-10')],
      ],
    ],
    followups: [
      ['2021-09-06-01', '推进中', '省电力公司批复意见正在会签'],
      ['2021-09-06-02', '推进中', '已完成21台风机基础'],
      ['2021-09-06-03', '推进中', '剩余1户仍在协商，已在9月22日调度会上重新明确时限，继续督办'],
      ['2021-09-06-05', '已落实', '9月24日主河槽疏浚全部完成', '2021-09-24'],
      ['2021-09-06-08', '推进中', '施工单位已确定，临时设施搭建中'],
      ['2021-09-06-09', '推进中', '隧道窑设备已到货80%'],
      ['2021-09-13-01', '推进中', '一级管网铺设完成85%'],
      ['2021-09-13-04', '推进中', '用地方案已报区政府，待研究'],
      ['2021-09-22-05', '推进中', '整改验收工作方案已编制，正在征求相关部门意见'],
      ['2021-09-22-06', '推进中', '剩余6个村正在施工'],
    ],
  },
];

// ---- build ----
const decided = []; // {id, text, unit, due, project, meeting}
const heard = new Map(); // decision id → latest status heard at an earlier meeting
for (const m of MEETINGS) {
  // lights as at the meeting: decisions of earlier meetings still open and past due count (逾期未落实)
  const openBefore = (projectId) =>
    decided.filter((x) => x.project === projectId && !['已落实', '撤销'].includes(heard.get(x.id)));
  // every project as the app saw it when the meeting opened: figures wound back to as_of, decisions
  // judged on the meeting day (the recorder's snapshot, docs/formats.md#meeting-header)
  const seen = new Map();
  for (const p of reg.projects) {
    const completedYear = p.completed_year - (p.completed_month ?? 0) * (1 - SEPT_SHARE[m.as_of]);
    const a = assess(p, m.as_of, { completedYear, openDecisions: openBefore(p.id), decisionDay: m.date });
    const started =
      ['在建', '竣工', '投产'].includes(p.stage) && (!p.actual_start || p.actual_start <= m.as_of);
    seen.set(p.id, { p, a, completedYear, started });
  }
  const figuresOf = ({ p, a, completedYear }) => ({
    annual_plan: p.annual_plan,
    completed_year: Math.round(completedYear * 100) / 100,
    ...(a.rate === null ? {} : { completion_rate: Math.round(a.rate * 10000) / 10000 }),
    time_progress: Math.round(a.tp * 10000) / 10000,
  });
  const all = [...seen.values()];
  const count = (f) => all.filter(f).length;
  const sum = (f) => Math.round(all.reduce((t, x) => t + f(x), 0) * 100) / 100;
  const snapshot = {
    projects: all.length,
    total_investment: sum((x) => x.p.total_investment),
    started: count((x) => x.started && ['新建', '续建'].includes(x.p.nature)),
    new_projects: count((x) => x.p.nature === '新建'),
    new_started: count((x) => x.started && x.p.nature === '新建'),
    annual_plan: sum((x) => x.p.annual_plan),
    completed_year: sum((x) => x.completedYear),
    // 本月完成投资 of the data month is not known for the wound-back days: left out (absent, not 0)
    time_progress: Math.round(all[0].a.tp * 10000) / 10000,
    red: count((x) => x.a.light === '红'),
    yellow: count((x) => x.a.light === '黄'),
    green: count((x) => x.a.light === '绿'),
  };
  let seq = 0;
  const items = m.items.map(([name, notes, decisions]) => {
    const x = seen.get(P(name).id);
    const { p, a } = x;
    if (a.light === '绿') throw new Error(`${m.date} ${name} is green on ${m.as_of}`);
    const ds = decisions.map((y) => ({ id: `${m.date}-${String(++seq).padStart(2, '0')}`, ...y }));
    for (const y of ds) decided.push({ ...y, project: p.id, meeting: m.date });
    return {
      project: p.id,
      light: a.light,
      reasons: a.flags.map((f) => f.reason),
      figures: figuresOf(x),
      discussed: true,
      notes,
      decisions: ds,
    };
  });
  // the rest of the agenda the app built (red, then yellow), not taken up at the meeting
  const onAgenda = new Set(items.map((it) => it.project));
  const rest = all
    .filter((x) => x.a.light !== '绿' && !onAgenda.has(x.p.id))
    .sort((a, b) => (a.a.light === b.a.light ? 0 : a.a.light === '红' ? -1 : 1));
  for (const x of rest) {
    items.push({
      project: x.p.id,
      light: x.a.light,
      reasons: x.a.flags.map((f) => f.reason),
      figures: figuresOf(x),
      decisions: [],
    });
  }
  for (const [id] of m.followups) {
    const x = decided.find((y) => y.id === id);
    if (!x || x.meeting >= m.date) throw new Error(`${m.date}: follow-up of unknown decision ${id}`);
  }
  const followups = m.followups.map(([decision, status, note, done_on]) =>
    done_on ? { decision, status, note, done_on } : { decision, status, note },
  );
  for (const f of followups) heard.set(f.decision, f.status);

  const present = [...LEADERS.filter((l) => !m.absent.some((a) => a.startsWith(l))).map(titled), ...UNITS];
  const meeting = {
    date: m.date,
    kind: '周调度',
    number: m.number,
    title: '全区重点工程项目周调度会',
    chair: titled(m.chair),
    place: m.place,
    present,
    absent: m.absent,
    attending: ATTENDING,
    register: '../seeds/pinglu-2021.yaml',
    as_of: m.as_of,
    snapshot,
    closed: true,
  };
  const header = [
    `平鲁区重点工程项目周调度会（第${m.number}期，${cnDate(m.date)}）——示例数据 / sample data`,
    '会议、发言、议定事项和人名均为虚构（马占文、寇志坚、贾永见报道 ../shared/seeds/001_de1da32a0989d13b.txt），',
    '由 scripts/gen-pinglu-meetings.mjs 生成；各项目的灯色和原因按当时的数据截至日（as_of）计算。',
  ];
  const text =
    `${header.map((l) => `# ${l}`).join('\n')}\n` +
    `${block({ meeting }, 0, { flowMapKeys: new Set(['snapshot']) })}\n` +
    `items:\n${items.map((it) => listItem(it, 2, { blockSeqKeys: new Set(['reasons']), flowMapKeys: new Set(['figures']) })).join('\n')}\n` +
    (followups.length
      ? `followups:\n${followups.map((f) => listItem(f, 2)).join('\n')}\n`
      : 'followups: []\n');
  writeChecked(new URL(`${m.date}-周调度.yaml`, DIR), text, { meeting, items, followups });
  console.log(
    `${m.date}: ${items.length} items, ${items.reduce((s, it) => s + it.decisions.length, 0)} decisions, ${followups.length} follow-ups`,
  );
  for (const it of items) console.log(`  ${it.project} ${it.light} ${it.reasons.join('；')}`);
}

// state of every decision on the register's as_of
const day = reg.register.as_of;
for (const x of decided) {
  const s = heard.get(x.id);
  const state = s === '已落实' || s === '撤销' ? s : x.due < day ? '逾期' : '未到期';
  console.log(`${x.id} ${state.padEnd(3, '　')} ${x.unit} 时限${x.due} ${s ?? '无跟进'}`);
}
