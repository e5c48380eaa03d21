// Event categories of the timeline, each with a colour that stays apart from its neighbours on the dark
// background, and a name in words for the legend.
export const CATEGORY_COLORS: Record<string, string> = {
  process: '#5fb3f9',
  logon: '#7bd88f',
  'logon-failure': '#f2994a',
  account: '#e36bd3',
  group: '#b392f0',
  enumeration: '#f7d154',
  'signin-failure': '#ff7a7a',
  signin: '#4fd1c5',
  audit: '#a3b1c2',
  other: '#6b7785',
};

const FALLBACK = ['#8fb9a8', '#d4a373', '#9ab0ff', '#c38fff'];

export function categoryColor(category: string, index: number): string {
  return CATEGORY_COLORS[category] ?? FALLBACK[index % FALLBACK.length]!;
}
