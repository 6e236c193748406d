import { testRulePack } from '../../testing/index.ts';
import { jailbreakPersonaPack } from './jailbreak-persona.ts';

testRulePack(jailbreakPersonaPack);
