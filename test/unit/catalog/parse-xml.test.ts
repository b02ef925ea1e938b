import { describe, expect, it } from 'vitest';
import { parseXml, XmlError } from '../../../src/core/catalog/parse-xml.js';

function errorOf(text: string): XmlError {
  try {
    parseXml(text);
  } catch (error) {
    if (error instanceof XmlError) return error;
    throw error;
  }
  throw new Error('expected an XmlError');
}

describe('parseXml', () => {
  it('reads elements, attributes, text, CDATA and decodes entities', () => {
    const root = parseXml(
      '<?xml version="1.0"?>\n<!-- c -->\n<a x="1 &amp; 2" y=\'&lt;b&gt;\'><b>t&#233;&#x4E2D;</b><![CDATA[<raw>]]><c/></a>\n',
    );
    expect(root.name).toBe('a');
    expect(root.attributes.get('x')).toBe('1 & 2');
    expect(root.attributes.get('y')).toBe('<b>');
    expect(root.children.map((c) => c.name)).toEqual(['b', 'c']);
    expect(root.children[0]?.text).toBe('té中');
    expect(root.text).toBe('<raw>');
    expect(root.line).toBe(3);
  });

  it('skips a BOM and a doctype with an internal subset, without expanding its entities', () => {
    const root = parseXml('\uFEFF<!DOCTYPE a [<!ENTITY e "boom">]><a t="&amp;"/>');
    expect(root.name).toBe('a');
    expect(root.attributes.get('t')).toBe('&');
  });

  it('keeps a bare ampersand as text and decodes common HTML entities', () => {
    const root = parseXml('<a u="http://x/?a=1&b=2" t="A&nbsp;B &hellip;"/>');
    expect(root.attributes.get('u')).toBe('http://x/?a=1&b=2');
    expect(root.attributes.get('t')).toBe('A\u00a0B …');
  });

  it('normalizes newlines and tabs in attribute values to spaces', () => {
    expect(parseXml('<a t="one\ntwo\tthree"/>').attributes.get('t')).toBe('one two three');
  });

  it('names the line and column of a mismatched end tag', () => {
    const error = errorOf('<opml>\n  <body>\n    <outline text="a">\n  </body>\n</opml>');
    expect(error.message).toBe(
      'line 4, column 3: </body> does not match <outline> opened on line 3',
    );
  });

  it('reports an element that is never closed', () => {
    expect(errorOf('<a>\n<b>\n').message).toBe('line 2, column 1: <b> is never closed');
  });

  it('reports unquoted attribute values, duplicate attributes and unknown entities', () => {
    expect(errorOf('<a x=1/>').problem).toBe('value of attribute "x" must be quoted');
    expect(errorOf('<a x="1" x="2"/>').problem).toBe('duplicate attribute "x" in <a>');
    expect(errorOf('<a>&bogus;</a>').message).toBe('line 1, column 4: unknown entity "&bogus;"');
    expect(errorOf('<a t="&#xZZ;"/>').problem).toBe('invalid character reference "&#xZZ;"');
  });

  it('reports text before the root, content after it and an empty document', () => {
    expect(errorOf('hello <a/>').problem).toBe('text before the first element: "h"');
    expect(errorOf('<a/><b/>').problem).toBe('content after the end of <a>');
    expect(errorOf('  \n').problem).toBe('the file holds no XML element');
  });

  it('reports "<" inside an attribute value and an unterminated comment', () => {
    expect(errorOf('<a t="x<y"/>').problem).toBe(
      '"<" inside the value of attribute "t" (write &lt;)',
    );
    expect(errorOf('<a><!-- oops </a>').problem).toBe('unterminated comment');
  });
});
