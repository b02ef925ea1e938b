// Demo edition content: 极客周报 (Chinese technology news) and Circuit Weekly (English).
// Original sample text; products, companies and people in it are invented. Pure data.
import type { DemoArticle } from './demo-article.js';

/** The articles of the two technology feeds. */
export const ARTICLES_TECH: readonly DemoArticle[] = [
  {
    id: 'jk-kj-7001',
    feed: 'jike-tech',
    title: '开源推理框架发布新版本 单卡吞吐提升四成',
    author: '极客周报 谢天宇',
    source: '极客周报',
    editor: '杨帆',
    minutesAgo: 18,
    categories: ['科技', '人工智能', '开源'],
    summary:
      '一个社区维护的开源大模型推理框架发布新版本，通过连续批处理和显存分页优化，在单张显卡上的吞吐量提升约四成。',
    body: [
      '社区维护的开源大模型推理框架“潮汐”昨日发布新版本。项目维护者在发布说明中表示，新版本通过改进连续批处理调度和显存分页管理，在单张消费级显卡上的推理吞吐量比上一版本提升约四成。',
      '对开发者来说，升级的方式很简单：',
      {
        code: 'pip install --upgrade tide-infer\ntide serve ./models/demo-7b --max-batch 32 --port 8080',
      },
      '新版本的主要改进包括：',
      {
        ul: [
          '调度器支持按请求优先级抢占，长文本请求不再“堵住”短请求；',
          '显存按页分配，碎片率明显下降，同样显存可容纳更多并发；',
          '新增对中文分词器的流式解码优化，首字延迟降低；',
          '提供兼容常见接口格式的服务端，便于替换现有部署。',
        ],
      },
      '有开发者在社区测试后反馈，在相同硬件下，新版本能同时服务的用户数接近翻倍，但在极长上下文场景下仍有不稳定的情况。维护者表示，下个版本将重点解决长上下文的显存占用问题。',
    ],
  },
  {
    id: 'jk-kj-7002',
    feed: 'jike-tech',
    title: '手机直连卫星普及在即：普通用户能用来做什么？',
    author: '极客周报 周可欣',
    source: '极客周报',
    editor: '杨帆',
    minutesAgo: 245,
    categories: ['科技', '通信', '手机'],
    summary:
      '越来越多的新款手机支持卫星通信。没有地面信号时能打电话吗？能发微信吗？要不要额外付费？我们整理了几个常见问题。',
    body: [
      '今年秋季发布的新款手机中，支持卫星通信的机型明显增多，价格也从旗舰机下探到了中端机。那么，手机直连卫星到底能做什么？',
      { h: '能打电话吗？' },
      '部分机型支持通过高轨卫星拨打语音电话，但通话需要在室外开阔地带，手机要大致朝向卫星的方向，接通时间也比普通电话长。更多机型只支持发送短消息。',
      { h: '能上网吗？' },
      '目前手机直连卫星的带宽很低，基本无法浏览网页或刷视频。一些应用支持通过卫星发送简短的文字和位置信息，适合在山区、海上等无信号地区报平安或求救。',
      { h: '要额外付费吗？' },
      '这取决于运营商和套餐。有的套餐包含一定次数的免费卫星短信，有的需要单独开通。建议出发前在运营商的官方渠道确认。',
      {
        quote: '卫星通信最大的价值不是日常使用，而是在关键时刻多一条生命线。',
        cite: '一位户外救援志愿者',
      },
      '业内人士预计，随着低轨卫星星座的建设，未来几年手机直连卫星的速率会大幅提升，但要达到地面网络的体验，还有很长的路要走。',
    ],
  },
  {
    id: 'jk-kj-7003',
    feed: 'jike-tech',
    title: '上手体验：一台RISC-V笔记本能办公，也能编译内核',
    author: '极客周报 许文博',
    source: '极客周报',
    editor: '蔡伟',
    minutesAgo: 980,
    categories: ['科技', '评测', '芯片'],
    summary:
      '我们用一台搭载RISC-V处理器的笔记本工作了两周：文档、浏览器、编程都能胜任，但视频剪辑和部分软件仍有短板。',
    body: [
      '过去两周，笔者把日常工作搬到了一台搭载RISC-V处理器的笔记本上。这台机器配备八核处理器、十六GB内存和一块2.5K屏幕，预装一个基于主流发行版的操作系统。',
      '先说结论：写文档、浏览网页、收发邮件和编程完全没有问题；看高清视频基本流畅；但视频剪辑、大型游戏和部分商业软件暂时无法使用或体验不佳。',
      {
        table: {
          caption: '日常任务体验（笔者主观评价）',
          head: ['任务', '体验', '备注'],
          rows: [
            ['文档与表格', '流畅', '开源办公套件运行良好'],
            ['浏览器', '良好', '复杂网页偶有卡顿'],
            ['编程与编译', '良好', '编译内核约需四十分钟'],
            ['视频播放', '良好', '硬件解码支持部分格式'],
            ['视频剪辑', '较差', '缺少硬件加速'],
          ],
        },
      },
      '作为开发者，笔者最关心的是工具链。主流编程语言的编译器和运行时都已支持RISC-V，常用的开源软件大多可以直接从软件源安装。遇到没有预编译包的软件，自己编译一般也能成功，只是需要一些耐心。',
      '总体来看，这台笔记本更像是给开发者和爱好者的“尝鲜机”。对于普通用户，RISC-V生态还需要更多时间成熟；但它已经证明，开放指令集的个人电脑不再只是概念。',
    ],
  },
  {
    id: 'jk-kj-7004',
    feed: 'jike-tech',
    title: '厦门软件园“AI+港口”联合实验室揭牌 首批课题聚焦集装箱调度',
    author: '极客周报 林晓岚',
    source: '极客周报',
    editor: '蔡伟',
    minutesAgo: 1700,
    categories: ['科技', '人工智能', '港口'],
    summary:
      '厦门软件园与港口企业共建的联合实验室揭牌，首批课题包括集装箱堆场智能调度、岸桥远程操控和船舶靠泊预测。',
    body: [
      '厦门软件园与当地港口企业共建的“AI+港口”联合实验室近日揭牌。实验室将依托港口的真实业务数据，开展人工智能在港口运营中的应用研究。',
      '首批课题有三个：',
      {
        ol: [
          '集装箱堆场智能调度：减少翻箱次数，提高提箱效率；',
          '岸桥远程操控：让司机在中控室操作，改善工作环境；',
          '船舶靠泊预测：结合气象、潮汐和航行数据，提前预判到港时间。',
        ],
      },
      '港口企业技术负责人表示，堆场里一个集装箱如果被压在下面，提箱时就要先把上面的箱子挪开，这就是“翻箱”。“翻箱率每降低一个百分点，一年就能省下不少成本。”',
      '实验室还将面向高校开放部分脱敏数据和仿真环境，吸引学生参与研究。',
    ],
  },
  {
    id: 'jk-kj-7005',
    feed: 'jike-tech',
    title: '家用储能电池安全新国标解读：这五项要求最值得关注',
    author: '极客周报 杨帆',
    source: '极客周报',
    editor: '杨帆',
    minutesAgo: 3100,
    categories: ['科技', '储能', '标准'],
    summary:
      '家用储能电池安全国家标准明年实施。热失控、安装位置、通信协议……我们把标准里和普通家庭关系最大的五项要求挑了出来。',
    body: [
      '随着家庭光伏的普及，越来越多的家庭开始安装储能电池。家用储能电池安全新国家标准将于明年实施，对产品设计、安装和运维提出了系统要求。',
      '我们挑出了和普通家庭关系最密切的五项要求：',
      {
        table: {
          caption: '新国标中与家庭用户关系最大的五项要求',
          head: ['要求', '具体内容', '对用户意味着什么'],
          rows: [
            ['热失控防护', '单个电芯热失控不得蔓延至整包', '起火风险明显降低'],
            ['安装位置', '不得安装在卧室和疏散通道', '选位置前要看清说明书'],
            ['状态监测', '须实时监测温度、电压并远程告警', '异常时手机能收到提醒'],
            ['标识说明', '须标明容量、寿命和回收方式', '购买时更容易比较'],
            ['退役回收', '生产者承担回收责任', '旧电池有人管'],
          ],
        },
      },
      '专家提醒，已经安装了储能电池的家庭，可以请专业人员检查安装位置和通风条件，并定期查看设备的运行状态。',
    ],
  },
  {
    id: 'cw-7101',
    feed: 'circuit-tech',
    title: 'The e-ink renaissance: why paper-like screens are everywhere again',
    author: 'Dana Whitfield',
    source: 'Circuit Weekly',
    minutesAgo: 90,
    categories: ['Hardware', 'Displays'],
    summary:
      'Colour e-paper has finally become fast enough for tablets, notebooks and even monitors. Here is what changed, and what still does not work.',
    body: [
      'For years, e-paper was the screen of the e-reader and little else. It was easy on the eyes and sipped power, but it was slow, mostly monochrome and ghosted badly.',
      'That is changing. A new generation of colour e-paper panels refreshes quickly enough for scrolling and handwriting, and manufacturers have started putting them into tablets, notebooks and even desktop monitors.',
      {
        ul: [
          'Refresh: fast modes now reach around 20 frames per second at reduced quality.',
          'Colour: thousands of colours, though washed out compared with LCD.',
          'Power: a tablet can last two weeks of daily reading on a charge.',
          'Weak spots: video, games and anything with fine gradients.',
        ],
      },
      'The appeal is partly about health and partly about attention. Several buyers we spoke to said they wanted a device that made it hard to fall into endless scrolling.',
      '“It is a screen that wants you to read,” said one designer who works on e-paper interfaces. “Everything about it slows you down, in a good way.”',
    ],
  },
  {
    id: 'cw-7102',
    feed: 'circuit-tech',
    title: 'Why your terminal still gets Chinese characters wrong',
    author: 'Kenji Mori',
    source: 'Circuit Weekly',
    minutesAgo: 800,
    categories: ['Software', 'Unicode', 'Terminals'],
    summary:
      'Double-width characters, line-breaking rules and emoji make text layout in a terminal harder than it looks. A short guide to the pitfalls.',
    body: [
      'A terminal is a grid of cells. Most Latin letters take one cell; most Chinese, Japanese and Korean characters take two. Programs that count characters instead of cells will wrap lines in the wrong place and misalign tables.',
      'Here is the classic mistake, in one line of JavaScript:',
      { code: "const width = text.length; // wrong for '新闻' (2 code units, 4 cells)" },
      'Counting cells correctly requires a table of character widths, and the table changes with each Unicode version. Emoji are worse: a single visible symbol can be several code points joined together.',
      'Line breaking adds another layer. Chinese text has no spaces, so a line may break between almost any two characters, but typographic rules forbid starting a line with certain punctuation marks such as the full-width comma or a closing quotation mark.',
      {
        table: {
          caption: 'Common width cases',
          head: ['Text', 'Code points', 'Terminal cells'],
          rows: [
            ['abc', '3', '3'],
            ['新闻', '2', '4'],
            ['e + combining acute', '2', '1'],
            ['family emoji (joined)', '5+', '2'],
          ],
        },
      },
      'The good news is that the libraries have caught up. The bad news is that every program still has to use them, everywhere it measures text.',
    ],
  },
  {
    id: 'cw-7103',
    feed: 'circuit-tech',
    title: 'Satellite texting from an ordinary phone: what works today',
    author: 'Dana Whitfield',
    source: 'Circuit Weekly',
    minutesAgo: 2200,
    categories: ['Mobile', 'Satellite'],
    summary:
      'We tested satellite messaging on three mid-range phones in the hills. It works, slowly, and only if you can see the sky.',
    body: [
      'We took three mid-range phones with satellite messaging into a valley with no mobile coverage and tried to send a message home from each.',
      'Each phone uses a different service, and the set-up differs: one needed a one-off registration before leaving coverage, another worked out of the box, and the third required a subscription that its first year includes for free.',
      'All three succeeded, eventually. The fastest took about forty seconds from pressing send to delivery; the slowest needed nearly three minutes and two attempts, because a ridge blocked part of the sky.',
      {
        ol: [
          'Find open sky: trees and cliffs matter more than you expect.',
          'Follow the on-screen pointer to aim the phone.',
          'Keep messages short; many services cap the length.',
          'Expect delays of a minute or more per message.',
        ],
      },
      'For hikers, sailors and anyone who works in remote places, this is a real safety improvement. For everyone else, it is a feature you will probably use once, and be very glad you had.',
    ],
  },
  {
    id: 'cw-7104',
    feed: 'circuit-tech',
    title: 'Right-to-repair rules reach laptops: what changes for buyers',
    author: 'Kenji Mori',
    source: 'Circuit Weekly',
    minutesAgo: 5200,
    categories: ['Policy', 'Hardware'],
    summary:
      'New rules require spare parts and repair manuals for several years after a model is sold. Batteries must be replaceable without special tools.',
    body: [
      'New repair rules that come into force next year require laptop makers to offer spare parts and repair documentation for several years after a model leaves the shelves.',
      'The rules also say batteries must be replaceable with commonly available tools, and that manufacturers may not use software locks to stop independent repairers from fitting genuine parts.',
      {
        quote:
          'The most sustainable laptop is the one you already own. These rules make it easier to keep it.',
        cite: 'a repair-café organiser',
      },
      'Manufacturers argue that thin, light designs require glued components and that replaceable batteries add weight. Repair advocates respond that several recent models have shown both goals can be met.',
      'For buyers, the practical advice is simple: before purchasing, check how long parts will be available and whether the battery can be swapped at home.',
    ],
  },
];
