// Words too common to say what a text is about, in English and Chinese, including the
// boilerplate of news copy (记者, 报道, said). Pure data.

/** English stop words (lower case). */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are aren as at be because been ' +
    'before being below between both but by can cannot could did didn do does doesn doing don down ' +
    'during each few for from further had has hasn have haven having he her here hers herself him ' +
    'himself his how however i if in into is isn it its itself just let me more most much must my ' +
    'myself no nor not now of off on once one only or other our ours ourselves out over own per ' +
    'said same say says she should so some such than that the their theirs them themselves then there ' +
    'these they this those through to too under until up upon us very via was wasn we were weren ' +
    'what when where which while who whom why will with within without won would you your yours ' +
    'yourself yourselves new news via get got may might also year years day days today yesterday ' +
    'week time according told report reports reported amp nbsp www com http https html'
  ).split(' '),
);

/** Chinese stop words: function words and news boilerplate (single characters never count). */
export const CHINESE_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    '我们 你们 他们 她们 它们 这个 那个 这些 那些 这样 那样 这里 那里 一个 一些 一种 一位 一次 ' +
    '没有 什么 怎么 为什么 因为 所以 但是 而且 如果 虽然 还是 或者 以及 并且 然后 同时 其中 ' +
    '可以 已经 正在 进行 表示 认为 通过 对于 关于 由于 根据 按照 为了 以来 以上 以下 之一 之后 ' +
    '之前 之间 当前 目前 今天 今日 昨天 昨日 明天 今年 去年 明年 日前 近日 日电 记者 报道 ' +
    '消息 据悉 新闻 本报 来源 编辑 责任编辑 视频 图片 原标题 相关 有关 方面 问题 情况 工作 ' +
    '自己 大家 不是 就是 也是 还有 不会 可能 需要 一定 非常 更加 进一步 不断 继续 开展 ' +
    '举行 发布 介绍 指出 强调 提出 要求 其他 其它 另外 此外 此前 此次 本次 这次 上午 下午 晚上 ' +
    '时间 期间 部分 全部 所有 主要 重要 一起 之中 当中 那么 这么 多少 如何 哪些 不过 只是 ' +
    '而是 就要 将会 会议 活动'
  ).split(' '),
);
