/**
 * The window face's own words, which load with it: importing this module (WindowConsole does) adds
 * them to the catalogue. The words other faces share are in window-shared.ts, in the first screen.
 */
import { messages } from './index.ts';
import { windowFace } from './window.ts';

Object.assign(messages.zh, windowFace.zh);
Object.assign(messages.en, windowFace.en);
