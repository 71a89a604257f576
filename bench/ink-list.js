// A floor for key latency: a bare Ink program that draws what the project list draws at 80×24 —
// a title, a header, 19 rows of Chinese text with a coloured light, a footer — and moves an
// inverse-video cursor on ↑/↓. No data, no app code: what one such frame costs Ink itself.
process.env.NODE_ENV ??= 'production';
const [{ createElement: h, useState }, { render, Box, Text, useInput }] = await Promise.all([
  import('react'),
  import('ink'),
]);

const NAMES = [
  '光伏新材料项目',
  '智能装备储能项目',
  '产业园数据中心项目',
  '道路提升物流园项目',
  '冷链光伏项目',
];
const UNITS = ['阻虎乡', '区工信局', '下木角乡', '区发改局', '区自然资源局'];
const LIGHTS = [
  ['●红', 'red'],
  ['▲黄', 'yellow'],
  ['○绿', 'green'],
];
const pad = (s, w) => {
  let width = 0;
  for (const ch of s) width += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return s + ' '.repeat(Math.max(0, w - width));
};

function Row({ i, selected }) {
  const [light, color] = LIGHTS[i % 3];
  const text =
    `BM-${String(i + 1).padStart(5, '0')} ${pad(NAMES[i % 5].slice(0, 6) + (i + 1) + '号', 19)} ${pad(UNITS[i % 5], 12)} ` +
    `${pad('领导' + ((i % 40) + 1), 8)} ${String(20000 + i * 37).padStart(8)} ${String(15000 + i * 29).padStart(8)}  79.6% `;
  return h(Text, { inverse: selected }, text, h(Text, { color }, light));
}

function List() {
  const [cursor, setCursor] = useState(0);
  useInput((input, key) => {
    if (key.downArrow) setCursor((c) => c + 1);
    if (key.upArrow) setCursor((c) => Math.max(0, c - 1));
  });
  const top = Math.max(0, cursor - 18);
  return h(
    Box,
    { flexDirection: 'column' },
    h(Text, { bold: true }, ' diaodu › 项目'),
    h(Text, null, ' 共10000个项目，显示10000个 · 排序：台账顺序 · 金额：万元'),
    h(Text, { bold: true }, '编号     名称                责任单位     包联领导 年度计划   已完成 完成率 灯'),
    ...Array.from({ length: 19 }, (_, k) => h(Row, { key: k, i: top + k, selected: top + k === cursor })),
    h(
      Text,
      { dimColor: true },
      '/ 搜索  s 排序  u 单位  l 灯  ↑↓ 移动  PgDn 翻页  Enter 打开  Esc 返回  ? 帮助',
    ),
  );
}

render(h(List), { exitOnCtrlC: true, maxFps: 60 });
