/** Interface words of the window face. */
const zh = {
} as const;

const en: Record<keyof typeof zh, string> = {
};

export const windowFace = { zh, en };
