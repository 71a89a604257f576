// A small register and two meetings with hand-computed figures, for the model and command tests.
//
// as_of 2021-08-31, month mode: 序时进度 8/12 = 66.7%.
// | id | nature | stage | unit | plan | done | rate  | light (register only)            |
// | A1 | 新建   | 在建  | 甲局 | 1000 | 740  | 74.0% | 绿                               |
// | A2 | 续建   | 在建  | 甲局 | 1000 | 300  | 30.0% | 红 (36.7 points behind)          |
// | A3 | 新建   | 前期  | 乙局 | 0    | 0    | —     | 黄 (planned start 8-01, 30 days) |
// | A4 | 续建   | 停工  | 丙局 | 2000 | 1600 | 80.0% | 红 (停工)                        |
// | A5 | 续建   | 投产  | 乙局 | 1500 | 1500 | 100%  | 红 (problem due 8-15 unresolved) |
// Totals 5500 / 4140 = 75.3%, 超序时进度8.6个百分点; started 3 of 5 = 60.0%; 新建 1 of 2 = 50.0%.
// Units: 乙局 1500/1500 100.0%, 丙局 2000/1600 80.0%, 甲局 2000/1040 52.0%.
// Meetings: 8-20 takes d1 (A2, 甲局, due 8-27) and d2 (A4, 丙局, due 9-10); 8-27 hears d1 已落实 and
// takes d3 (A3, 乙局, due 8-30). On 8-31 d3 is overdue, which turns A3 red when meetings are loaded.
import { DEFAULT_RULES, type Meeting, type Project, type Register } from '../../src/domain/types.js';

function project(p: Partial<Project> & Pick<Project, 'id' | 'name' | 'nature' | 'stage' | 'unit'>): Project {
  return {
    totalInvestment: 0,
    annualPlan: 0,
    completedYear: 0,
    milestones: [],
    problems: [],
    ...p,
  };
}

export function sampleRegister(): Register {
  return {
    meta: {
      title: '测试区2021年重点项目台账',
      region: '测试区',
      year: 2021,
      asOf: '2021-08-31',
      moneyUnit: '万元',
      issuer: '测试区项目推进中心',
      rules: { ...DEFAULT_RULES },
    },
    files: ['/tmp/sample.yaml'],
    projects: [
      project({
        id: 'A1',
        name: '光伏组件项目',
        nature: '新建',
        stage: '在建',
        unit: '甲局',
        leader: '张一',
        area: '北区',
        totalInvestment: 20000,
        annualPlan: 1000,
        completedYear: 740,
        completedMonth: 100,
        progress: '主体封顶',
      }),
      project({
        id: 'A2',
        name: '物流园项目',
        nature: '续建',
        stage: '在建',
        unit: '甲局',
        leader: '张一',
        area: '北区',
        totalInvestment: 5000,
        annualPlan: 1000,
        completedYear: 300,
      }),
      project({
        id: 'A3',
        name: '污水处理厂项目',
        nature: '新建',
        stage: '前期',
        unit: '乙局',
        leader: '李二',
        plannedStart: '2021-08-01',
      }),
      project({
        id: 'A4',
        name: '煤矸石综合利用项目',
        nature: '续建',
        stage: '停工',
        unit: '丙局',
        area: '南区',
        totalInvestment: 8000,
        annualPlan: 2000,
        completedYear: 1600,
      }),
      project({
        id: 'A5',
        name: '高岭土项目',
        nature: '续建',
        stage: '投产',
        unit: '乙局',
        leader: '李二',
        totalInvestment: 3000,
        annualPlan: 1500,
        completedYear: 1500,
        problems: [
          {
            id: 'A5-1',
            text: '铁路专用线接轨手续尚未批复',
            unit: '丁局',
            raised: '2021-07-01',
            due: '2021-08-15',
          },
          { id: 'A5-2', text: '用电增容', raised: '2021-07-01', due: '2021-08-10', resolved: '2021-08-05' },
        ],
      }),
    ],
  };
}

export function sampleMeetings(): Meeting[] {
  return [
    {
      file: '/tmp/meetings/2021-08-20.yaml',
      meeting: {
        date: '2021-08-20',
        kind: '周调度',
        title: '全区重点项目周调度会',
        chair: '王五',
        place: '区政府三楼会议室',
        present: ['甲局', '乙局', '丙局'],
        absent: [],
        attending: [],
        register: '../sample.yaml',
        asOf: '2021-08-15',
        closed: true,
      },
      items: [
        {
          project: 'A2',
          light: '红',
          reasons: ['年度投资完成率25.0%，低于序时进度（58.3%）33.3个百分点'],
          decisions: [{ id: '2021-08-20-01', text: '协调解决资金缺口', unit: '甲局', due: '2021-08-27' }],
        },
        {
          project: 'A4',
          light: '红',
          reasons: ['项目处于停工状态'],
          notes: '企业反映环评批复未下达',
          decisions: [
            { id: '2021-08-20-02', text: '督促企业尽快复工', unit: '丙局', owner: '赵六', due: '2021-09-10' },
          ],
        },
      ],
      followups: [],
    },
    {
      file: '/tmp/meetings/2021-08-27.yaml',
      meeting: {
        date: '2021-08-27',
        kind: '周调度',
        title: '全区重点项目周调度会',
        chair: '王五',
        place: '区政府三楼会议室',
        present: ['甲局', '乙局'],
        absent: ['丙局'],
        attending: ['区督查室'],
        register: '../sample.yaml',
        asOf: '2021-08-25',
        closed: true,
      },
      items: [
        {
          project: 'A3',
          light: '黄',
          reasons: ['计划2021年8月1日开工，已逾期26天仍未开工'],
          decisions: [{ id: '2021-08-27-01', text: '加快办理施工许可。', unit: '乙局', due: '2021-08-30' }],
        },
      ],
      followups: [{ decision: '2021-08-20-01', status: '已落实', note: '资金已到位' }],
    },
  ];
}
