// Generates seeds/pinglu-2021.yaml: the main sample register (平鲁区2021年重点工程项目台账).
// The report (../shared/seeds/001_…txt) fixes: 171 projects, 161 started, total 264.2亿元, data to end of
// September 2021, and a handful of real projects, companies and officials. Everything else is sample data,
// generated here from a fixed seed so that running `node scripts/gen-pinglu-seed.mjs` again gives the same file.
/* global console, URL, structuredClone */
import { mkdirSync } from 'node:fs';
import { addDays, assess, clean, isStarted, registerText, rng, writeChecked } from './seed-kit.mjs';

const OUT = new URL('../seeds/pinglu-2021.yaml', import.meta.url);
const AS_OF = '2021-09-30';
const TARGET_TOTAL = 2642000; // 264.2亿元 in 万元
const TARGET_COUNT = 171;
const TARGET_STARTED = 161;
const r = rng(20210930);

// Leaders (包联领导). 马占文 is named in the report; the other names are invented for the sample.
const L = {
  ma: '马占文', // 区委书记
  wang: '王晓峰', // 区长 (sample)
  zhang: '张建国', // 常务副区长 (sample)
  liu: '刘志宏', // 副区长，分管工业和开发区 (sample)
  zhao: '赵永清', // 副区长，分管城建交通 (sample)
  gao: '高瑞军', // 副区长，分管农业水利 (sample)
  guo: '郭丽萍', // 副区长，分管教科文卫 (sample)
};

// 责任单位: [name, project count, default leader, bias on the completion rate of healthy projects]
const UNITS = [
  ['开发区管委会', 24, L.liu, 0.06],
  ['区发改局', 12, L.zhang, 0.0],
  ['区工信局', 14, L.liu, 0.02],
  ['区能源局', 18, L.zhang, 0.04],
  ['区住建局', 18, L.zhao, -0.02],
  ['区交通局', 12, L.zhao, -0.05],
  ['区自然资源局', 10, L.zhao, 0.03],
  ['区农业农村局', 16, L.gao, 0.09],
  ['区水利局', 10, L.gao, -0.03],
  ['区文旅局', 8, L.guo, -0.06],
  ['区教科局', 9, L.guo, 0.05],
  ['区卫体局', 7, L.guo, 0.01],
  ['井坪镇', 7, L.zhao, 0.08],
  ['凤凰城镇', 6, L.gao, 0.06],
];

// ---- notable projects: the report's real ones, and the sample stories the meetings are about ----
// Amounts in 万元. `prior` = invested before 2021 (for 续建).
const NOTABLE = [
  {
    name: '海泰新能光伏高效组件项目',
    nature: '新建',
    stage: '在建',
    unit: '开发区管委会',
    leader: L.ma,
    owner: '海泰新能朔州有限公司',
    area: '北坪循环经济园区',
    industry: '新能源',
    content: '建设光伏高效组件生产车间及配套设施，购置自动化组件生产线',
    total: 36000,
    plan: 30000,
    cy: 25500,
    cm: 4200,
    planned_start: '2021-04-01',
    actual_start: '2021-04-08',
    planned_finish: '2021-11-30',
    progress: '厂房主体及附属设施完工，生产设备已进场安装，计划11月中旬投入试运行',
    contact: '刘建海',
    milestones: [
      { name: '厂房主体完工', planned: '2021-07-31', done: '2021-07-26' },
      { name: '生产设备进场', planned: '2021-09-15', done: '2021-09-13' },
      { name: '设备调试完成', planned: '2021-11-05' },
      { name: '投入试运行', planned: '2021-11-15' },
    ],
    problems: [
      {
        text: '项目备案、规划、施工许可等手续办理时间紧',
        unit: '开发区管委会',
        raised: '2021-03-20',
        due: '2021-04-20',
        resolved: '2021-04-06',
        resolution: '开发区服务中心全程帮办代办，不到一个月办结全部手续',
      },
    ],
  },
  {
    name: '50万吨矿产资源及废物综合利用项目',
    nature: '新建',
    stage: '在建',
    unit: '开发区管委会',
    leader: L.liu,
    owner: '山西昌昕矿产资源综合利用科技有限公司',
    area: '北坪循环经济园区',
    industry: '固废综合利用',
    content: '建设一号联合车间、隧道窑及配套设施，年消化煤矸石20万吨，生产陶瓷级高岭土12万吨',
    total: 25000,
    plan: 18000,
    cy: 9900,
    cm: 1500,
    planned_start: '2021-04-15',
    actual_start: '2021-04-26',
    planned_finish: '2021-12-31',
    progress: '一号联合车间主体施工中，隧道窑基础完成，设备陆续到货',
    contact: '寇志坚',
    milestones: [
      { name: '一号联合车间主体完工', planned: '2021-09-15' },
      { name: '隧道窑安装完成', planned: '2021-11-30' },
      { name: '一号联合车间投入运行', planned: '2021-12-31' },
    ],
    problems: [
      {
        text: '隧道窑设备供货延迟，影响安装进度',
        unit: '开发区管委会',
        raised: '2021-09-01',
        due: '2021-10-15',
      },
    ],
  },
  {
    name: '中信重工特种智能机器人产业基地项目',
    nature: '续建',
    stage: '在建',
    unit: '开发区管委会',
    leader: L.liu,
    owner: '中信重工',
    area: '北坪循环经济园区',
    industry: '装备制造',
    content: '建设矿山智能装备研发中心及特种智能机器人生产线，形成研发、生产、销售、服务一体化产业基地',
    total: 60000,
    prior: 32000,
    plan: 16000,
    cy: 13300,
    cm: 1600,
    planned_start: '2020-05-10',
    actual_start: '2020-05-18',
    planned_finish: '2022-06-30',
    progress: '二期生产车间主体完工，井下巡检机器人生产线设备安装中',
  },
  {
    name: '华朔德光碳基新材料项目',
    nature: '新建',
    stage: '前期',
    unit: '开发区管委会',
    leader: L.ma,
    area: '北坪循环经济园区',
    industry: '新材料',
    content: '建设超高模量碳纤维原料、针状焦、石墨电极生产线',
    total: 120000,
    plan: 15000,
    cy: 1950,
    cm: 350,
    planned_start: '2021-08-15',
    planned_finish: '2023-06-30',
    progress: '已完成立项备案、环评、能评、土地出让等前期手续，施工单位已确定，即将开工建设',
    contact: '贾永',
    problems: [{ text: '施工许可证尚未办理', unit: '区住建局', raised: '2021-09-06', due: '2021-10-08' }],
  },
  {
    name: '北新建材年产4000万平方米纸面石膏板生产线及年产5000吨轻钢龙骨生产线项目',
    nature: '新建',
    stage: '在建',
    unit: '开发区管委会',
    leader: L.liu,
    owner: '北新建材（朔州）有限公司',
    area: '北坪循环经济园区',
    industry: '新材料',
    content: '建设年产4000万平方米纸面石膏板生产线及年产5000吨轻钢龙骨生产线，综合利用电厂脱硫石膏',
    total: 27700,
    plan: 20000,
    cy: 16200,
    cm: 2600,
    planned_start: '2021-04-20',
    actual_start: '2021-05-06',
    planned_finish: '2022-03-31',
    progress: '主体工程基本完成，正在进行生产线设备安装，预计明年3月投入运行',
    milestones: [
      { name: '主体工程完工', planned: '2021-09-30', done: '2021-09-28' },
      { name: '生产线设备安装完成', planned: '2021-12-31' },
    ],
  },
  {
    name: '平鲁区城乡冷链物流中心项目',
    nature: '新建',
    stage: '在建',
    unit: '区发改局',
    owner: '平鲁区城乡冷链物流有限公司',
    area: '井坪新城',
    industry: '商贸物流',
    content: '建设冷库2万吨、农产品分拣配送中心及冷链信息平台',
    total: 18000,
    plan: 12000,
    cy: 6600,
    cm: 900,
    planned_start: '2021-05-01',
    actual_start: '2021-05-20',
    planned_finish: '2022-06-30',
    progress: '冷库钢结构安装中，分拣中心基础施工完成',
    problems: [
      { text: '企业自筹资金未按计划到位', unit: '区发改局', raised: '2021-08-25', due: '2021-10-31' },
    ],
  },
  {
    name: '平鲁区综合物流园区项目',
    nature: '前期',
    stage: '前期',
    unit: '区发改局',
    area: '北坪循环经济园区',
    industry: '商贸物流',
    content: '规划建设公铁联运物流园区，含仓储、分拨中心及信息交易中心',
    total: 85000,
    plan: 0,
    cy: 0,
    progress: '正在开展规划选址和可行性研究',
  },
  {
    name: '年产5万吨煤基活性炭项目',
    nature: '新建',
    stage: '在建',
    unit: '区工信局',
    owner: '朔州鑫炭新材料有限公司',
    area: '北坪循环经济园区',
    industry: '新材料',
    content: '建设炭化、活化生产线及成品库，年产煤基活性炭5万吨',
    total: 32000,
    plan: 20000,
    cy: 9800,
    cm: 1200,
    planned_start: '2021-05-10',
    actual_start: '2021-06-02',
    planned_finish: '2022-08-31',
    progress: '主厂房基础施工，炭化炉等主要设备已订货',
    problems: [{ text: '项目能耗指标尚未批复', unit: '区发改局', raised: '2021-07-10', due: '2021-10-31' }],
  },
  {
    name: '下水头乡100MW风电项目',
    nature: '新建',
    stage: '在建',
    unit: '区能源局',
    owner: '朔州平鲁风能开发有限公司',
    area: '下水头乡',
    industry: '新能源',
    content: '安装单机容量4兆瓦风电机组25台，配套建设110千伏升压站及集电线路',
    total: 68000,
    plan: 40000,
    cy: 10400,
    cm: 2800,
    planned_start: '2021-04-20',
    actual_start: '2021-05-15',
    planned_finish: '2021-12-31',
    progress: '已完成15台风机基础浇筑，升压站土建施工中',
    milestones: [
      { name: '风机基础全部完成', planned: '2021-08-31' },
      { name: '首台风机吊装', planned: '2021-10-15' },
    ],
    problems: [
      {
        text: '风电场送出线路接入系统方案尚未批复',
        unit: '区能源局',
        raised: '2021-08-20',
        due: '2021-09-15',
      },
    ],
  },
  {
    name: '白堂乡50MW光伏发电项目',
    nature: '新建',
    stage: '在建',
    unit: '区能源局',
    owner: '朔州平鲁光伏发电有限公司',
    area: '白堂乡',
    industry: '新能源',
    content: '建设50兆瓦光伏阵列、35千伏集电线路及储能设施',
    total: 22000,
    plan: 18000,
    cy: 10980,
    cm: 2100,
    planned_start: '2021-05-15',
    actual_start: '2021-06-01',
    planned_finish: '2021-12-31',
    progress: '光伏支架安装完成70%，组件安装同步推进',
  },
  {
    name: '平鲁区100MW/200MWh储能电站项目',
    nature: '新建',
    stage: '前期',
    unit: '区能源局',
    owner: '朔州平鲁储能科技有限公司',
    area: '北坪循环经济园区',
    industry: '新能源',
    content: '建设100兆瓦/200兆瓦时电化学储能电站及220千伏升压站',
    total: 40000,
    plan: 12000,
    cy: 720,
    cm: 0,
    planned_start: '2021-07-20',
    planned_finish: '2022-06-30',
    progress: '已完成项目备案，接入系统方案及项目用地正在办理',
    problems: [
      { text: '项目用地指标尚未落实', unit: '区自然资源局', raised: '2021-08-10', due: '2021-10-31' },
    ],
  },
  {
    name: '平鲁区氢能综合利用示范项目',
    nature: '前期',
    stage: '前期',
    unit: '区能源局',
    area: '北坪循环经济园区',
    industry: '新能源',
    content: '利用焦炉煤气和可再生能源制氢，建设加氢站及氢能重卡示范运营线',
    total: 60000,
    plan: 300,
    cy: 260,
    cm: 40,
    progress: '完成项目建议书，可行性研究报告编制中',
  },
  {
    name: '华兴煤业选煤厂改扩建项目',
    nature: '续建',
    stage: '停工',
    unit: '区能源局',
    owner: '山西平鲁华兴煤业有限公司',
    area: '高石庄乡',
    industry: '煤炭',
    content: '选煤厂由120万吨/年改扩建至300万吨/年，建设全封闭储煤场',
    total: 15000,
    prior: 6000,
    plan: 9000,
    cy: 2700,
    cm: 0,
    planned_start: '2020-06-01',
    actual_start: '2020-06-15',
    planned_finish: '2021-12-31',
    progress: '受环保督察整改影响，8月上旬起停工整改',
    problems: [
      {
        text: '环保督察反馈的储煤场全封闭问题整改未完成',
        unit: '区能源局',
        raised: '2021-08-06',
        due: '2021-10-15',
      },
    ],
  },
  {
    name: '鑫源煤业智能化矿井建设项目',
    nature: '续建',
    stage: '在建',
    unit: '区能源局',
    owner: '山西平鲁鑫源煤业有限公司',
    area: '阻虎乡',
    industry: '煤炭',
    content: '建设智能化综采工作面、井下5G通信网络及智能管控平台',
    total: 18000,
    prior: 7000,
    plan: 11000,
    cy: 8800,
    cm: 1100,
    planned_start: '2020-07-01',
    actual_start: '2020-07-12',
    planned_finish: '2021-12-31',
    progress: '智能化综采工作面设备安装完成，井下通信网络建设中',
    problems: [{ text: '井下5G通信设备供货延迟', unit: '区工信局', raised: '2021-08-15', due: '2021-09-25' }],
  },
  {
    name: '井坪新城集中供热管网改造工程',
    nature: '续建',
    stage: '在建',
    unit: '区住建局',
    owner: '平鲁区热力有限公司',
    area: '井坪新城',
    industry: '城市建设',
    content: '改造一、二级供热管网28公里，新建换热站6座',
    total: 16000,
    prior: 4000,
    plan: 12000,
    cy: 6720,
    cm: 1500,
    planned_start: '2020-07-01',
    actual_start: '2020-07-10',
    planned_finish: '2021-10-31',
    progress: '一级管网铺设完成75%，3座换热站设备安装中',
    milestones: [
      { name: '一级管网铺设完成', planned: '2021-10-10' },
      { name: '具备试供热条件', planned: '2021-10-15' },
    ],
  },
  {
    name: '井坪新城老旧小区改造项目（二期）',
    nature: '新建',
    stage: '在建',
    unit: '区住建局',
    area: '井坪新城',
    industry: '城市建设',
    content: '改造老旧小区23个，涉及住户3100户，实施外墙保温、屋面防水及管网改造',
    total: 9800,
    plan: 9800,
    cy: 5100,
    cm: 1300,
    planned_start: '2021-04-15',
    actual_start: '2021-05-08',
    planned_finish: '2021-10-31',
    progress: '完成外墙保温施工18栋，屋面防水及管网改造推进中',
    milestones: [{ name: '外墙保温完工', planned: '2021-09-20', done: '2021-09-19' }],
  },
  {
    name: '平鲁区城市污水处理厂提标改造工程',
    nature: '续建',
    stage: '在建',
    unit: '区住建局',
    area: '井坪新城',
    industry: '城市建设',
    content: '污水处理规模2万吨/日，出水由一级A提标至地表水准Ⅳ类',
    total: 8600,
    prior: 2200,
    plan: 6400,
    cy: 4992,
    cm: 600,
    planned_start: '2020-09-01',
    actual_start: '2020-09-20',
    planned_finish: '2021-11-30',
    progress: '深度处理车间设备安装中，生化池主体施工滞后',
    milestones: [
      { name: '生化池主体完工', planned: '2021-08-15' },
      { name: '通水调试', planned: '2021-11-15' },
    ],
  },
  {
    name: '井坪商贸综合体项目',
    nature: '续建',
    stage: '停工',
    unit: '区住建局',
    owner: '朔州鼎盛房地产开发有限公司',
    area: '井坪新城',
    industry: '商贸物流',
    content: '建设商业综合体及地下停车场，总建筑面积12万平方米',
    total: 45000,
    prior: 21000,
    plan: 15000,
    cy: 3200,
    cm: 0,
    planned_start: '2019-05-01',
    actual_start: '2019-05-20',
    planned_finish: '2022-10-31',
    progress: '因建设单位资金紧张，7月中旬起停工',
    problems: [
      { text: '建设单位拖欠工程款，施工单位停工', unit: '区住建局', raised: '2021-07-20', due: '2021-10-20' },
    ],
  },
  {
    name: '平鲁至阻虎旅游公路建设工程',
    nature: '续建',
    stage: '在建',
    unit: '区交通局',
    area: '阻虎乡',
    industry: '交通基础设施',
    content: '新建二级公路32公里，配套桥涵、观景台及安全设施',
    total: 52000,
    prior: 12000,
    plan: 30000,
    cy: 11100,
    cm: 2400,
    planned_start: '2020-08-10',
    actual_start: '2020-08-20',
    planned_finish: '2022-09-30',
    progress: '路基完成26公里，桥涵完成11座，阻虎段征地影响施工',
    milestones: [
      { name: '路基工程完成', planned: '2021-08-31' },
      { name: '路面底基层完成', planned: '2021-10-31' },
    ],
    problems: [
      {
        text: '阻虎乡3户农户征地补偿未达成一致，影响施工用地交付',
        unit: '区自然资源局',
        raised: '2021-08-20',
        due: '2021-09-20',
      },
    ],
  },
  {
    name: '平鲁区农村公路提质改造工程',
    nature: '新建',
    stage: '在建',
    unit: '区交通局',
    area: '凤凰城镇',
    industry: '交通基础设施',
    content: '改造提升农村公路120公里',
    total: 12000,
    plan: 12000,
    cy: 7080,
    cm: 1600,
    planned_start: '2021-04-01',
    actual_start: '2021-04-15',
    planned_finish: '2021-10-31',
    progress: '完成路面铺设86公里，剩余路段加紧摊铺',
  },
  {
    name: '平鲁区通用机场项目',
    nature: '前期',
    stage: '前期',
    unit: '区交通局',
    area: '向阳堡乡',
    industry: '交通基础设施',
    content: '建设A1类通用机场，跑道长800米',
    total: 35000,
    plan: 200,
    cy: 170,
    cm: 20,
    progress: '场址论证报告已报省民航部门审查',
  },
  {
    name: '平鲁区历史遗留矿山生态修复治理项目',
    nature: '新建',
    stage: '在建',
    unit: '区自然资源局',
    area: '下面高乡',
    industry: '生态环保',
    content: '治理历史遗留矿山图斑46处，修复面积5600亩',
    total: 14000,
    plan: 10000,
    cy: 5000,
    cm: 1100,
    planned_start: '2021-04-10',
    actual_start: '2021-05-05',
    planned_finish: '2021-11-30',
    progress: '完成边坡削坡60%，覆土绿化同步推进',
  },
  {
    name: '平鲁区肉羊全产业链发展项目',
    nature: '新建',
    stage: '在建',
    unit: '区农业农村局',
    owner: '朔州平鲁牧业有限公司',
    area: '向阳堡乡',
    industry: '现代农业',
    content: '建设标准化肉羊养殖圈舍、饲草料基地及屠宰加工车间，存栏肉羊10万只',
    total: 26000,
    plan: 15000,
    cy: 5250,
    cm: 900,
    planned_start: '2021-04-20',
    actual_start: '2021-05-10',
    planned_finish: '2022-10-31',
    progress: '完成养殖圈舍12栋，屠宰加工车间基础施工',
    problems: [
      {
        text: '养殖圈舍设施农用地备案未完成',
        unit: '区自然资源局',
        raised: '2021-06-01',
        due: '2021-07-15',
        resolved: '2021-07-12',
        resolution: '已完成设施农用地备案',
      },
    ],
  },
  {
    name: '平鲁区高标准农田建设项目',
    nature: '新建',
    stage: '在建',
    unit: '区农业农村局',
    area: '双碾乡',
    industry: '现代农业',
    content: '建设高标准农田2万亩，配套田间道路、灌溉及农田防护设施',
    total: 6500,
    plan: 6500,
    cy: 3640,
    cm: 700,
    planned_start: '2021-05-01',
    actual_start: '2021-05-20',
    planned_finish: '2021-11-30',
    progress: '完成土地平整1.2万亩，田间道路和灌溉设施建设推进中',
  },
  {
    name: '七里河平鲁段综合治理工程',
    nature: '续建',
    stage: '在建',
    unit: '区水利局',
    area: '井坪镇',
    industry: '水利',
    content: '治理河道18公里，新建堤防22公里，实施主河槽疏浚及岸坡生态防护',
    total: 18000,
    prior: 5000,
    plan: 12000,
    cy: 4560,
    cm: 1300,
    planned_start: '2020-09-01',
    actual_start: '2020-09-15',
    planned_finish: '2022-06-30',
    progress: '主河槽疏浚已完成，堤防工程施工中',
    milestones: [
      { name: '汛前完成主河槽疏浚', planned: '2021-06-30', done: '2021-09-24' },
      { name: '堤防工程完成', planned: '2021-11-30' },
    ],
  },
  {
    name: '平鲁区农村饮水安全巩固提升工程',
    nature: '新建',
    stage: '在建',
    unit: '区水利局',
    area: '陶村乡',
    industry: '水利',
    content: '改造提升58个村供水管网及水源工程',
    total: 5200,
    plan: 5200,
    cy: 3250,
    cm: 800,
    planned_start: '2021-04-15',
    actual_start: '2021-04-25',
    planned_finish: '2021-10-31',
    progress: '完成46个村管网铺设，剩余12个村正在施工',
  },
  {
    name: '平鲁区引黄供水配套工程',
    nature: '前期',
    stage: '前期',
    unit: '区水利局',
    area: '井坪新城',
    industry: '水利',
    content: '建设引黄调蓄水池及输水管线46公里',
    total: 48000,
    plan: 0,
    cy: 0,
    progress: '初步设计编制中',
  },
  {
    name: '平鲁区长城旅游公路配套服务设施项目',
    nature: '新建',
    stage: '在建',
    unit: '区文旅局',
    area: '阻虎乡',
    industry: '文化旅游',
    content: '建设旅游驿站3处、观景平台5处、停车场及标识系统',
    total: 9600,
    plan: 6000,
    cy: 1800,
    cm: 300,
    planned_start: '2021-05-20',
    actual_start: '2021-06-25',
    planned_finish: '2022-06-30',
    progress: '观景平台基础施工，服务驿站因林地手续未开工',
    problems: [
      { text: '服务驿站林地占用手续未批复', unit: '区自然资源局', raised: '2021-07-15', due: '2021-10-31' },
    ],
  },
  {
    name: '凤凰城古城文化旅游开发项目',
    nature: '续建',
    stage: '在建',
    unit: '区文旅局',
    area: '凤凰城镇',
    industry: '文化旅游',
    content: '修缮古城城墙及历史街区，建设游客服务中心',
    total: 21000,
    prior: 6000,
    plan: 8000,
    cy: 4880,
    cm: 700,
    planned_start: '2020-06-01',
    actual_start: '2020-06-20',
    planned_finish: '2022-10-31',
    progress: '城墙修缮完成60%，历史街区改造施工中',
  },
  {
    name: '平鲁区井坪第二中学教学综合楼项目',
    nature: '新建',
    stage: '在建',
    unit: '区教科局',
    area: '井坪新城',
    industry: '教育',
    content: '新建教学综合楼1.6万平方米，可容纳48个教学班',
    total: 7800,
    plan: 6000,
    cy: 3480,
    cm: 800,
    planned_start: '2021-04-10',
    actual_start: '2021-04-28',
    planned_finish: '2022-07-31',
    progress: '主体施工至五层，主体封顶节点滞后',
    milestones: [
      { name: '主体封顶', planned: '2021-09-20' },
      { name: '二次结构完成', planned: '2021-11-30' },
    ],
  },
  {
    name: '平鲁区人民医院门诊综合楼建设项目',
    nature: '续建',
    stage: '在建',
    unit: '区卫体局',
    area: '井坪新城',
    industry: '卫生健康',
    content: '新建门诊综合楼2.8万平方米，设置床位300张',
    total: 23000,
    prior: 9000,
    plan: 10000,
    cy: 5900,
    cm: 900,
    planned_start: '2020-06-15',
    actual_start: '2020-07-01',
    planned_finish: '2022-05-31',
    progress: '主体结构完工，正在进行二次结构及机电安装',
  },
  {
    name: '平鲁区全民健身中心项目',
    nature: '新建',
    stage: '前期',
    unit: '区卫体局',
    area: '井坪新城',
    industry: '社会事业',
    content: '建设综合体育馆、游泳馆及室外运动场地',
    total: 12000,
    plan: 800,
    cy: 560,
    cm: 80,
    planned_start: '2021-09-10',
    planned_finish: '2022-10-31',
    progress: '施工图审查完成，正在办理施工许可',
  },
  {
    name: '井坪镇新型农村社区建设项目',
    nature: '新建',
    stage: '前期',
    unit: '井坪镇',
    area: '井坪镇',
    industry: '城市建设',
    content: '建设安置住房420套及配套服务设施',
    total: 6000,
    plan: 600,
    cy: 420,
    cm: 60,
    planned_start: '2021-10-20',
    planned_finish: '2022-11-30',
    progress: '规划设计方案已批复，正在进行施工招标',
  },
  {
    name: '凤凰城镇美丽乡村建设项目',
    nature: '新建',
    stage: '在建',
    unit: '凤凰城镇',
    area: '凤凰城镇',
    industry: '现代农业',
    content: '实施12个村街巷硬化、污水收集、绿化亮化工程',
    total: 3200,
    plan: 3200,
    cy: 1830,
    cm: 400,
    planned_start: '2021-04-20',
    actual_start: '2021-05-06',
    planned_finish: '2021-10-31',
    progress: '完成7个村街巷硬化，污水收集管网施工中',
  },
];

// ---- filler names per unit (sample) ----
const FILLERS = {
  开发区管委会: [
    ['北坪循环经济园区标准化厂房建设项目（二期）', '建设标准化厂房8栋及配套道路、管网'],
    ['年产20万吨粉煤灰综合利用新型建材项目', '建设粉煤灰蒸压加气砌块及陶瓷砖生产线'],
    ['年产30万立方米煤矸石陶粒项目', '建设煤矸石破碎、造粒、烧结生产线及成品堆场'],
    ['年产6万吨高纯氧化铝项目', '以粉煤灰为原料建设高纯氧化铝提取生产线'],
    ['北坪循环经济园区污水处理厂及中水回用项目', '建设日处理1万吨工业污水处理厂及中水回用管网'],
    ['开发区道路及管网配套工程', '新建园区道路6.8公里，同步敷设给排水、供热及燃气管网'],
    ['年产10万吨脱硫石膏综合利用项目', '建设脱硫石膏煅烧及石膏制品生产线'],
    ['矿用防爆电气设备制造项目', '新建联合厂房2.4万平方米，购置防爆电机、开关等加工装配及检测设备'],
    ['矿山机械再制造产业园项目', '建设液压支架、采煤机再制造车间及检测中心'],
    ['年产5万吨风电塔筒制造项目', '建设风电塔筒卷制、焊接、防腐生产线'],
    ['光伏支架及边框生产项目', '建设光伏支架冷弯及铝边框挤压生产线'],
    ['北坪循环经济园区集中供热中心项目', '建设集中供热锅炉房及一级供热管网'],
    ['危险废物集中处置中心项目', '建设危险废物焚烧、物化处理及安全填埋设施'],
    ['年产3万吨铝基复合材料项目', '建设铝基复合材料熔铸、轧制生产线'],
    ['工业固废资源化利用示范项目', '建设煤矸石、炉渣等工业固废分选及建材化利用生产线'],
    ['开发区智慧园区建设项目', '建设园区安全环保监测、能源管理及企业服务平台'],
    ['年产2万吨石墨负极材料项目', '建设石墨化、碳化及成品加工生产线'],
    ['开发区110千伏变电站工程', '新建110千伏变电站1座，主变容量2×50兆伏安'],
    ['装配式建筑部品部件生产基地项目', '建设预制混凝土构件及钢结构部件生产线'],
  ],
  区发改局: [
    ['平鲁区农产品批发市场改扩建项目', '改扩建交易大厅、冷藏库及检测中心'],
    ['平鲁区应急物资储备库建设项目', '建设应急物资储备库房1.2万平方米及配套设施'],
    ['平鲁区粮食仓储设施建设项目', '新建高标准粮仓5万吨及配套烘干设施'],
    ['平鲁区数字政府服务中心建设项目', '建设政务云平台、数据共享交换平台及指挥中心'],
    ['井坪新城商业步行街改造项目', '改造商业街区1.2公里，实施立面改造、地面铺装及亮化'],
    ['平鲁区电子商务公共服务中心项目', '建设电商孵化、仓储配送及直播服务中心'],
    ['平鲁区大数据中心建设项目', '建设数据中心机房及配套供电、制冷设施'],
    ['平鲁区县域商业体系建设项目', '建设县级物流配送中心及乡镇商贸服务网点'],
    ['平鲁区乡镇商贸中心建设项目', '在4个乡镇建设商贸中心及农贸市场'],
    ['平鲁区以工代赈建设项目', '实施农村道路、小型水利等以工代赈工程'],
  ],
  区工信局: [
    ['年产1万吨聚合氯化铝项目', '利用煤矸石建设聚合氯化铝生产线'],
    ['平鲁区5G基站及通信网络建设项目', '新建5G基站260座，完善城区及重点园区通信网络'],
    ['年产30万吨新型干混砂浆项目', '建设干混砂浆生产线2条及原料仓储设施'],
    ['年产2万吨小杂粮精深加工项目', '建设杂粮清选、加工及包装生产线'],
    ['年产8000吨胡麻油精炼项目', '建设胡麻油压榨、精炼及灌装生产线'],
    ['年产50万套矿用配件生产项目', '建设矿用配件机加工及热处理车间'],
    ['年产10万立方米商品混凝土搅拌站项目', '建设商品混凝土搅拌楼2座及环保料仓'],
    ['中小企业创业孵化基地项目', '建设孵化楼及标准化厂房3.5万平方米'],
    ['年产3000吨乳制品加工项目', '建设乳制品加工车间及冷链仓储设施'],
    ['年产1.2万吨羊肉精深加工项目', '建设肉羊屠宰、分割及熟食加工生产线'],
    ['年产20万平方米节能门窗项目', '建设断桥铝合金节能门窗生产线'],
    ['工业互联网平台建设项目', '建设煤矿及制造企业工业互联网平台'],
    ['年产5000吨生物有机肥项目', '利用畜禽粪污建设生物有机肥发酵及造粒生产线'],
  ],
  区能源局: [
    ['阻虎乡200MW风电项目', '安装风电机组50台，配套建设220千伏升压站及送出线路'],
    ['向阳堡乡100MW风电项目', '安装风电机组25台，配套建设110千伏升压站及集电线路'],
    ['双碾乡50MW光伏发电项目', '建设50兆瓦光伏阵列及35千伏集电线路'],
    ['高石庄乡采煤沉陷区光伏治理项目', '在采煤沉陷区建设光伏电站并实施生态治理'],
    ['平鲁区煤层气综合利用项目', '建设煤层气抽采、集输及压缩站'],
    ['平鲁区光伏+储能示范项目', '建设光伏电站及配套电化学储能系统'],
    ['平鲁区35千伏输变电工程', '新建改造35千伏变电站3座及配套线路'],
    ['平鲁区农村电网巩固提升工程', '改造10千伏及以下农村配电网线路及台区'],
    ['泰安煤业智能化矿井建设项目', '建设智能化综采工作面、主煤流运输智能控制系统'],
    ['利民煤业洗选系统升级改造项目', '升级改造重介洗选系统，建设全封闭储煤场'],
    ['平鲁区城区天然气管网延伸工程', '新建天然气中压管网及调压站，向乡镇延伸供气'],
    ['平鲁区分布式光伏整区推进项目', '在党政机关、学校及农户屋顶建设分布式光伏'],
    ['平鲁区煤矿瓦斯抽采利用项目', '建设瓦斯抽采泵站及瓦斯发电机组'],
  ],
  区住建局: [
    ['平鲁区棚户区改造项目', '改造棚户区住房860户及配套基础设施'],
    ['井坪新城雨污分流改造工程', '改造雨污管网32公里，新建雨水泵站2座'],
    ['平鲁区保障性租赁住房项目', '新建保障性租赁住房600套'],
    ['平鲁区城区主次干道提质改造工程', '改造城区道路9条，同步改造管网、照明及绿化'],
    ['平鲁区生活垃圾无害化处理场扩建工程', '扩建垃圾填埋库区，新建渗滤液处理站'],
    ['平鲁区城市供水管网改造工程', '改造老旧供水管网26公里及加压泵站'],
    ['平鲁区城区公厕建设改造工程', '新建改造城区公厕40座'],
    ['平鲁区海绵城市建设项目', '建设透水铺装、下沉式绿地及雨水调蓄设施'],
    ['平鲁区城区公园绿化提升工程', '提升改造城区公园3处及街头绿地'],
    ['平鲁区城区停车场建设项目', '新建公共停车场5处，车位2200个'],
    ['平鲁区农村危房改造项目', '改造农村危房及抗震改造1100户'],
    ['平鲁区城区燃气管道老化更新改造工程', '更新改造城区老化燃气管道18公里'],
    ['平鲁区建筑垃圾资源化利用项目', '建设建筑垃圾破碎、筛分及再生骨料生产线'],
    ['平鲁区智慧城市管理平台建设项目', '建设城市综合管理、视频监控及应急指挥平台'],
  ],
  区交通局: [
    ['平鲁区城乡公交一体化建设项目', '购置新能源公交车60辆，建设公交场站及候车亭'],
    ['平鲁区汽车客运站改扩建工程', '改扩建客运站房及停车场，配套建设充电设施'],
    ['井坪至下水头公路改建工程', '改建三级公路18公里及桥涵'],
    ['平鲁区“四好农村路”建设项目', '新改建农村公路95公里'],
    ['平鲁区危桥改造工程', '改造危桥16座'],
    ['平鲁区运煤专线改造工程', '改造运煤公路22公里，增设抑尘及安全设施'],
    ['平鲁区公路安全生命防护工程', '实施农村公路安全生命防护工程260公里'],
    ['凤凰城至白堂公路改建工程', '改建二级公路24公里及配套桥涵'],
    ['平鲁区物流园区连接线工程', '新建物流园区连接线7.5公里'],
  ],
  区自然资源局: [
    ['平鲁区国土绿化造林工程', '完成人工造林3.5万亩及封山育林'],
    ['平鲁区土地综合整治项目', '实施农用地整理和建设用地复垦1.8万亩'],
    ['平鲁区采煤沉陷区综合治理项目', '治理采煤沉陷区1.2万亩，搬迁安置受影响农户'],
    ['平鲁区森林防火通道建设工程', '新建森林防火通道120公里及瞭望塔'],
    ['平鲁区矿区复垦土地利用项目', '复垦矿区损毁土地6000亩'],
    ['平鲁区京津风沙源治理工程', '实施人工造林、封山育林及工程固沙'],
    ['平鲁区长城沿线生态保护修复工程', '实施长城沿线造林绿化及水土流失治理'],
    ['平鲁区苗木繁育基地建设项目', '建设乡土树种苗木繁育基地1500亩'],
    ['平鲁区退化草原生态修复工程', '修复退化草原5万亩'],
  ],
  区农业农村局: [
    ['平鲁区马铃薯良种繁育基地项目', '建设马铃薯脱毒种薯繁育基地及组培中心'],
    ['平鲁区现代农业产业示范园项目', '建设现代农业示范园区及配套道路、灌溉设施'],
    ['平鲁区奶牛规模化养殖场项目', '建设存栏3000头奶牛养殖场及挤奶厅'],
    ['平鲁区设施农业温室大棚建设项目', '新建日光温室及塑料大棚1200亩'],
    ['平鲁区农村人居环境整治项目', '实施村庄清洁、生活垃圾和污水治理'],
    ['平鲁区有机旱作农业示范项目', '建设有机旱作农业示范片3万亩'],
    ['平鲁区燕麦杂粮种植基地项目', '建设燕麦、杂粮标准化种植基地5万亩'],
    ['平鲁区农产品冷藏保鲜设施建设项目', '建设产地冷藏保鲜库60座'],
    ['平鲁区生猪标准化养殖场项目', '建设年出栏2万头生猪标准化养殖场'],
    ['平鲁区中药材种植基地项目', '建设黄芪等道地中药材种植基地8000亩'],
    ['平鲁区饲草料加工基地项目', '建设饲草料收储及加工车间'],
    ['平鲁区畜禽粪污资源化利用项目', '建设规模养殖场粪污处理设施及有机肥厂'],
    ['平鲁区乡村振兴示范村建设项目', '建设乡村振兴示范村10个'],
    ['平鲁区农村厕所改造项目', '改造农村户厕4200座'],
  ],
  区水利局: [
    ['源子河平鲁段防洪治理工程', '治理河道12公里，新建护岸及堤防'],
    ['平鲁区小型水库除险加固工程', '除险加固小型水库6座'],
    ['平鲁区水土保持综合治理工程', '治理水土流失面积40平方公里'],
    ['平鲁区淤地坝除险加固工程', '除险加固淤地坝28座'],
    ['平鲁区高效节水灌溉工程', '建设高效节水灌溉面积2万亩'],
    ['平鲁区城区第二水源地建设工程', '新建水源井8眼、输水管线及加压站'],
    ['平鲁区山洪灾害防治项目', '建设山洪灾害监测预警系统及防洪设施'],
  ],
  区文旅局: [
    ['平鲁区全域旅游集散中心项目', '建设游客集散中心、停车场及智慧旅游平台'],
    ['平鲁区长城文化公园建设项目', '建设长城文化展示区、游步道及配套服务设施'],
    ['平鲁区乡村旅游示范村建设项目', '建设乡村旅游示范村6个，配套民宿及游客服务设施'],
    ['平鲁区文化馆图书馆建设项目', '新建文化馆、图书馆1.5万平方米'],
    ['败虎堡长城遗址保护项目', '实施败虎堡城墙本体加固及遗址展示工程'],
    ['平鲁区体育文化旅游综合体项目', '建设体育场馆、文化展示及旅游服务综合体'],
  ],
  区教科局: [
    ['平鲁区第二幼儿园建设项目', '新建12个班幼儿园及室外活动场地'],
    ['平鲁区职业中学实训基地建设项目', '建设实训楼及实训设备'],
    ['平鲁区城区小学扩建工程', '扩建教学楼，新增学位900个'],
    ['平鲁区乡镇寄宿制学校改造工程', '改造乡镇寄宿制学校宿舍、食堂及供暖设施'],
    ['平鲁区教育信息化建设项目', '建设智慧校园及在线教育平台'],
    ['平鲁区青少年校外活动中心项目', '建设青少年校外活动中心及科技馆'],
    ['平鲁区中小学校舍安全改造工程', '加固改造中小学校舍4.6万平方米'],
    ['平鲁区科技创新服务中心项目', '建设科技创新服务中心及中试基地'],
  ],
  区卫体局: [
    ['平鲁区中医院整体搬迁项目', '整体搬迁新建中医院，设置床位200张'],
    ['平鲁区疾病预防控制中心业务楼项目', '新建疾控中心业务楼及P2实验室'],
    ['平鲁区乡镇卫生院标准化建设项目', '改扩建乡镇卫生院8所，配置医疗设备'],
    ['平鲁区医养结合养老服务中心项目', '建设医养结合养老服务中心，设置床位300张'],
    ['平鲁区体育场改造工程', '改造标准田径场、看台及照明设施'],
  ],
  井坪镇: [
    ['井坪镇美丽乡村建设项目', '实施8个村街巷硬化、绿化亮化及污水治理'],
    ['井坪镇农贸市场改造项目', '改造农贸市场交易棚及配套设施'],
    ['井坪镇城中村改造项目', '改造城中村住房及基础设施'],
    ['井坪镇集体经济产业园项目', '建设村集体经济产业园标准化厂房'],
    ['井坪镇农村道路硬化工程', '硬化农村道路46公里'],
    ['井坪镇污水收集管网建设工程', '建设污水收集管网28公里'],
  ],
  凤凰城镇: [
    ['凤凰城镇农产品加工园项目', '建设杂粮、马铃薯等农产品加工车间'],
    ['凤凰城镇集中供水工程', '建设集中供水水源及配水管网'],
    ['凤凰城镇肉牛养殖基地项目', '建设存栏2000头肉牛养殖基地'],
    ['凤凰城镇乡村道路改造工程', '改造乡村道路35公里'],
    ['凤凰城镇便民服务中心建设项目', '建设镇便民服务中心及村级服务站'],
  ],
};

// industry by keywords in the name (first match wins), with a total-investment range in 万元
const INDUSTRY = [
  [/塔筒|支架|机械|电气|配件|机器人|门窗/, '装备制造', [4000, 30000]],
  [/风电|光伏|储能/, '新能源', [15000, 120000]],
  [/输变电|电网|变电站|天然气|煤层气|瓦斯/, '能源', [3000, 30000]],
  [/煤业|矿井|洗选/, '煤炭', [6000, 30000]],
  [/粉煤灰|煤矸石|脱硫石膏|固废|危险废物|建筑垃圾/, '固废综合利用', [6000, 40000]],
  [/氧化铝|复合材料|石墨|活性炭|聚合氯化铝|砂浆|混凝土|装配式/, '新材料', [5000, 45000]],
  [/精深加工|胡麻油|乳制品|有机肥|农产品加工/, '农产品加工', [1500, 12000]],
  [/学校|中学|小学|幼儿园|职业|青少年|校舍|教育|科技创新/, '教育', [1500, 12000]],
  [/5G|大数据|数字|智慧|工业互联网|电子商务/, '数字经济', [2000, 12000]],
  [/厂房|孵化/, '园区基础设施', [3000, 20000]],
  [/公路|道路|农村路|客运|公交|桥|连接线|运煤/, '交通基础设施', [2000, 35000]],
  [/河|水库|淤地坝|灌溉|水源|供水|山洪|水土/, '水利', [1500, 15000]],
  [/医院|卫生|疾病|养老/, '卫生健康', [2000, 18000]],
  [/体育|健身/, '社会事业', [2000, 12000]],
  [/造林|绿化|生态|修复|复垦|风沙|草原|防火|苗木|沉陷|整治|污水/, '生态环保', [1500, 15000]],
  [/旅游|长城|文化|遗址/, '文化旅游', [2000, 20000]],
  [
    /马铃薯|农业|奶牛|大棚|杂粮|燕麦|冷藏|生猪|中药材|饲草|畜禽|肉牛|乡村|人居|厕所/,
    '现代农业',
    [1000, 10000],
  ],
  [/物流|冷链|市场|商贸|商业|批发|储备|粮食/, '商贸物流', [2000, 20000]],
  [/.*/, '城市建设', [1500, 20000]],
];

const PROGRESS_BUILD = [
  '主体结构施工中',
  '设备安装调试中',
  '已完成基础施工，主体施工中',
  '主体完工，正在进行附属工程施工',
  '完成年度工程量的七成以上',
  '按计划推进，各作业面同步施工',
  '完成土建施工，正在进行设备采购安装',
];
const MILESTONE_NAMES = {
  新能源: ['基础施工完成', '设备安装完成', '并网发电'],
  交通基础设施: ['路基工程完成', '路面铺设完成', '交工验收'],
  水利: ['主体工程完成', '通水验收'],
  城市建设: ['主体工程完成', '管网铺设完成', '竣工验收'],
};
const PROBLEMS = [
  ['施工用电接入未完成', '区能源局'],
  ['项目用地报批手续未完成', '区自然资源局'],
  ['施工许可证办理滞后', '区住建局'],
  ['项目资金拨付进度慢', '区发改局'],
  ['施工便道占用农田需协调', '区自然资源局'],
  ['取水许可手续未办结', '区水利局'],
  ['项目备案信息需变更', '区发改局'],
  ['临时用地手续未办理', '区自然资源局'],
];
const CONTACTS = [
  '李建军',
  '王海军',
  '张国庆',
  '刘占峰',
  '赵志刚',
  '杨文斌',
  '郝永平',
  '高建华',
  '武志强',
  '闫小兵',
  '乔瑞峰',
  '贾晓东',
  '田润生',
  '韩利军',
  '任海燕',
  '苗玉梅',
  '白建平',
  '冯志勇',
  '吕晓红',
  '薛宏伟',
];

const PRODUCTIVE = ['新能源', '能源', '煤炭', '新材料', '装备制造', '固废综合利用', '农产品加工'];
const round10 = (x) => (x >= 2000 ? Math.round(x / 10) * 10 : Math.round(x));
const dayIn = (from, to) =>
  addDays(from, r.int(0, Math.max(0, (Date.parse(to) - Date.parse(from)) / 86400000)));

// ---- build ----
const byName = new Map(NOTABLE.map((n) => [n.name, n]));
const rows = []; // {unit, bias, leader, notable?, name}
for (const [unit, count, leader, bias] of UNITS) {
  const notables = NOTABLE.filter((n) => n.unit === unit);
  const fillers = FILLERS[unit] ?? [];
  const need = count - notables.length;
  if (fillers.length < need) throw new Error(`${unit}: need ${need} fillers, have ${fillers.length}`);
  // notables first within each unit: the report's projects lead the 开发区管委会 list
  for (const n of notables) rows.push({ unit, leader, bias, notable: n, name: n.name });
  for (const [name, content] of fillers.slice(0, need)) rows.push({ unit, leader, bias, name, content });
}
if (rows.length !== TARGET_COUNT) throw new Error(`count ${rows.length}`);
if (new Set(rows.map((x) => x.name)).size !== rows.length) throw new Error('duplicate names');
for (const n of NOTABLE) if (!rows.some((x) => x.notable === n)) throw new Error(`unused notable ${n.name}`);

// raw totals for fillers, then scale to hit 264.2亿元 exactly
const industryOf = (name) => INDUSTRY.find(([re]) => re.test(name));
for (const row of rows) {
  if (row.notable) continue;
  const [, industry, [lo, hi]] = industryOf(row.name);
  row.industry = industry;
  // skewed towards the low end, as real registers are
  const [l2, h2] = row.unit.endsWith('镇') ? [800, 8000] : [lo, hi];
  row.raw = l2 + (h2 - l2) * r.next() ** 1.6;
}
// fillers whose size is in their name get a matching total (about 0.7亿元 per 10MW of wind, 0.47 of solar)
const FIXED_TOTAL = {
  阻虎乡200MW风电项目: 136000,
  向阳堡乡100MW风电项目: 69500,
  双碾乡50MW光伏发电项目: 23600,
};
for (const row of rows) if (FIXED_TOTAL[row.name]) row.fixed = FIXED_TOTAL[row.name];
const fixedSum = rows.reduce((s, x) => s + (x.notable?.total ?? x.fixed ?? 0), 0);
const rawSum = rows.reduce((s, x) => s + (x.fixed || x.notable ? 0 : x.raw), 0);
const scale = (TARGET_TOTAL - fixedSum) / rawSum;
for (const row of rows) if (!row.notable) row.total = row.fixed ?? round10(row.raw * scale);
const scaled = rows.filter((x) => !x.notable && !x.fixed).sort((a, b) => b.total - a.total);
// the rounding remainder goes to the largest scaled filler, so the sum is exactly 264.2亿元
scaled[0].total += TARGET_TOTAL - rows.reduce((s, x) => s + (x.notable?.total ?? x.total), 0);

const townships = [
  '下水头乡',
  '阻虎乡',
  '白堂乡',
  '双碾乡',
  '向阳堡乡',
  '高石庄乡',
  '陶村乡',
  '下面高乡',
  '凤凰城镇',
  '井坪镇',
];
const areaFor = (row) => {
  const t = townships.find((t) => row.name.includes(t.replace(/[乡镇]$/, '')));
  if (t) return t;
  if (/城区|井坪新城|文化馆|图书馆|客运站|公交|数字政府|大数据|孵化/.test(row.name)) return '井坪新城';
  if (row.unit === '开发区管委会' || (row.unit === '区工信局' && r.next() < 0.7)) return '北坪循环经济园区';
  if (['区住建局', '区发改局', '区教科局', '区卫体局', '区工信局'].includes(row.unit)) return '井坪新城';
  if (row.unit === '井坪镇') return '井坪镇';
  if (row.unit === '凤凰城镇') return '凤凰城镇';
  return r.pick(townships.slice(0, 8));
};
const ownerFor = (row) => {
  const coal = /^(.{2})煤业/.exec(row.name);
  if (coal) return `山西平鲁${coal[1]}煤业有限公司`;
  if (['新能源', '固废综合利用', '新材料', '装备制造'].includes(row.industry) && !/工程$/.test(row.name)) {
    const brand = r.pick([
      '晋能',
      '朔丰',
      '鲁源',
      '北坪',
      '恒达',
      '泰和',
      '广宇',
      '华晟',
      '宏远',
      '金鼎',
      '瑞丰',
      '同舟',
    ]);
    const kind = {
      新能源: '新能源',
      煤炭: '煤业',
      固废综合利用: '环保科技',
      新材料: '新材料',
      装备制造: '装备制造',
    };
    return `朔州${brand}${kind[row.industry]}有限公司`;
  }
  if (['现代农业', '农产品加工'].includes(row.industry) && /养殖|加工|精炼|乳|肥|基地/.test(row.name)) {
    return `平鲁区${r.pick(['塞北', '丰源', '绿野', '草原', '长城'])}农牧业有限公司`;
  }
  return undefined; // public works: the 责任单位 builds them
};
let contactIdx = 0;
const projects = rows.map((row, i) => {
  const id = `PL-${String(i + 1).padStart(3, '0')}`;
  const n = row.notable;
  if (n) {
    const started = isStarted(n.stage) || n.stage === '停工';
    return clean({
      id,
      name: n.name,
      nature: n.nature,
      stage: n.stage,
      unit: n.unit,
      leader: n.leader ?? row.leader,
      owner: n.owner,
      area: n.area,
      industry: n.industry,
      content: n.content,
      total_investment: n.total,
      annual_plan: n.plan,
      completed_year: n.cy,
      completed_month: n.cm ?? 0,
      completed_total: (n.prior ?? 0) + n.cy,
      planned_start: n.planned_start,
      actual_start: started ? n.actual_start : undefined,
      planned_finish: n.planned_finish,
      actual_finish: n.actual_finish,
      progress: n.progress,
      contact: n.contact,
      milestones: n.milestones,
      problems: n.problems?.map((q, k) => clean({ id: `${id}-${k + 1}`, ...q })),
    });
  }
  // filler: healthy (green) by construction; the lagging projects are the notables above
  const total = row.total;
  const nature = r.next() < 0.38 ? '续建' : '新建';
  let plan;
  let prior = 0;
  let stage = '在建';
  let plannedStart;
  let actualStart;
  let plannedFinish;
  let actualFinish;
  if (nature === '续建') {
    prior = round10(total * r.between(0.15, 0.55));
    const finishing = r.next() < 0.3;
    plan = finishing ? total - prior : round10((total - prior) * r.between(0.45, 0.9));
    plannedStart = dayIn('2019-04-01', '2020-08-31');
    actualStart = addDays(plannedStart, r.int(0, 15));
    if (finishing && r.next() < 0.7) {
      stage = PRODUCTIVE.includes(row.industry) && !/工程$/.test(row.name) ? '投产' : '竣工';
      plannedFinish = dayIn('2021-06-15', '2021-09-20');
      actualFinish = addDays(plannedFinish, r.int(-10, 8));
      if (actualFinish > AS_OF) actualFinish = addDays(AS_OF, -3);
    } else plannedFinish = finishing ? dayIn('2021-10-15', '2021-12-31') : dayIn('2022-03-31', '2022-12-31');
  } else {
    plan = total <= 6000 ? total : round10(total * r.between(0.3, 0.7));
    plannedStart = dayIn('2021-03-15', '2021-07-15');
    actualStart = addDays(plannedStart, r.int(-5, 20));
    if (total <= 6000 && r.next() < 0.25) {
      stage = PRODUCTIVE.includes(row.industry) ? '投产' : '竣工';
      plannedFinish = dayIn('2021-08-15', '2021-09-25');
      actualFinish = addDays(plannedFinish, r.int(-6, 3));
      if (actualFinish > AS_OF) actualFinish = addDays(AS_OF, -2);
    } else
      plannedFinish = total <= 6000 ? dayIn('2021-10-31', '2021-12-31') : dayIn('2022-01-31', '2022-12-31');
  }
  const done = stage !== '在建';
  const rate = done ? r.between(0.95, 1.0) : Math.min(1, Math.max(0.67, r.between(0.7, 0.95) + row.bias));
  const cy = Math.min(plan, Math.round(plan * rate));
  const cm = done
    ? actualFinish >= '2021-09-01'
      ? Math.round(cy * r.between(0.05, 0.12))
      : 0
    : Math.round(cy * r.between(0.08, 0.16));
  const area = areaFor(row);
  const p = {
    id,
    name: row.name,
    nature,
    stage,
    unit: row.unit,
    leader: row.leader,
    owner: ownerFor(row),
    area,
    industry: row.industry,
    content: row.content,
    total_investment: total,
    annual_plan: plan,
    completed_year: cy,
    completed_month: cm,
    completed_total: prior + cy,
    planned_start: plannedStart,
    actual_start: actualStart > AS_OF ? addDays(AS_OF, -7) : actualStart,
    planned_finish: plannedFinish,
    actual_finish: actualFinish,
    progress:
      stage === '竣工'
        ? '已完成竣工验收'
        : stage === '投产'
          ? '已建成投产，运行正常'
          : r.pick(PROGRESS_BUILD),
    contact: r.next() < 0.55 ? CONTACTS[contactIdx++ % CONTACTS.length] : undefined,
  };
  // milestones: done in the past, or still ahead — never overdue (the overdue ones are notables')
  const mNames = MILESTONE_NAMES[row.industry];
  if (mNames && stage === '在建' && r.next() < 0.45) {
    p.milestones = [];
    let day = addDays(actualStart, r.int(40, 90));
    for (const name of mNames) {
      if (day >= '2021-12-31') break;
      if (day < AS_OF) p.milestones.push({ name, planned: day, done: addDays(day, -r.int(0, 6)) });
      else p.milestones.push({ name, planned: day });
      day = addDays(day, r.int(40, 110));
    }
    if (p.milestones.length === 0) delete p.milestones;
  }
  // problems: most resolved in time; a few open with a time limit still ahead
  const roll = r.next();
  if (roll < 0.14 || (roll < 0.2 && stage === '在建')) {
    const [text, unit] = r.pick(PROBLEMS);
    const raised = dayIn(actualStart > '2021-03-01' ? actualStart : '2021-03-01', '2021-09-15');
    if (roll >= 0.14) {
      p.problems = [{ id: `${id}-1`, text, unit, raised, due: dayIn('2021-10-10', '2021-11-30') }];
    } else {
      let resolved = addDays(raised, r.int(5, 30));
      if (resolved >= AS_OF) resolved = addDays(AS_OF, -1);
      const due = addDays(resolved, r.int(0, 20));
      p.problems = [{ id: `${id}-1`, text, unit, raised, due, resolved, resolution: '已协调解决' }];
    }
  }
  return clean(p);
});

// ---- check the report's figures and the designed lights ----
const started = projects.filter((p) => isStarted(p.stage)).length;
const total = projects.reduce((s, p) => s + p.total_investment, 0);
if (started !== TARGET_STARTED) throw new Error(`started ${started}, want ${TARGET_STARTED}`);
if (total !== TARGET_TOTAL) throw new Error(`total ${total}, want ${TARGET_TOTAL}`);
const lights = projects.map((p) => ({ p, ...assess(p, AS_OF) }));
const lagging = lights.filter((x) => x.light !== '绿');
for (const x of lagging) {
  if (!x.p.id || !NOTABLE.some((n) => n.name === x.p.name)) throw new Error(`filler lags: ${x.p.name}`);
}
for (const x of lights) if (x.p.completed_year > x.p.annual_plan) throw new Error(`over plan ${x.p.name}`);
void byName;

const red = lagging.filter((x) => x.light === '红');
const count = (kind) => lagging.filter((x) => x.flags.some((f) => f.kind === kind)).length;
const invLag = lagging.filter((x) => x.flags.some((f) => f.kind === 'investment'));
const sumPlan = projects.reduce((s, p) => s + p.annual_plan, 0);
const sumDone = projects.reduce((s, p) => s + p.completed_year, 0);
const unitLines = UNITS.map(([u]) => {
  const ps = projects.filter((p) => p.unit === u);
  const plan = ps.reduce((s, p) => s + p.annual_plan, 0);
  const done = ps.reduce((s, p) => s + p.completed_year, 0);
  return `${u} ${ps.length}个 ${((done / plan) * 100).toFixed(1)}%`;
});

const header = [
  '平鲁区2021年重点工程项目台账（示例数据 / sample figures）',
  '',
  '来源：平鲁区人民政府网站报道（../shared/seeds/001_de1da32a0989d13b.txt，2021年初冬）。',
  '取自报道的数字：截至2021年9月底，全年实施总投资264.2亿元的171项重点工程项目，已开复工161个，开复工率94.2%。',
  `  本台账与之一致：${projects.length}个项目，${started}个处于在建/竣工/投产，总投资合计${total}万元（264.2亿元）。`,
  '取自报道的项目、企业和人物：海泰新能光伏高效组件项目（海泰新能朔州有限公司，项目负责人刘建海；11月12日投入试运行，',
  '  故9月底仍为在建）、50万吨矿产资源及废物综合利用项目（山西昌昕矿产资源综合利用科技有限公司；开发区管委会副主任寇志坚；',
  '  年消化煤矸石20万吨、生产陶瓷级高岭土12万吨）、中信重工特种智能机器人、华朔德光碳基新材料项目（前期手续完成、即将开工）、',
  '  北新建材年产4000万平方米纸面石膏板及年产5000吨轻钢龙骨生产线项目（总投资2.77亿元，主体工程基本完成，明年3月投运）；',
  '  区委书记马占文，北坪循环经济园区服务中心主任贾永；“每周一调度”“周调度、月通报、季考核”，项目推进中心。',
  '其余均为示例数据：另外166个项目的名称、建设单位，全部项目的投资额、进度、节点和问题，区长王晓峰及副区长张建国、刘志宏、',
  '  赵永清、高瑞军、郭丽萍等姓名，都是虚构的，由 scripts/gen-pinglu-seed.mjs 按固定随机种子生成（改数请改脚本再生成）。',
  '',
  `设计的滞后情况（数据截至${AS_OF}，按月计序时进度75.0%）：${lagging.length}个项目滞后（红${red.length}、黄${lagging.length - red.length}），`,
  `  其中投资完成率低于序时进度${invLag.length}个；停工${count('stopped')}个；新建项目过了计划开工日仍在前期${count('start')}个`,
  `  （逾期超过60天为红）；节点逾期${count('milestone')}个（含正好逾期30天的边界，仍为黄）；问题逾期未解决${count('problem')}个。`,
  '  加载 ../meetings/（4次周调度会，议定事项28条）后：截至9月30日已落实4条、撤销1条、逾期5条、未到期18条，',
  '  PL-088 平鲁区农村公路提质改造工程因议定事项逾期未落实由黄转红（红12、黄14）。',
  `全区年度计划投资${sumPlan}万元，累计完成${sumDone}万元（${((sumDone / sumPlan) * 100).toFixed(1)}%）。`,
  `各责任单位年度投资完成率：${unitLines.slice(0, 5).join('，')}，`,
  `  ${unitLines.slice(5, 10).join('，')}，`,
  `  ${unitLines.slice(10).join('，')}。`,
];

const register = {
  title: '平鲁区2021年重点工程项目台账',
  region: '平鲁区',
  year: 2021,
  as_of: AS_OF,
  money_unit: '万元',
  issuer: '平鲁区项目推进中心',
  rules: { time_progress: 'month', yellow_gap: 10, red_gap: 30, start_red_days: 60, milestone_red_days: 30 },
  // 版头/版记 of the Word documents (sample values)
  doc_number: '平项推〔2021〕9号',
  cc: ['区委办', '区人大办', '区政府办', '区政协办'],
  printed_by: '平鲁区项目推进中心综合科',
};
const text = registerText(header, register, projects);
writeChecked(OUT, text, { register, projects });
console.log(header.join('\n'));
console.log(
  lagging
    .map((x) => `${x.p.id} ${x.light} ${x.p.name}: ${x.flags.map((f) => f.reason).join('；')}`)
    .join('\n'),
);

// ---- the August snapshot (history/pinglu-2021-2021-08.yaml): the same register as filed at the end of
// August, for the September bulletin's 环比 (docs/formats.md#register-history). Derived from September, so the
// two agree: 1–8月 completed = 1–9月 completed − 9月 (the 2021-09-06 meeting, as_of 2021-08-31, recorded the
// same figures), projects finished in September were still 在建, milestones done and problems raised or
// resolved in September were not yet so. 8月 completions are sample figures from their own seed.
const AUG_AS_OF = '2021-08-31';
const AUG_OUT = new URL('../seeds/history/pinglu-2021-2021-08.yaml', import.meta.url);
const ra = rng(20210831);
const august = projects.map((p) => {
  const a = structuredClone(p);
  const sept = p.completed_month ?? 0;
  a.completed_year = Math.round((p.completed_year - sept) * 100) / 100;
  if (a.completed_total !== undefined) a.completed_total = Math.round((p.completed_total - sept) * 100) / 100;
  const finishedBefore = p.actual_finish !== undefined && p.actual_finish <= '2021-07-31';
  const inAugust = a.completed_year > 0 && !finishedBefore && p.stage !== '前期';
  a.completed_month = inAugust
    ? Math.min(a.completed_year, Math.round(Math.max(sept, a.completed_year * 0.06) * ra.between(0.72, 1.02)))
    : 0;
  if (p.actual_finish !== undefined && p.actual_finish > AUG_AS_OF) {
    delete a.actual_finish;
    a.stage = '在建';
    a.progress = '主体完工，正在进行竣工验收准备';
  }
  if (p.actual_start !== undefined && p.actual_start > AUG_AS_OF) {
    delete a.actual_start;
    a.stage = '前期';
  }
  if (a.milestones)
    a.milestones = a.milestones.map((m) => clean({ ...m, done: m.done > AUG_AS_OF ? undefined : m.done }));
  if (a.problems) {
    a.problems = a.problems
      .filter((q) => q.raised === undefined || q.raised <= AUG_AS_OF)
      .map((q) =>
        q.resolved !== undefined && q.resolved > AUG_AS_OF
          ? clean({ ...q, resolved: undefined, resolution: undefined })
          : q,
      );
    if (a.problems.length === 0) delete a.problems;
  }
  return clean(a);
});
const augStarted = august.filter((p) => isStarted(p.stage)).length;
const augPlan = august.reduce((s, p) => s + p.annual_plan, 0);
const augDone = august.reduce((s, p) => s + p.completed_year, 0);
const augLights = august.map((p) => assess(p, AUG_AS_OF).light);
const augHeader = [
  '平鲁区2021年重点工程项目台账——2021年8月快照（示例数据 / sample figures）',
  '',
  '本文件是 ../pinglu-2021.yaml 在8月底的样子，供9月通报作环比；由 scripts/gen-pinglu-seed.mjs 从9月台账推算生成',
  '（改数请改脚本再生成）：1–8月累计完成 = 1–9月累计完成 − 9月完成（与8月31日数据的9月6日调度会记录一致），',
  '9月竣工投产的项目8月底仍为在建，9月完成的节点、9月提出或解决的问题8月底尚未完成、提出或解决；8月完成投资为示例数据。',
  `项目${august.length}个，已开复工${augStarted}个；年度计划投资${augPlan}万元，累计完成${Math.round(augDone)}万元（${((augDone / augPlan) * 100).toFixed(1)}%）；`,
  `  红黄绿灯（不计议定事项）：红${augLights.filter((l) => l === '红').length} 黄${augLights.filter((l) => l === '黄').length} 绿${augLights.filter((l) => l === '绿').length}。`,
];
mkdirSync(new URL('../seeds/history/', import.meta.url), { recursive: true });
writeChecked(AUG_OUT, registerText(augHeader, { ...register, as_of: AUG_AS_OF }, august), {
  register: { ...register, as_of: AUG_AS_OF },
  projects: august,
});
console.log(augHeader.join('\n'));
