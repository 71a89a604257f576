// Hand-built briefing documents shaped like the briefing helper's minutes and bulletin, for the
// office renderers' tests and the visual check (scripts render them through LibreOffice).
import type { BriefingDocument, Cell, Column } from '../../src/briefing/document.js';

const t = (text: string): Cell => ({ text });
const int = (n: number): Cell => ({ text: String(n), value: n, format: 'integer' });
const money = (n: number): Cell => ({ text: n.toFixed(2), value: n, format: 'money' });
const pct = (f: number): Cell => ({ text: `${(f * 100).toFixed(1)}%`, value: f, format: 'percent' });
const light = (l: '红' | '黄' | '绿'): Cell => ({ text: l, light: l });

export function sampleMinutes(): BriefingDocument {
  return {
    kind: 'minutes',
    title: '平鲁区重点项目周调度会议纪要',
    issueLine: '第38期',
    issuer: '平鲁区项目推进中心',
    date: '2021-11-15',
    dateText: '2021年11月15日',
    blocks: [
      {
        type: 'paragraph',
        text: '2021年11月15日，区委副书记、区长马占文在区政府三楼会议室主持召开全区重点项目周调度会，听取了各责任单位重点项目推进情况汇报，研究解决项目建设中存在的困难和问题。现将会议议定事项纪要如下：',
      },
      { type: 'heading', level: 1, text: '一、总体进展' },
      {
        type: 'paragraph',
        text: '截至2021年11月12日，全区171项重点工程项目已开复工161个，开复工率94.2%；年度计划投资85.60亿元，累计完成投资63.35亿元，完成率74.0%，超序时进度（66.7%）7.3个百分点。',
      },
      { type: 'heading', level: 1, text: '二、上次会议议定事项落实情况' },
      {
        type: 'paragraph',
        text: '上次会议议定事项12项，已落实8项，推进中3项，逾期1项：协调落实海泰新能项目铁路专用线接轨手续（责任单位：区交通局，完成时限：2021年11月10日）。',
      },
      { type: 'heading', level: 1, text: '三、滞后项目及议定事项' },
      { type: 'heading', level: 2, text: '（一）北坪循环经济园区污水处理厂项目' },
      {
        type: 'paragraph',
        text: '该项目年度投资完成率35.0%，低于序时进度（83.3%）48.3个百分点；设备采购招标流标，尚未重新挂网。',
      },
      {
        type: 'list',
        items: [
          '1.区发改局会同园区管委会于本周内重新发布设备采购招标公告（责任单位：区发改局，完成时限：2021年11月22日）。',
          '2.区自然资源局协调落实项目用地指标，确保月底前完成土地挂牌（责任单位：区自然资源局，完成时限：2021年11月30日）。',
        ],
      },
      { type: 'heading', level: 2, text: '（二）平鲁区人民医院综合楼项目' },
      { type: 'heading', level: 3, text: '1.存在问题' },
      { type: 'paragraph', text: '主体结构施工进度滞后，冬季施工措施尚未落实。' },
      { type: 'heading', level: 1, text: '四、下步工作要求' },
      {
        type: 'paragraph',
        text: '各责任单位要对照议定事项逐项抓好落实，凡事有交代、件件有着落、事事有回音，落实情况于下次调度会前报区项目推进中心。',
      },
      {
        type: 'attendance',
        present: [
          '马占文',
          '区发改局',
          '区自然资源局',
          '区住建局',
          '区交通局',
          '区生态环境局',
          '北坪循环经济园区管委会',
        ],
        absent: ['区财政局'],
        attending: ['区委督查室', '区政府督查室'],
      },
    ],
    attachments: [],
    data: {},
  };
}

const rankingColumns: Column[] = [
  { title: '责任单位', align: 'left' },
  { title: '项目数', align: 'right' },
  { title: '年度计划投资', align: 'right' },
  { title: '占比', align: 'right' },
  { title: '累计完成投资', align: 'right' },
  { title: '完成额排名', align: 'right' },
  { title: '投资完成率', align: 'right' },
  { title: '完成率排名', align: 'right' },
];

const progressColumns: Column[] = [
  { title: '序号', align: 'right' },
  { title: '项目名称', align: 'left' },
  { title: '责任单位', align: 'left' },
  { title: '包联领导', align: 'left' },
  { title: '建设性质', align: 'center' },
  { title: '建设阶段', align: 'center' },
  { title: '年度计划投资', align: 'right' },
  { title: '累计完成投资', align: 'right' },
  { title: '完成率', align: 'right' },
  { title: '灯', align: 'center' },
  { title: '形象进度', align: 'left' },
];

export const rankingRows: Cell[][] = [
  [t('区发改局'), int(12), money(32000), pct(0.2667), money(27040), int(1), pct(0.845), int(1)],
  [t('北坪循环经济园区管委会'), int(8), money(26000), pct(0.2167), money(19500), int(2), pct(0.75), int(2)],
  [t('区住建局'), int(6), money(18000), pct(0.15), money(9000), int(4), pct(0.5), int(4)],
  [t('区自然资源局'), int(5), money(24000), pct(0.2), money(13200), int(3), pct(0.55), int(3)],
  [t('区交通局'), int(3), money(20000), pct(0.1667), money(6000), int(5), pct(0.3), int(5)],
  [t('合计'), int(34), money(120000), pct(1), money(74740), t(''), pct(0.6228), t('')],
];

export function progressRows(n: number): Cell[][] {
  const rows: Cell[][] = [];
  const lights: ('红' | '黄' | '绿')[] = ['红', '黄', '绿', '绿'];
  const names = [
    '海泰新能光伏高效组件项目',
    '北坪循环经济园区污水处理厂',
    '平鲁区人民医院综合楼',
    '城区集中供热管网改造工程',
  ];
  for (let i = 0; i < n; i++) {
    const plan = 1000 + i * 250;
    const done = Math.round(plan * (0.3 + (i % 7) * 0.1));
    rows.push([
      int(i + 1),
      t(
        `${names[i % names.length] ?? ''}${i >= names.length ? `（${Math.floor(i / names.length) + 1}期）` : ''}`,
      ),
      t(i % 3 === 0 ? '区发改局' : i % 3 === 1 ? '北坪循环经济园区管委会' : '区住建局'),
      t(i % 2 === 0 ? '马占文' : '张三'),
      t(i % 2 === 0 ? '新建' : '续建'),
      t(i % 5 === 0 ? '前期' : '在建'),
      money(plan),
      money(done),
      pct(done / plan),
      light(lights[i % lights.length] ?? '绿'),
      t(i % 4 === 0 ? '主体结构施工，完成总工程量的60%' : '设备安装调试'),
    ]);
  }
  return rows;
}

export function sampleBulletin(projects = 40): BriefingDocument {
  return {
    kind: 'bulletin',
    title: '关于2021年10月份全区重点项目建设情况的通报',
    issueLine: '第10期',
    issuer: '平鲁区重点项目建设领导小组办公室',
    date: '2021-10-31',
    dateText: '2021年11月3日',
    blocks: [
      { type: 'paragraph', text: '各乡镇、区直各有关单位：' },
      {
        type: 'paragraph',
        text: '现将2021年10月份全区重点项目建设情况通报如下：',
      },
      { type: 'heading', level: 1, text: '一、总体情况' },
      {
        type: 'paragraph',
        text: '2021年全区共安排重点项目34个，已开复工32个，开复工率94.1%。年度计划投资12.00亿元，1-10月累计完成投资7.47亿元，完成率62.3%，慢于序时进度（83.3%）21.0个百分点。',
      },
      { type: 'heading', level: 1, text: '二、各责任单位推进情况' },
      {
        type: 'table',
        caption: '表1 各责任单位重点项目推进情况',
        unitNote: '单位：万元',
        columns: rankingColumns,
        rows: rankingRows,
      },
      { type: 'heading', level: 1, text: '三、红黑榜' },
      { type: 'paragraph', text: '红榜：区发改局（完成率84.5%）。' },
      { type: 'paragraph', text: '黑榜：区交通局（完成率30.0%）。' },
      { type: 'heading', level: 1, text: '四、进度滞后项目' },
      {
        type: 'paragraph',
        text: '北坪循环经济园区污水处理厂等2个项目滞后：北坪循环经济园区污水处理厂（北坪循环经济园区管委会，包联领导张三），年度投资完成率35.0%，低于序时进度48.3个百分点。',
      },
      { type: 'heading', level: 1, text: '五、问题解决和议定事项落实情况' },
      { type: 'paragraph', text: '本月共梳理问题15个，已解决11个，逾期未解决2个。' },
      { type: 'heading', level: 1, text: '六、下步工作要求' },
      { type: 'paragraph', text: '各责任单位要紧盯年度目标，倒排工期、挂图作战，确保完成全年投资任务。' },
    ],
    attachments: [
      {
        title: '2021年10月份全区重点项目进度表',
        blocks: [
          { type: 'table', unitNote: '单位：万元', columns: progressColumns, rows: progressRows(projects) },
        ],
      },
    ],
    data: {},
  };
}
