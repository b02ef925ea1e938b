// Demo edition content: The Meridian, an English world-news site whose feed is Atom.
// Original sample text; every person, town and figure in it is invented. Pure data.
import type { DemoArticle } from './demo-article.js';

/** The articles of The Meridian's Atom feed. */
export const ARTICLES_MERIDIAN: readonly DemoArticle[] = [
  {
    id: 'mer-w-5001',
    feed: 'meridian-world',
    title: 'Ports along the Taiwan Strait brace for a record winter shipping season',
    author: 'Hannah Reyes',
    source: 'The Meridian',
    minutesAgo: 26,
    categories: ['World', 'Trade', 'Shipping'],
    summary:
      'Terminals in Xiamen and Fuzhou are running night shifts and borrowing cranes as exporters rush to beat the new-year slowdown.',
    body: [
      'At the container terminal on the western edge of Xiamen harbour, the gantry cranes have not stopped moving since October. Trucks queue along the access road well past midnight, and the terminal has hired two hundred temporary workers to keep the yard from clogging.',
      '“We usually see a peak before the spring festival,” said Lin Wei, a shift supervisor who has worked at the port for eighteen years. “This year it started two months early and it has not come down.”',
      'Shipping agents say exporters of furniture, footwear and small appliances are moving goods forward to avoid the slowdown that comes with the new year, when factories close and inland logistics grind to a halt for weeks.',
      {
        img: {
          alt: 'Gantry cranes loading a container ship at night',
          caption: 'Night shift at a container terminal in Xiamen. Photo: The Meridian',
        },
      },
      'Further up the coast, the port of Fuzhou has borrowed mobile harbour cranes from a neighbouring terminal and extended its gate hours. Port officials there expect December volumes to exceed last year’s by around a tenth.',
      'Not everyone is convinced the rush will last. Freight rates on some routes have already softened as new, larger ships enter service, and several economists warn that front-loading simply shifts demand from the first quarter of next year.',
      {
        quote:
          'A busy December tells you about timing, not about the health of demand. Ask me again in March.',
        cite: 'a Singapore-based shipping analyst',
      },
    ],
  },
  {
    id: 'mer-w-5002',
    feed: 'meridian-world',
    title: 'An Alpine village votes to pay young families to stay',
    author: 'Jonas Keller',
    source: 'The Meridian',
    minutesAgo: 210,
    categories: ['World', 'Europe', 'Society'],
    summary:
      'With its school down to nine pupils, a mountain village has approved a monthly stipend for families with children who commit to living there for five years.',
    body: [
      'The primary school in the village of Oberwald — the name has been changed at residents’ request — has nine pupils, two teachers and a playground that looks out over a glacier. Ten years ago it had forty children.',
      'On Sunday, residents voted by a wide margin to pay families with school-age children a monthly stipend if they commit to living in the village for at least five years. The money comes from the sale of a disused hotel and from a tourist tax that has risen with the popularity of hiking in the region.',
      'The mayor, a former ski instructor, described the scheme as “an experiment we cannot afford not to try”. Similar schemes elsewhere in Europe have had mixed results: some attracted newcomers who left once the payments ended; others helped to stabilise a population that was already close to staying.',
      'What the village offers, supporters argue, is something money alone cannot buy: clean air, safe streets and a school where every child knows every teacher. What it lacks is equally obvious — a doctor, a supermarket and a reliable bus after seven in the evening.',
      {
        ul: [
          'Stipend: paid monthly for each child under sixteen.',
          'Condition: the family must register the village as its main residence.',
          'Review: the council will report on the scheme after three years.',
        ],
      },
    ],
  },
  {
    id: 'mer-w-5003',
    feed: 'meridian-world',
    title: 'Inside the race to map the world’s undersea cables',
    author: 'Priya Natarajan',
    source: 'The Meridian',
    minutesAgo: 520,
    categories: ['World', 'Technology', 'Infrastructure'],
    summary:
      'More than nine-tenths of intercontinental data travels through cables the width of a garden hose. A small group of researchers is trying to chart their weak points.',
    body: [
      'When a cable on the seabed breaks, the first sign is usually a drop in traffic on a dashboard thousands of kilometres away. Repair ships are few, and a single fault can take weeks to fix.',
      'A group of researchers at several universities has spent three years building an open map of the world’s undersea cables, their landing stations and the repair ships that serve them. Their aim is to show where the network is fragile.',
      'Their findings so far suggest that the risks are concentrated in a handful of places:',
      {
        ol: [
          'narrow straits where many cables share the same corridor;',
          'landing stations that serve several cables at once;',
          'regions with only one repair ship within a week’s sailing;',
          'busy fishing and anchoring grounds near the shore.',
        ],
      },
      '“Redundancy is often an illusion,” said one of the researchers. “Two cables that look independent on a map can come ashore in the same building.”',
      'Cable operators are cautious about publishing details, citing security. The researchers say they use only public filings and navigational notices, and that a shared understanding of the risks would help governments plan repairs.',
    ],
  },
  {
    id: 'mer-w-5004',
    feed: 'meridian-world',
    title: 'Drought-hit river towns turn to floating solar',
    author: 'Samuel Okafor',
    source: 'The Meridian',
    minutesAgo: 1100,
    categories: ['World', 'Energy', 'Climate'],
    summary:
      'Reservoirs that once powered turbines are now shaded by solar panels, cutting evaporation and keeping the lights on through dry summers.',
    body: [
      'Three summers of drought left the reservoir above the town of Kasara at a fraction of its capacity. The hydroelectric plant that supplied most of the town’s electricity ran for only a few hours a day.',
      'Today a quarter of the reservoir’s surface is covered by floating solar panels. On sunny days they provide more power than the turbines ever did, and engineers estimate they reduce evaporation from the covered area by around a third.',
      {
        table: {
          caption: 'Kasara reservoir before and after the floating array (illustrative figures)',
          head: ['Measure', 'Before', 'After'],
          rows: [
            ['Average daily output', '38 MWh', '61 MWh'],
            ['Summer evaporation (covered area)', '100%', '~67%'],
            ['Hours of power cuts per month', '41', '6'],
          ],
        },
      },
      'The combination has limits. Panels produce nothing at night, and batteries remain expensive. Ecologists also want more data on how shading affects fish and algae in the water below.',
      'Still, for residents who spent previous summers planning their days around power cuts, the change is tangible. “My refrigerator works,” said a shopkeeper on the main street. “That is the whole story.”',
    ],
  },
  {
    id: 'mer-w-5005',
    feed: 'meridian-world',
    title: 'The tea trail: how Wuyi rock tea found a new generation of drinkers',
    author: 'Grace Chen',
    source: 'The Meridian',
    minutesAgo: 2050,
    categories: ['World', 'Culture', 'Food'],
    summary:
      'In the hills of Wuyishan in Nanping, growers of a centuries-old oolong are selling to city drinkers who want to know exactly which cliff their leaves grew on.',
    body: [
      'The tea terraces of Wuyishan cling to gaps between red sandstone cliffs. The oolong grown here, known as rock tea, has been prized for centuries for its mineral taste, which growers attribute to the thin soil and the damp air of the gorges.',
      'For most of its history, the tea was sold through merchants and state shops. Today a new generation of growers sells directly to drinkers in Shanghai, Shenzhen and abroad, often with a photograph of the exact patch of hillside where the leaves were picked.',
      {
        img: {
          alt: 'Tea terraces between red cliffs in the Wuyi mountains',
          caption: 'Tea terraces in the Wuyi mountains, Nanping. Photo: The Meridian',
        },
      },
      '“People want a story and they want to taste the difference,” said Wu Jiahui, who returned from a marketing job in Xiamen to run her family’s plot. She holds tasting sessions in a converted farmhouse, where visitors compare teas from different gorges side by side.',
      'The boom has a downside. Prices for teas from famous sites have soared, and counterfeit labels are common. Local authorities have introduced traceability codes, but growers say the best protection is an educated customer.',
    ],
  },
  {
    id: 'mer-w-5006',
    feed: 'meridian-world',
    title: 'Quanzhou’s old harbour district reinvents itself, one courtyard at a time',
    author: 'Hannah Reyes',
    source: 'The Meridian',
    minutesAgo: 3950,
    categories: ['World', 'Cities', 'Heritage'],
    summary:
      'Once known to medieval travellers as Zayton, the port city is restoring its old quarter without the wholesale demolition seen elsewhere.',
    body: [
      'Medieval travellers called it Zayton and described a harbour crowded with ships from Persia, India and Southeast Asia. Today Quanzhou’s old quarter is a maze of red-brick courtyard houses, temples and arcaded shopfronts.',
      'Unlike many Chinese cities, Quanzhou has avoided bulldozing its historic centre. Instead, planners have chosen what they call “micro-renewal”: repairing buildings one at a time, upgrading drains and wiring, and encouraging long-time residents to stay.',
      'The approach is slower and, per square metre, often more expensive than rebuilding. But it has preserved the texture of the streets, where noodle shops that have been open for decades sit next to new cafés and design studios.',
      {
        quote: 'You cannot manufacture a place like this. You can only avoid destroying it.',
        cite: 'an architect working on the restoration',
      },
      'The challenge now is balance. Rents have risen along the most popular streets, and some residents worry that the old quarter will become a stage set for tourists. The city has capped the number of new bars and souvenir shops in the core area.',
    ],
  },
];
