// The block model of an article's text: what html → blocks produces, what layout consumes,
// and what a favorite snapshot stores. Pure types; no behaviour.

/** One item of a list: its own text plus optional nested blocks (sub-lists, paragraphs). */
export interface ListItem {
  readonly text: string;
  readonly children: readonly Block[];
}

export type Block =
  | { readonly type: 'heading'; readonly level: number; readonly text: string }
  | { readonly type: 'paragraph'; readonly text: string }
  | { readonly type: 'list'; readonly ordered: boolean; readonly items: readonly ListItem[] }
  | { readonly type: 'quote'; readonly blocks: readonly Block[] }
  | { readonly type: 'code'; readonly text: string }
  | {
      readonly type: 'table';
      readonly header: readonly string[] | null;
      readonly rows: readonly (readonly string[])[];
    }
  | {
      readonly type: 'image';
      readonly index: number;
      readonly alt: string;
      readonly src: string | null;
    }
  | { readonly type: 'caption'; readonly text: string }
  | { readonly type: 'rule' };
