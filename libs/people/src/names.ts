/** How a teen's surname is shown to mentors: its first letter only ("L."). */
export const lastInitial = (lastName: string) => `${[...lastName][0] ?? ''}.`;
