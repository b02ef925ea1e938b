// Demo edition content: 鼎新财经 (Chinese business news, heavy on tables) and Harbour Business
// Review (English). Original sample text; all figures are illustrative, not market data. Pure data.
import type { DemoArticle } from './demo-article.js';

/** The articles of the two business feeds. */
export const ARTICLES_BUSINESS: readonly DemoArticle[] = [
  {
    id: 'dx-cj-6001',
    feed: 'dingxin-business',
    title: '前三季度福建外贸稳中有升 厦门泉州民营企业贡献过半',
    author: '鼎新财经记者 蔡伟',
    source: '鼎新财经',
    editor: '王子涵',
    minutesAgo: 66,
    categories: ['财经', '外贸', '福建'],
    summary:
      '前三季度福建货物贸易进出口同比增长，民营企业占比超过一半。厦门、泉州两地的跨境电商和机电产品出口增长较快。',
    body: [
      '前三季度，福建省货物贸易进出口总值同比保持增长，其中出口增速快于进口。民营企业进出口占全省比重超过一半，继续发挥外贸“主力军”作用。以下数据为本报整理的示例数据。',
      {
        table: {
          caption: '前三季度福建部分设区市进出口情况（示例数据）',
          head: ['城市', '进出口（亿元）', '同比', '出口（亿元）', '同比'],
          rows: [
            ['厦门', '6,820', '+4.1%', '3,560', '+6.3%'],
            ['福州', '2,940', '+3.2%', '1,780', '+5.0%'],
            ['泉州', '1,960', '+7.8%', '1,420', '+9.1%'],
            ['漳州', '870', '+2.6%', '510', '+4.4%'],
          ],
        },
      },
      '从商品结构看，机电产品和劳动密集型产品出口均实现增长。其中，泉州的鞋服、箱包企业加快布局海外仓和自主品牌，跨境电商出口增速超过两成。',
      '厦门的一家跨境电商企业负责人告诉记者，公司今年在中东和拉美新设了三个海外仓，“以前是等订单，现在是把货提前放到消费者家门口”。',
      '分析人士提醒，外部需求仍存在不确定性，贸易摩擦和汇率波动对中小外贸企业影响较大。企业应加强风险管理，用好出口信用保险等工具。',
    ],
  },
  {
    id: 'dx-cj-6002',
    feed: 'dingxin-business',
    title: '动力电池回收首个行业标准实施 宁德产业链企业率先试点',
    author: '鼎新财经记者 许文博',
    source: '鼎新财经',
    editor: '王子涵',
    minutesAgo: 305,
    categories: ['财经', '新能源', '产业'],
    summary:
      '动力电池回收利用行业标准正式实施，对拆解、检测、梯次利用和再生利用提出统一要求。宁德等地的产业链企业率先开展试点。',
    body: [
      '随着第一批新能源汽车进入报废期，动力电池回收利用正在成为一个快速增长的产业。本月起，动力电池回收利用行业标准正式实施，对电池的拆解、检测、梯次利用和材料再生利用提出了统一要求。',
      '标准主要规定了以下内容：',
      {
        ul: [
          '回收企业须具备相应的安全防护和环保处理能力；',
          '退役电池须逐包检测，按剩余容量和安全状态分级；',
          '梯次利用产品须有清晰的来源追溯和质保承诺；',
          '锂、钴、镍等关键金属的回收率须达到规定下限。',
        ],
      },
      '在宁德，一家电池材料企业的再生工厂已经按照新标准完成改造。工厂负责人介绍，退役电池经过放电、拆解、破碎和湿法冶金等工序后，锂的回收率可以达到九成以上，再生材料可以重新用于电池生产。',
      {
        table: {
          caption: '动力电池回收的两条路径',
          head: ['路径', '适用电池', '典型用途'],
          rows: [
            ['梯次利用', '剩余容量约70%至80%', '储能电站、通信基站备用电源、低速车'],
            ['再生利用', '容量衰减严重或损坏', '提取锂、钴、镍等材料重新制造电池'],
          ],
        },
      },
      '业内人士认为，标准的实施有助于规范市场、挤压“小作坊”的生存空间，但回收网络建设、电池溯源和利益分配等问题仍需进一步理顺。',
    ],
  },
  {
    id: 'dx-cj-6003',
    feed: 'dingxin-business',
    title: '新能源汽车下沉市场升温 三四线城市渗透率快速提升',
    author: '鼎新财经记者 郑雅琴',
    source: '鼎新财经',
    editor: '高峰',
    minutesAgo: 760,
    categories: ['财经', '汽车', '消费'],
    summary:
      '三四线城市和县域的新能源汽车渗透率快速上升，三明等地的汽车城里，来看新能源车的顾客明显增多，充电设施短板正在补齐。车企加快在县城布局门店和售后网点。',
    body: [
      '过去，新能源汽车的主要消费者集中在一二线城市。如今，这一格局正在改变。行业数据显示，今年以来三四线城市和县域市场的新能源汽车渗透率提升明显，增速快于一二线城市。',
      '在三明市的一家汽车城，销售顾问说，来看新能源车的顾客比例明显增加，“很多人家里有院子，可以自己装充电桩，用车成本比油车低不少”。',
      '充电设施曾是制约下沉市场的最大短板。近两年，高速公路服务区和乡镇的公共充电桩数量快速增长，一些地方还推出了“统建统营”的小区充电模式。',
      {
        table: {
          caption: '不同层级城市新能源乘用车渗透率（示例数据）',
          head: ['城市层级', '去年同期', '今年前三季度'],
          rows: [
            ['一线城市', '46%', '52%'],
            ['二线城市', '38%', '45%'],
            ['三四线城市', '27%', '37%'],
            ['县域及以下', '19%', '29%'],
          ],
        },
      },
      '不过，下沉市场消费者对价格更加敏感，对售后服务的便利性要求也更高。车企纷纷加快在县城布局门店和售后网点，部分品牌推出了上门取送车和移动维修服务。',
    ],
  },
  {
    id: 'dx-cj-6004',
    feed: 'dingxin-business',
    title: '安溪铁观音价格指数上线 泉州茶企期待“以数定价”',
    author: '鼎新财经记者 何静怡',
    source: '鼎新财经',
    editor: '高峰',
    minutesAgo: 1600,
    categories: ['财经', '农业', '茶叶'],
    summary:
      '泉州安溪发布铁观音茶叶价格指数，每周采集主要交易市场的成交数据。茶企和茶农希望指数能减少“一口价”乱象。',
    body: [
      '泉州市安溪县近日正式发布铁观音茶叶价格指数。指数每周更新，数据来自县内主要茶叶交易市场和部分电商平台的实际成交记录，按清香型、浓香型等不同品类分别编制。',
      '长期以来，茶叶定价缺乏公开透明的参考标准，同样等级的茶叶，价格可能相差数倍。一些消费者反映，买茶“全凭感觉”，容易被“天价茶”误导。',
      '当地茶企负责人表示，价格指数可以为收购、批发和零售提供参考，也有助于金融机构开展茶叶仓单质押等业务。“有了数据，银行才敢给茶企放贷。”',
      { quote: '指数不是定价，而是给市场一面镜子。', cite: '指数编制机构负责人' },
      '专家也提醒，茶叶品质受产地、工艺和年份影响很大，价格指数只能反映整体走势，消费者购买时仍需结合品鉴和认证信息。',
    ],
  },
  {
    id: 'dx-cj-6005',
    feed: 'dingxin-business',
    title: '一周市场回顾：三大指数小幅收涨 成交额连续五日超万亿',
    author: '鼎新财经数据部',
    source: '鼎新财经',
    editor: '王子涵',
    minutesAgo: 2880,
    categories: ['财经', '市场', '数据'],
    summary:
      '本周主要股指小幅收涨，两市成交额连续五个交易日超过一万亿元。电力设备和消费电子板块表现活跃。（示例数据）',
    body: [
      '本周市场整体震荡上行，主要股指均小幅收涨，两市成交额连续五个交易日超过一万亿元。以下为本报数据部整理的一周回顾（示例数据，不构成投资建议）。',
      {
        table: {
          caption: '本周主要指数表现（示例数据）',
          head: ['指数', '周收盘', '周涨跌幅', '周成交额（亿元）'],
          rows: [
            ['综合指数A', '3,412.56', '+1.24%', '24,310'],
            ['成份指数B', '10,986.03', '+0.87%', '30,125'],
            ['创新指数C', '2,231.48', '+2.05%', '12,640'],
          ],
        },
      },
      '行业方面，电力设备、消费电子和传媒板块涨幅居前；银行、煤炭等板块小幅回调。资金面上，融资余额连续三周增加。',
      '分析人士认为，近期市场交投活跃，但仍以结构性行情为主。投资者应关注上市公司业绩预告和宏观数据发布，避免盲目追高。',
      '风险提示：本文数据为演示用示例，不代表任何真实市场行情。',
    ],
  },
  {
    id: 'hbr-6101',
    feed: 'harbour-business',
    title: 'Container rates slide as a wave of new ships hits the Pacific lanes',
    author: 'Oliver Grant',
    source: 'Harbour Business Review',
    minutesAgo: 120,
    categories: ['Shipping', 'Markets'],
    summary:
      'Record deliveries of large container ships are pushing spot rates down on trans-Pacific routes, squeezing carriers that ordered aggressively during the boom.',
    body: [
      'Carriers ordered a record number of large container ships when freight rates soared a few years ago. Those ships are now arriving, and they are arriving into a market that no longer needs them.',
      'Spot rates on the main trans-Pacific routes have fallen for six consecutive weeks, according to freight brokers. Carriers have responded by cancelling sailings and slowing ships down, but the capacity keeps coming.',
      {
        table: {
          caption: 'Spot rates per forty-foot container (illustrative figures)',
          head: ['Route', 'Six weeks ago', 'This week', 'Change'],
          rows: [
            ['Asia – US West Coast', '$2,480', '$1,910', '−23%'],
            ['Asia – US East Coast', '$3,650', '$2,960', '−19%'],
            ['Asia – North Europe', '$2,120', '$1,740', '−18%'],
          ],
        },
      },
      'For shippers, the decline is welcome after years of volatile costs. For carriers, it raises the question of how long they can keep ships full without a price war.',
      '“The industry has a memory of about eighteen months,” said one broker. “Everyone remembers the boom. Nobody remembers the bust that came before it.”',
    ],
  },
  {
    id: 'hbr-6102',
    feed: 'harbour-business',
    title: 'Xiamen’s cross-border e-commerce zone passes a milestone',
    author: 'Mei Lin Tan',
    source: 'Harbour Business Review',
    minutesAgo: 690,
    categories: ['Trade', 'E-commerce', 'China'],
    summary:
      'Parcels cleared through the zone this year have already exceeded last year’s total, driven by small sellers — from Quanzhou clothing workshops to Zhangzhou furniture makers — shipping abroad.',
    body: [
      'The cross-border e-commerce zone next to Xiamen’s airport cleared more parcels in the first ten months of this year than in the whole of last year, according to the zone’s operator.',
      'Much of the growth comes from small sellers: family workshops making clothing in Quanzhou, furniture makers in Zhangzhou and tea merchants who sell directly to customers abroad.',
      'The zone offers bonded warehousing, consolidated customs clearance and return handling, which together allow small sellers to compete on delivery times with much larger platforms.',
      {
        ul: [
          'Average clearance time: under two hours for standard parcels.',
          'Top destinations: Southeast Asia, the Middle East and Latin America.',
          'Fastest-growing categories: outdoor gear, pet products and tea.',
        ],
      },
      'Operators say the next challenge is returns: handling unwanted goods across borders remains slow and costly, and many sellers simply write them off.',
    ],
  },
  {
    id: 'hbr-6103',
    feed: 'harbour-business',
    title: 'Why battery makers are moving closer to their customers',
    author: 'Oliver Grant',
    source: 'Harbour Business Review',
    minutesAgo: 1750,
    categories: ['Energy', 'Manufacturing'],
    summary:
      'From Ningde to central Europe, battery producers are building plants next to car factories to cut transport costs and meet local-content rules.',
    body: [
      'Batteries are heavy, hazardous to ship and increasingly subject to rules about where their components come from. That combination is changing where they are made.',
      'Manufacturers that grew up around Ningde, on China’s south-east coast, now operate or are building plants in Europe and Southeast Asia, often on sites adjacent to car assembly lines.',
      '“The battery is the most expensive part of the car,” said a consultant who advises on plant locations. “You do not want it sitting on a ship for six weeks.”',
      'The shift is not without risk. New plants take years to reach full yields, skilled workers are scarce, and local electricity prices can erase the savings on transport. Several announced projects have already been delayed.',
    ],
  },
  {
    id: 'hbr-6104',
    feed: 'harbour-business',
    title: 'The quiet boom in cold-chain logistics',
    author: 'Mei Lin Tan',
    source: 'Harbour Business Review',
    minutesAgo: 4300,
    categories: ['Logistics', 'Food'],
    summary:
      'Refrigerated warehouses and trucks are multiplying as consumers buy more fresh food online — from Putian oysters to Fuzhou fish balls.',
    body: [
      'Ten years ago, a fresh oyster from Putian would rarely travel further than the nearest provincial capital. Today it can reach a kitchen in Beijing within thirty-six hours, packed in ice and tracked by a temperature sensor.',
      'The change is the result of heavy investment in cold-chain logistics: refrigerated warehouses near producing areas, insulated trucks and a growing network of small cold stores in cities.',
      'Operators say margins are thin and the business is capital-intensive. Power costs are high, and a single failure can spoil an entire shipment. But demand keeps rising as more consumers buy fresh food online.',
      'Smaller producers are among the biggest winners. A fish-ball workshop in Fuzhou that once sold only to nearby restaurants now ships frozen orders to customers in a dozen provinces, using shared cold stores rather than building its own.',
      {
        quote:
          'Cold chain is a business of a thousand small details. Miss one and the customer gets a warm box of fish.',
        cite: 'a logistics manager in Fuzhou',
      },
    ],
  },
];
