/** Interface words of the portal face. */
const zh = {
} as const;

const en: Record<keyof typeof zh, string> = {
};

export const portal = { zh, en };
