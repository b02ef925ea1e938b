import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  canonicalCharset,
  decodeFeedBytes,
  decodeHtmlBytes,
  headerCharset,
} from '../../../src/core/feeds/decode.js';

const bytes = (text: string, charset: string): Uint8Array =>
  new Uint8Array(iconv.encode(text, charset));
const corpus = resolve(import.meta.dirname, '../../../../shared/corpus');

describe('canonicalCharset', () => {
  it('maps GBK family to gb18030 and Big5 family to big5', () => {
    for (const label of ['GB2312', 'gbk', 'x-gbk', 'cp936', 'GB18030', '"gb2312"']) {
      expect(canonicalCharset(label)).toBe('gb18030');
    }
    for (const label of ['Big5', 'BIG5', 'big5-hkscs', 'cp950'])
      expect(canonicalCharset(label)).toBe('big5');
    expect(canonicalCharset('no-such-charset')).toBeNull();
    // The Encoding Standard's "replacement" labels would turn a whole document into one U+FFFD.
    expect(canonicalCharset('iso-2022-kr')).toBeNull();
    expect(canonicalCharset('Shift_JIS')).toBe('shift_jis');
    expect(canonicalCharset('UTF-32')).toBe('utf-32le');
  });
});

describe('headerCharset', () => {
  it('reads quoted and unquoted charset parameters', () => {
    expect(headerCharset('text/xml; charset=GBK')).toBe('GBK');
    expect(headerCharset("application/xml; charset='gb2312'")).toBe('gb2312');
    expect(headerCharset('text/xml; charset="utf-8"; q=1')).toBe('utf-8');
    expect(headerCharset('text/xml')).toBeNull();
    expect(headerCharset(null)).toBeNull();
  });
});

describe('decodeFeedBytes', () => {
  const xml = (encoding: string | null, body: string): string =>
    `<?xml version="1.0"${encoding === null ? '' : ` encoding="${encoding}"`}?><rss><channel><title>${body}</title></channel></rss>`;

  it('lets a BOM win over everything', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...iconv.encode(xml('GBK', '新闻'), 'utf-16le')]);
    const decoded = decodeFeedBytes(utf16, 'text/xml; charset=gbk');
    expect(decoded.charset).toBe('utf-16le');
    expect(decoded.source).toBe('bom');
    expect(decoded.text).toContain('<title>新闻</title>');
    const utf16be = new Uint8Array([0xfe, 0xff, ...iconv.encode(xml(null, '国际'), 'utf-16be')]);
    expect(decodeFeedBytes(utf16be, null).text).toContain('国际');
  });

  it('uses the HTTP charset before the XML declaration', () => {
    const decoded = decodeFeedBytes(bytes(xml('utf-8', '体育'), 'gbk'), 'text/xml; charset=GB2312');
    expect(decoded).toMatchObject({ charset: 'gb18030', source: 'http' });
    expect(decoded.text).toContain('体育');
  });

  it('trusts the XML declaration when the header says UTF-8 but the bytes are not', () => {
    const decoded = decodeFeedBytes(
      bytes(xml('GBK', '娱乐新闻'), 'gbk'),
      'text/xml; charset=utf-8',
    );
    expect(decoded.source).toBe('declaration');
    expect(decoded.text).toContain('娱乐新闻');
  });

  it('decodes GBK declared only in the prolog', () => {
    const decoded = decodeFeedBytes(bytes(xml('GBK', '福州 厦门 泉州'), 'gbk'), 'text/xml');
    expect(decoded.text).toContain('福州 厦门 泉州');
    expect(decoded.text).not.toContain('\ufffd');
  });

  it('decodes CP950 bytes declared as Big5', () => {
    const decoded = decodeFeedBytes(bytes(xml('big5', '臺灣新聞'), 'cp950'), null);
    expect(decoded.charset).toBe('big5');
    expect(decoded.text).toContain('臺灣新聞');
  });

  it('uses UTF-8 when nothing is declared and the bytes are valid UTF-8', () => {
    const decoded = decodeFeedBytes(new TextEncoder().encode(xml(null, '科技')), null);
    expect(decoded).toMatchObject({ charset: 'utf-8', source: 'utf-8' });
  });

  it('sniffs GBK when nothing is declared and the bytes are not UTF-8', () => {
    const decoded = decodeFeedBytes(bytes(xml(null, '中国新闻网今日要闻'), 'gbk'), null);
    expect(decoded.source).toBe('sniffed');
    expect(decoded.text).toContain('中国新闻网今日要闻');
  });

  it('ignores a charset label it does not know and falls through', () => {
    const decoded = decodeFeedBytes(
      new TextEncoder().encode(xml(null, 'é')),
      'text/xml; charset=bogus-8',
    );
    expect(decoded.text).toContain('é');
  });

  it('decodes every real GB2312 and Big5 feed of the corpus without replacement characters', (context) => {
    const dir = resolve(corpus, 'chinese/feeds/chardet');
    if (!existsSync(dir)) return context.skip();
    for (const [folder, charset] of [
      ['GB2312', 'gb18030'],
      ['Big5', 'big5'],
    ] as const) {
      const file = resolve(
        dir,
        folder,
        folder === 'GB2312' ? 'cnblog.org.xml' : 'coolloud.org.tw.xml',
      );
      const decoded = decodeFeedBytes(new Uint8Array(readFileSync(file)), null);
      expect(decoded.charset).toBe(charset);
      expect(decoded.text).not.toContain('\ufffd');
    }
  });

  it('decodes every GB2312 and Big5 feed of the corpus exactly as GB18030 and CP950 do', (context) => {
    const dir = resolve(corpus, 'chinese/feeds/chardet');
    if (!existsSync(dir)) return context.skip();
    let checked = 0;
    for (const [folder, legacy] of [
      ['GB2312', 'gb18030'],
      ['Big5', 'cp950'],
    ] as const) {
      for (const name of readdirSync(resolve(dir, folder))) {
        const raw = readFileSync(resolve(dir, folder, name));
        const decoded = decodeFeedBytes(new Uint8Array(raw), null);
        expect(decoded.text, `${folder}/${name}`).toBe(iconv.decode(raw, legacy));
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(40);
  });

  it('decodes UTF-32 with and without a BOM', () => {
    const text = xml('UTF-32', '𠀀福州 😀');
    const codes = [...text].map((ch) => ch.codePointAt(0) ?? 0);
    const le = Buffer.alloc(codes.length * 4);
    const be = Buffer.alloc(codes.length * 4);
    codes.forEach((cp, i) => {
      le.writeUInt32LE(cp, i * 4);
      be.writeUInt32BE(cp, i * 4);
    });
    const bom = Buffer.from([0xff, 0xfe, 0, 0]);
    expect(decodeFeedBytes(new Uint8Array(Buffer.concat([bom, le])), null)).toMatchObject({
      text,
      charset: 'utf-32le',
      source: 'bom',
    });
    expect(decodeFeedBytes(new Uint8Array(be), null)).toMatchObject({ text, charset: 'utf-32be' });
    // A code point beyond U+10FFFF and a cut-off last unit become U+FFFD, never a crash.
    const broken = Buffer.concat([
      le.subarray(0, 8),
      Buffer.from([0, 0, 0x11, 0]),
      Buffer.from([0x41]),
    ]);
    expect(decodeFeedBytes(new Uint8Array(broken), null).text).toBe('<?\ufffd\ufffd');
  });
});

describe('decodeHtmlBytes', () => {
  it('reads <meta charset>', () => {
    const html = '<html><head><meta charset="gbk"></head><body>正文内容</body></html>';
    expect(decodeHtmlBytes(bytes(html, 'gbk'), 'text/html').text).toContain('正文内容');
  });

  it('uses UTF-8 for a page that declares gb2312 but whose bytes are UTF-8', () => {
    const html =
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>人民网</body></html>';
    const decoded = decodeHtmlBytes(new TextEncoder().encode(html), 'text/html; charset=gb2312');
    expect(decoded.charset).toBe('utf-8');
    expect(decoded.text).toContain('人民网');
  });
});
